import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

// `npm test` builds first, so this runs the same compiled CLI that `npm start` runs.
const cli = join(import.meta.dirname, '../../dist/src/cli/main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let child: ChildProcess | undefined;
const dir = mkdtempSync(join(tmpdir(), 'huzhu-start-'));
afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

it('starts on a new SQLite database, prints the one-time admin login once and answers /healthz', async () => {
  expect(existsSync(cli), 'run npm run build first').toBe(true);
  const port = await freePort();
  child = spawn(process.execPath, [cli, 'serve'], { cwd: dir, env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' } });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const started = Date.now();
  let status = 0;
  while (Date.now() - started < 20_000) {
    try {
      status = (await fetch(`http://localhost:${port}/healthz`)).status;
      if (status === 200) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  expect(status, output).toBe(200);
  // The server listens before the demo is seeded, so a newcomer gets an answer at once.
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(existsSync(join(dir, 'data/huzhu.db'))).toBe(true);
  const password = /as "admin" with password: (\S+)/.exec(output)?.[1];
  expect(password, output).toBeDefined();
  const login = await fetch(`http://localhost:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  expect(login.status).toBe(200);
  // Ready once the sample plans (and the demo community of a new database) are in place.
  let ready = 0;
  while (Date.now() - started < 90_000 && ready !== 200) {
    ready = (await fetch(`http://localhost:${port}/readyz`)).status;
    if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(ready, output).toBe(200);
  const plans = (await (await fetch(`http://localhost:${port}/api/plans`)).json()) as { plans: Array<{ id: string }> };
  expect(plans.plans.map((plan) => plan.id).sort()).toEqual(['critical-illness', 'senior-cancer']);
  expect(output).toContain('DEMO');
}, 120_000);
