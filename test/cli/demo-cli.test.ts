import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachBackend } from '../support/test-stores.js';
import { cliWorkspace, runCli } from '../support/run-cli.js';

const run = runCli;

describeEachBackend('huzhu demo', (dialect) => {
  let env: NodeJS.ProcessEnv;
  let dir: string;
  const cwd = process.cwd();

  beforeEach(async () => {
    ({ dir, env } = await cliWorkspace(dialect, 'huzhu-demo-cli-'));
    // With PostgreSQL the blob store is ./data/blobs, as for `serve`: keep it in the workspace.
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses in production, seeds a new database, prints what it made, and refuses a second time', async () => {
    const production = await run(['demo', '--members', '40'], { ...env, HUZHU_ENV: 'production' });
    expect(production.exitCode).toBe(2);
    expect(production.err).toBe('error DEMO_IN_PRODUCTION: Demo data is never seeded with HUZHU_ENV=production.');

    const seeded = await run(['demo', '--members', '40', '--seed', 'cli'], env);
    expect(seeded.exitCode).toBe(0);
    // 40 members of the community and the 12 people of the demo logins.
    expect(seeded.out).toMatch(/^DEMO DATA in .* \(seed "cli"\): 52 made-up people, \d+ memberships, joined \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
    expect(seeded.out).toMatch(/\nDemo logins \(made-up people, never with HUZHU_ENV=production\), each with password "demo-password":\n {2}demo-member +post-paid .*\n {2}demo-prepaid +prepaid .*\n {2}demo-juror +qualified juror.*\n(?: {2}demo-\S+ +\S.*\n){6} {2}cases: in public notice C\w+; jury voting C\w+; jury closed C\w+; demo-member's paid claim C\w+/);
    // The demo logins are the first accounts: the administrator is made first and its password shown once.
    expect(seeded.err).toMatch(/New database: created the administrator "admin" with password: \S+/);
    expect(production.err).not.toContain('administrator');
    expect(seeded.out).toMatch(/\n {2}community-critical-illness: .*active/);
    expect(seeded.out).toContain('marked demo=1');
    expect(seeded.out).toMatch(/sharing cycles \(the last two months, every notice day\): [1-9]\d* completed/);
    // Each plan's cycles, one a line; a cycle with cases says its aid, the share per member and what the backstop paid.
    expect(seeded.out).toMatch(/\n {4}community-critical-illness:\n {6}\d{8} \d+ cases?, \d+ members?/);
    expect(seeded.out).toMatch(/\n {4}community-senior-cancer:\n {6}\d{8} \d+ cases?, \d+ members?/);
    expect(seeded.out).toMatch(/\n {6}\d{8} [1-9]\d* cases?, \d+ members?( \(\d+ capped\))?: aid [\d.]+ CNY, share [\d.]+(–[\d.]+)? CNY per member, backstop [\d.]+ CNY\n/);
    expect(seeded.out).toMatch(/claims \(with made-up evidence\): .*1 in_notice/);
    expect(seeded.out).toMatch(/aid payouts: .*CNY paid; \d+ operator advances/);
    expect(seeded.err).toContain('DEMO DATA: seeding 40 made-up members');
    // The made-up evidence is where the server keeps claim evidence: blobs/ next to the SQLite file, else ./data/blobs.
    const blobs = join(dir, dialect === 'sqlite' ? 'blobs' : 'data/blobs');
    const files = readdirSync(blobs, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(0);
    // Reports are PDFs; the claims waiting in the staff queues also have a PNG scan.
    expect(files.some((file) => /^%PDF-1\.7/.test(readFileSync(join(file.parentPath, file.name), 'utf8')))).toBe(true);
    expect((await run(['ledger', 'verify'], env)).out).toMatch(/^OK: /);
    const plans = (await run(['plan', 'list'], env)).out;
    expect(plans).toMatch(/\ncommunity-critical-illness\s+open\s+post_paid\s+v1\s+\d+/);
    expect(plans).toMatch(/\ncritical-illness\s+open\s+post_paid\s+v1\s+\d+/);

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
