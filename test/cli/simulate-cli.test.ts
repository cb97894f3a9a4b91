import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { scenarioCatalog } from '../../src/sim/scenario-catalog.js';
import { runCli } from '../support/run-cli.js';

// No database: the simulator is pure. Worker threads run the build in dist/.
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huzhu-simulate-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('prints the yearly figures of a shipped scenario', async () => {
  const result = await runCli(['simulate', '--scenario', 'small-community', '--paths', '4', '--periods', '24', '--seed', '3', '--threads', '2'], {});
  expect(result.err).toBe('');
  expect(result.exitCode).toBe(0);
  const lines = result.out.split('\n');
  expect(lines[0]).toBe('small-community: 4 paths, seed 3; P50 [P5–P95]');
  expect(lines[1]).toMatch(/^2026 \(12 periods\): cost per member \d+\.\d\d CNY \[\d+\.\d\d–\d+\.\d\d\], people helped \d+, members at the end \d+, backstop \d+\.\d\d CNY$/);
  expect(lines[2]).toMatch(/^2027 \(12 periods\)/);
  expect(lines[3]).toMatch(/^cap crossed in \d+\.\d% of paths; fell below the member threshold in \d+\.\d%$/);
});

it('writes CSV (one line per period, the documented columns) and JSON, the same on 1 and 2 threads', async () => {
  const csv = join(dir, 'run.csv');
  const written = await runCli(['simulate', '--scenario', 'small-community', '--paths', '6', '--periods', '12', '--threads', '1', '--out', csv], {});
  expect(written.out).toBe(`wrote ${csv}: 12 periods, 6 paths, seed 1`);
  const rows = readFileSync(csv, 'utf8').trimEnd().split('\n');
  expect(rows).toHaveLength(13);
  expect(rows[0]!.split(',').slice(0, 6)).toEqual(['period', 'start_date', 'year', 'share_per_member_minor_p5', 'share_per_member_minor_p50', 'share_per_member_minor_p95']);
  expect(rows[0]!.split(',').at(-1)).toBe('probability_below_threshold');
  expect(rows[1]!.startsWith('0,2026-01-01,2026,')).toBe(true);
  expect(rows[1]!.split(',')).toHaveLength(rows[0]!.split(',').length);

  const again = join(dir, 'again.csv');
  await runCli(['simulate', '--scenario', 'small-community', '--paths', '6', '--periods', '12', '--threads', '2', '--out', again], {});
  expect(readFileSync(again, 'utf8')).toBe(readFileSync(csv, 'utf8'));

  const json = join(dir, 'run.json');
  await runCli(['simulate', '--scenario', 'small-community', '--paths', '6', '--periods', '12', '--threads', '0', '--out', json], {});
  const summary = JSON.parse(readFileSync(json, 'utf8')) as { scenario: string; paths: number; periods: Array<{ members: { p50: number } }>; years: Array<{ year: number }> };
  expect(summary.scenario).toBe('small-community');
  expect(summary.paths).toBe(6);
  expect(summary.periods).toHaveLength(12);
  expect(summary.years.map((year) => year.year)).toEqual([2026]);
});

it('reads a scenario file, and refuses bad input naming the parameter (exit 2)', async () => {
  const file = join(dir, 'mine.json');
  writeFileSync(file, JSON.stringify({ ...(scenarioCatalog['small-community'] as object), churn: { base_per_year: -1, elasticity: 0, reference_share_per_year_minor: '100' } }));
  const bad = await runCli(['simulate', '--scenario', file, '--paths', '2', '--periods', '2'], {});
  expect(bad.exitCode).toBe(2);
  expect(bad.err).toMatch(/^error SIM_BAD_SCENARIO: churn\.base_per_year: /);

  const too_many = await runCli(['simulate', '--scenario', 'small-community', '--paths', '10001', '--periods', '2'], {});
  expect(too_many.exitCode).toBe(2);
  expect(too_many.err).toBe('error SIM_BAD_OPTIONS: paths: Too big: expected number to be <=10000');

  const unknown = await runCli(['simulate', '--scenario', 'nope', '--paths', '2', '--periods', '2'], {});
  expect(unknown.err).toBe('error: no scenario named nope (known: xiang-hu-bao, small-community; or give a .json file)');
  const out = await runCli(['simulate', '--scenario', 'small-community', '--paths', '2', '--periods', '2', '--out', join(dir, 'x.txt')], {});
  expect(out.err).toBe('error: --out must end in .csv or .json');
});

it('documents the CSV and JSON output in --help', async () => {
  // commander wraps the description: compare with single spaces.
  const help = { out: (await runCli(['simulate', '--help'], {})).out.replace(/\s+/g, ' ') };
  expect(help.out).toContain('--out FILE.csv: one line per period with the columns period, start_date, year, share_per_member_minor_p5');
  expect(help.out).toContain('--out FILE.json: the whole summary');
  expect(help.out).toContain('xiang-hu-bao, small-community');
});
