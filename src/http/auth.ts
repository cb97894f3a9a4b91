import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { RejectionError, reject } from '../core/rejection.js';
import { hasAnyRole, type Role } from '../core/roles.js';
import type { Clock } from '../services/clock.js';
import { sessionUser } from '../services/sessions.js';
import type { User } from '../services/users.js';
import type { Store } from '../store/store.js';

export const sessionCookie = 'huzhu_session';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
}

/** Reads the session cookie on every request; routes then ask for the roles they need. */
export function installSessionLookup(app: FastifyInstance, store: Store, clock: Clock): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[sessionCookie];
    if (token !== undefined && token !== '') request.user = (await sessionUser(store, token, clock.now())) ?? null;
  });
}

export function currentUser(request: FastifyRequest): User {
  if (request.user === null) throw new RejectionError(reject('AUTH_REQUIRED', 'Log in first.').rejection);
  return request.user;
}

/** A preHandler that lets through a logged-in user holding one of the roles (admins always). */
export function requireRoles(...allowed: Role[]): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const user = currentUser(request);
    if (allowed.length > 0 && !hasAnyRole(user.roles, allowed)) {
      throw new RejectionError(reject('AUTH_FORBIDDEN', `This needs one of the roles: ${allowed.join(', ')}.`, { required: allowed }).rejection);
    }
  };
}
