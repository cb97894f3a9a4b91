import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort, watchOutput } from '../support/watch-output.js';

// `npm test` builds first, so this runs the same compiled CLI that `npm start` runs.
const cli = join(import.meta.dirname, '../../dist/src/cli/main.js');

let child: ChildProcess | undefined;
const dir = mkdtempSync(join(tmpdir(), 'huzhu-start-'));
afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

it('starts on a new SQLite database, prints the one-time admin login once and answers /healthz', async () => {
  expect(existsSync(cli), 'run npm run build first').toBe(true);
  const port = await freePort();
  // LOG_LEVEL=info: the server's own "Huzhu is serving" and "ready" lines are the events the test waits for.
  child = spawn(process.execPath, [cli, 'serve'], { cwd: dir, env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', DATABASE_URL: '' } });
  const output = watchOutput(child);
  await output.line(/"msg":"Huzhu is serving"/);
  expect((await fetch(`http://localhost:${port}/healthz`)).status, output.text()).toBe(200);
  expect(existsSync(join(dir, 'data/huzhu.db'))).toBe(true);
  const password = /as "admin" with password: (\S+)/.exec(await output.line(/as "admin" with password: /))?.[1];
  expect(password, output.text()).toBeDefined();
  const login = await fetch(`http://localhost:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  expect(login.status).toBe(200);
  // Ready once the sample plans (and the demo community of a new database) are in place. The server
  // listens before it seeds the demo, so a newcomer gets an answer at once: it says so in this order.
  await output.line(/"msg":"ready"/);
  expect(output.text().indexOf('"msg":"Huzhu is serving"')).toBeLessThan(output.text().indexOf('"msg":"ready"'));
  expect((await fetch(`http://localhost:${port}/readyz`)).status, output.text()).toBe(200);
  const plans = (await (await fetch(`http://localhost:${port}/api/plans`)).json()) as { plans: Array<{ id: string }> };
  // The sample plans of DESIGN.md, and the demo community's own plans, sized for its 3,000 members.
  expect(plans.plans.map((plan) => plan.id).sort()).toEqual(['community-critical-illness', 'community-senior-cancer', 'critical-illness', 'senior-cancer']);
  const cycles = (await (await fetch(`http://localhost:${port}/api/public/cycles`)).json()) as { cycles: Array<{ plan_id: string; total_minor: string; share_total_minor: string | null; backstop_minor: string | null }> };
  const shared = cycles.cycles.filter((cycle) => cycle.total_minor !== '0');
  expect(new Set(shared.map((cycle) => cycle.plan_id))).toEqual(new Set(['community-critical-illness', 'community-senior-cancer']));
  // The members' shares pay each case with its fee; the backstop pays nothing at this size.
  for (const cycle of shared) expect([cycle.backstop_minor, BigInt(cycle.share_total_minor!) >= BigInt(cycle.total_minor)]).toEqual(['0', true]);
  expect(output.text()).toContain('DEMO');
  // The demo logins are printed once the demo is seeded (before "ready"), and they log in.
  expect(output.text()).toMatch(/Demo logins \(made-up people, never with HUZHU_ENV=production\), each with password "demo-password":\n {4}demo-member +post-paid/);
  expect(output.text()).toContain(`Log in at http://localhost:${port}/login`);
  for (const username of ['demo-member', 'demo-prepaid', 'demo-juror', 'demo-reviewer', 'demo-operator', 'demo-auditor', 'demo-admin']) {
    const demo = await fetch(`http://localhost:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo-password' }) });
    expect(demo.status, username).toBe(200);
    expect(output.text(), `${username} printed`).toMatch(new RegExp(`\\n {4}${username} +\\S`));
  }
}, 120_000);
