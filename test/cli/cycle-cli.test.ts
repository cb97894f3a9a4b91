import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliWorkspace, runCli } from '../support/run-cli.js';

let workspace: { dir: string; env: NodeJS.ProcessEnv };
let cycles: Array<{ cycle_id: string; plan_id: string; status: string; member_count: number; snapshot_at: string }>;

beforeAll(async () => {
  workspace = await cliWorkspace('sqlite', 'huzhu-cycle-cli-');
  const demo = await runCli(['demo', '--members', '150'], workspace.env);
  expect(demo.exitCode, demo.err).toBe(0);
  const list = await runCli(['cycle', 'list', '--json'], workspace.env);
  expect(list.exitCode, list.err).toBe(0);
  cycles = JSON.parse(list.out);
}, 120_000);
afterAll(() => rmSync(workspace.dir, { recursive: true, force: true }));

it('exports every cycle of the demo and `huzhu verify` passes on each', async () => {
  expect(cycles.length).toBeGreaterThanOrEqual(6);
  expect(new Set(cycles.map((cycle) => cycle.plan_id))).toEqual(new Set(['community-critical-illness', 'community-senior-cancer']));
  for (const cycle of cycles) {
    const file = join(workspace.dir, `${cycle.cycle_id}.jsonl`);
    const exported = await runCli(['cycle', 'export', cycle.cycle_id, '--out', file], workspace.env);
    expect(exported.exitCode, exported.err).toBe(0);
    expect(exported.out).toContain(`${cycle.member_count + 1} lines`);
    const verified = await runCli(['verify', file], workspace.env);
    expect(verified.exitCode, verified.out + verified.err).toBe(0);
    expect(verified.out).toMatch(new RegExp(`^OK cycle ${cycle.cycle_id}`));
  }
});

it('fails, naming the difference, when one byte of a demo export changes anywhere', async () => {
  const cycle = cycles.find((entry) => entry.member_count > 0)!;
  const file = join(workspace.dir, `${cycle.cycle_id}.jsonl`);
  await runCli(['cycle', 'export', cycle.cycle_id, '--out', file], workspace.env);
  const original = readFileSync(file);
  // Offsets spread over the header and the member lines, and one random value per offset.
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let trial = 0; trial < 40; trial += 1) {
    const offset = trial < 20 ? Math.floor((trial / 20) * original.indexOf(0x0a)) : next() % original.length;
    const changed = Buffer.from(original);
    let value = next() % 256;
    if (value === changed[offset]) value = (value + 1) % 256;
    changed[offset] = value;
    const tampered = join(workspace.dir, 'tampered.jsonl');
    writeFileSync(tampered, changed);
    const result = await runCli(['verify', tampered], workspace.env);
    expect(result.exitCode, `byte ${offset} → ${value}: ${result.out}`).toBe(1);
    expect(result.out).toContain('FAILED');
    expect(result.out.split('\n').length).toBeGreaterThan(1);
  }
});

it('writes a member proof that `huzhu verify --proof` accepts, and refuses it for another member', async () => {
  const cycle = cycles.find((entry) => entry.member_count > 1)!;
  const exportFile = join(workspace.dir, `${cycle.cycle_id}.jsonl`);
  await runCli(['cycle', 'export', cycle.cycle_id, '--out', exportFile], workspace.env);
  const [, first, second] = readFileSync(exportFile, 'utf8').split('\n').map((line) => (line.startsWith('{"member_code"') ? (JSON.parse(line) as { member_code: string }).member_code : ''));
  const proofFile = join(workspace.dir, 'proof.json');
  const proof = await runCli(['cycle', 'proof', cycle.cycle_id, '--member', first!, '--out', proofFile], workspace.env);
  expect(proof.exitCode, proof.err).toBe(0);
  expect((await runCli(['verify', exportFile, '--member', first!, '--proof', proofFile], workspace.env)).exitCode).toBe(0);
  const other = await runCli(['verify', exportFile, '--member', second!, '--proof', proofFile], workspace.env);
  expect(other.exitCode).toBe(1);
  expect(other.out).toContain(second!);
});

it('refuses an unknown plan, a cycle that is not due and an unknown cycle with clear codes', async () => {
  const unknown = await runCli(['cycle', 'run', '--plan', 'no-such-plan'], workspace.env);
  expect([unknown.exitCode, unknown.err]).toEqual([2, expect.stringContaining('CYCLE_UNKNOWN_PLAN')]);
  const future = await runCli(['cycle', 'run', '--plan', 'critical-illness', '--at', '2999-01-07T00:00:00Z'], workspace.env);
  expect([future.exitCode, future.err]).toEqual([2, expect.stringContaining('CYCLE_AT_IN_FUTURE')]);
  const missing = await runCli(['cycle', 'export', 'critical-illness-20000107', '--out', join(workspace.dir, 'x.jsonl')], workspace.env);
  expect([missing.exitCode, missing.err]).toEqual([2, expect.stringContaining('CYCLE_NOT_FOUND')]);
  const help = await runCli(['cycle', 'run', '--help'], workspace.env);
  expect(help.out).toContain('--plan <plan_id>');
});

it('says a cycle already completed is so and exits 0 with its figures, and refuses a time before its snapshot', async () => {
  // The first run does the latest notice day's cycle if the demo has not; the second finds it completed.
  const first = await runCli(['cycle', 'run', '--plan', 'community-critical-illness', '--json'], workspace.env);
  expect(first.exitCode, first.err).toBe(0);
  const done = JSON.parse(first.out) as { cycle_id: string; member_count: number };
  const again = await runCli(['cycle', 'run', '--plan', 'community-critical-illness'], workspace.env);
  expect(again.exitCode, again.err).toBe(0);
  expect(again.out).toContain(`cycle ${done.cycle_id} was already completed`);
  expect(again.out).toContain(`members ${done.member_count}, total `);
  const json = await runCli(['cycle', 'run', '--plan', 'community-critical-illness', '--json'], workspace.env);
  expect(json.exitCode, json.err).toBe(0);
  expect(JSON.parse(json.out)).toMatchObject({ cycle_id: done.cycle_id, already_completed: true, steps_run: [], status: 'completed' });
  // The demo's oldest cycle of the plan (the list is newest first) took its snapshot before the last one.
  const oldest = cycles.filter((cycle) => cycle.plan_id === 'community-critical-illness').at(-1)!;
  const before = await runCli(['cycle', 'run', '--plan', 'community-critical-illness', '--at', oldest.snapshot_at], workspace.env);
  expect([before.exitCode, before.err]).toEqual([2, expect.stringContaining('CYCLE_NOT_DUE')]);
});

it('refuses a malformed kill point of the crash test hook, and counts statements when asked', async () => {
  for (const point of ['nostep#3', 'charge#0', 'charge#x']) {
    const refused = await runCli(['cycle', 'run', '--plan', 'community-critical-illness'], { ...workspace.env, HUZHU_CYCLE_KILL_AT: point });
    expect([refused.exitCode, refused.err]).toEqual([2, expect.stringContaining('HUZHU_CYCLE_KILL_AT')]);
  }
  const counted = await runCli(['cycle', 'run', '--plan', 'community-critical-illness'], { ...workspace.env, HUZHU_CYCLE_COUNT_STATEMENTS: '1' });
  expect(counted.exitCode, counted.err).toBe(0);
  expect(counted.err).toMatch(/^statements per step: \{"open":\d+.*\}$/m);
});
