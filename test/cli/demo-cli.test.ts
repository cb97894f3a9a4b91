import { rmSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachBackend } from '../support/test-stores.js';
import { cliWorkspace, runCli } from '../support/run-cli.js';

const run = runCli;

describeEachBackend('huzhu demo', (dialect) => {
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeEach(async () => {
    ({ dir, env } = await cliWorkspace(dialect, 'huzhu-demo-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses in production, seeds a new database, prints what it made, and refuses a second time', async () => {
    const production = await run(['demo', '--members', '40'], { ...env, HUZHU_ENV: 'production' });
    expect(production.exitCode).toBe(2);
    expect(production.err).toBe('error DEMO_IN_PRODUCTION: Demo data is never seeded with HUZHU_ENV=production.');

    const seeded = await run(['demo', '--members', '40', '--seed', 'cli'], env);
    expect(seeded.exitCode).toBe(0);
    expect(seeded.out).toMatch(/^DEMO DATA in .* \(seed "cli"\): 40 made-up people, \d+ memberships, joined \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
    expect(seeded.out).toMatch(/critical-illness: .*active/);
    expect(seeded.out).toContain('marked demo=1');
    expect(seeded.err).toContain('DEMO DATA: seeding 40 made-up members');
    expect((await run(['ledger', 'verify'], env)).out).toMatch(/^OK: /);
    expect((await run(['plan', 'list'], env)).out).toMatch(/critical-illness\s+open\s+post_paid\s+v1\s+\d+/);

    const again = await run(['demo', '--members', '40'], env);
    expect(again.exitCode).toBe(2);
    expect(again.err).toMatch(/^error DEMO_DATABASE_NOT_EMPTY: /);
  });
});

it('explains huzhu demo with --help and checks --members', async () => {
  const help = await run(['demo', '--help'], {});
  expect(help.exitCode).toBe(0);
  expect(help.out).toContain('Usage: huzhu demo [options]');
  expect(help.out).toContain('--seed <text>');
  expect((await run(['demo', '--members', 'many'], {})).exitCode).not.toBe(0);
});
