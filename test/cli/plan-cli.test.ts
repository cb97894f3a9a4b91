import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { criticalIllnessPlan } from '../../src/core/plans/sample-plans.js';
import { describeEachBackend } from '../support/test-stores.js';
import { cliWorkspace, runCli } from '../support/run-cli.js';


const run = runCli;

describeEachBackend('huzhu plan', (dialect) => {
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeEach(async () => {
    ({ dir, env } = await cliWorkspace(dialect, 'huzhu-plan-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function file(name: string, content: unknown): string {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  }

  it('lists and shows the sample plans, as text and JSON', async () => {
    const list = await run(['plan', 'list'], env);
    expect(list.exitCode).toBe(0);
    expect(list.out).toMatch(/^id\s+status\s+funding\s+rules\s+members\s+name/);
    expect(list.out).toMatch(/critical-illness\s+open\s+post_paid\s+v1\s+0\s+大病互助计划/);
    expect(list.out).toMatch(/senior-cancer\s+open\s+prepaid\s+v1/);
    const json = JSON.parse((await run(['plan', 'list', '--json'], env)).out) as Array<{ id: string; versions: unknown[] }>;
    expect(json.map((plan) => plan.id)).toEqual(['critical-illness', 'senior-cancer']);

    const show = await run(['plan', 'show', 'critical-illness'], env);
    expect(show.exitCode).toBe(0);
    expect(show.out).toContain('rules in force: version 1');
    expect(show.out).toContain('join age: 30 days to 59 years');
    expect(show.out).toContain('0–39: 300000.00 CNY; 40–130: 100000.00 CNY');
    expect(show.out).toContain('CI-01  恶性肿瘤 / Malignant tumour (cancer)');
    expect(show.out).toMatch(/version history:\n {2}v1 {2}effective .* \(in force, created .*\) {2}Initial rules/);
    const shown = JSON.parse((await run(['plan', 'show', 'senior-cancer', '--json'], env)).out) as { rules?: unknown; versions: Array<{ rules: { funding: { model: string } } }> };
    expect(shown.versions[0]!.rules.funding.model).toBe('prepaid');

    const missing = await run(['plan', 'show', 'nope'], env);
    expect(missing.exitCode).toBe(2);
    expect(missing.err).toBe('error PLAN_NOT_FOUND: No plan nope.');
  });

  it('creates a plan from a file, adds a future version, refuses one in the past, closes and opens', async () => {
    const planFile = file('union.json', { id: 'trade-union', name_zh: '工会互助计划', name_en: 'Trade union plan', rules: criticalIllnessPlan.rules });
    const created = await run(['plan', 'create', '--file', planFile], env);
    expect(created.err).toBe('');
    expect(created.exitCode).toBe(0);
    expect(created.out).toMatch(/^created plan trade-union \(Trade union plan\), version 1 effective /);
    expect((await run(['plan', 'create', '--file', planFile], env)).err).toBe('error PLAN_EXISTS: A plan trade-union exists already.');

    const rulesFile = file('rules-v2.json', { ...criticalIllnessPlan.rules, waiting_days: 60 });
    const past = await run(['plan', 'version', 'trade-union', '--file', rulesFile, '--effective', '2020-01-01T00:00:00Z', '--note', 'Shorter waiting period'], env);
    expect(past.exitCode).toBe(2);
    expect(past.err).toMatch(/^error PLAN_VERSION_IN_PAST: /);

    // The create file (with a "rules" field) works too.
    const future = await run(['plan', 'version', 'trade-union', '--file', rulesFile, '--effective', '2099-01-01T00:00:00Z', '--note', 'Shorter waiting period'], env);
    expect(future.err).toBe('');
    expect(future.out).toBe('plan trade-union: version 2 takes effect 2099-01-01T00:00:00.000Z; members with a live membership were notified');
    const third = await run(['plan', 'version', 'trade-union', '--file', planFile, '--effective', '2099-06-01T00:00:00Z', '--note', 'Back to 90 days'], env);
    expect(third.exitCode).toBe(0);
    const show = await run(['plan', 'show', 'trade-union'], env);
    expect(show.out).toContain('waiting period: 90 days');
    expect(show.out).toMatch(/v2 {2}effective 2099-01-01T00:00:00.000Z {2}\(scheduled, created .*\) {2}Shorter waiting period/);
    expect(show.out).toMatch(/v3 {2}effective 2099-06-01T00:00:00.000Z {2}\(scheduled/);

    expect((await run(['plan', 'close', 'trade-union'], env)).out).toBe('plan trade-union is closed');
    expect((await run(['plan', 'list'], env)).out).toMatch(/trade-union\s+closed/);
    expect((await run(['plan', 'open', 'trade-union'], env)).out).toBe('plan trade-union is open');
    expect((await run(['plan', 'close', 'nope'], env)).err).toBe('error PLAN_NOT_FOUND: No plan nope.');
  });

  it('reports bad files and bad rules as one error line with exit status 2', async () => {
    const notJson = await run(['plan', 'create', '--file', file('bad.json', '{ nope')], env);
    expect(notJson.exitCode).toBe(2);
    expect(notJson.err).toMatch(/^error CLI_BAD_FILE: .*bad\.json: not valid JSON/);
    expect((await run(['plan', 'create', '--file', join(dir, 'missing.json')], env)).err).toMatch(/^error CLI_BAD_FILE: .*missing\.json: no such file$/);
    const badRules = await run(['plan', 'create', '--file', file('rules.json', { id: 'x-plan', name_zh: '计划', name_en: 'Plan', rules: { ...criticalIllnessPlan.rules, fee_bps: -1 } })], env);
    expect(badRules.err).toMatch(/^error PLAN_BAD_RULES: Invalid plan rules: fee_bps/);
    const badId = await run(['plan', 'create', '--file', file('id.json', { id: 'X', name_zh: '计划', name_en: 'Plan', rules: criticalIllnessPlan.rules })], env);
    expect(badId.err).toMatch(/^error PLAN_BAD_ID: /);
    const badDate = await run(['plan', 'version', 'critical-illness', '--file', file('r.json', criticalIllnessPlan.rules), '--effective', 'soon', '--note', 'x'], env);
    expect(badDate.err).toMatch(/^error PLAN_BAD_EFFECTIVE_DATE: /);
  });
});

it('explains each plan command with --help', async () => {
  for (const command of ['list', 'show', 'create', 'version', 'close', 'open']) {
    const result = await run(['plan', command, '--help'], {});
    expect(result.exitCode).toBe(0);
    expect(result.out).toContain(`Usage: huzhu plan ${command}`);
  }
  expect((await run(['plan', 'version', '--help'], {})).out).toContain('PLAN_VERSION_IN_PAST');
  expect((await run(['plan', '--help'], {})).out).toContain('versioned rules');
});
