import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';

/**
 * Where `npm run build` writes the web app (vite's outDir): dist/web next to dist/src, whether this
 * file runs compiled (dist/src/http) or from source in the tests (src/http).
 */
export const defaultWebRoot = join(import.meta.dirname, import.meta.dirname.includes(`${sep}dist${sep}`) ? '../../web' : '../../dist/web');

/** Hashed bundle files never change under their name; index.html must always be fetched anew. */
const assetMaxAgeSeconds = 365 * 24 * 3600;

/**
 * The web app at `/`, from the same origin as the API: files of the build as they are, and every
 * other GET that asks for HTML (a client route such as /plans/1) answers index.html, so a reload or
 * a shared link opens the right page. `/api/*` and what is not a page stay JSON 404s.
 */
export async function installWebApp(
  app: FastifyInstance,
  root: string,
  notFound: (request: FastifyRequest, reply: FastifyReply) => unknown,
): Promise<boolean> {
  if (!existsSync(join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders: (reply, path) => {
      const cacheControl = path.startsWith(join(root, 'assets')) ? `public, max-age=${assetMaxAgeSeconds}, immutable` : 'no-cache';
      reply.header('cache-control', cacheControl);
    },
    cacheControl: false,
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path);
    if (!wantsPage) return notFound(request, reply);
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
  });
  return true;
}
