import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { PersonInput } from '../../src/services/members.js';
import { personBornOn } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';
import { cliWorkspace, runCli } from '../support/run-cli.js';

const header = 'plan_id,name,id_number,birth_date,gender,province,phone,relationship,HQ-CANCER,HQ-HEART,HQ-HOSPITAL,HQ-CLAIM';

function line(plan_id: string, person: PersonInput, answers = 'no,no,no,no'): string {
  return [plan_id, person.name, person.id_number, person.birth_date, person.gender, person.province, person.phone, '', answers].join(',');
}

const run = runCli;

describeEachBackend('huzhu member import', (dialect) => {
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeEach(async () => {
    ({ dir, env } = await cliWorkspace(dialect, 'huzhu-import-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function csv(name: string, lines: string[]): string {
    const path = join(dir, name);
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  }

  it('imports the good lines, reports each bad line on stderr and in --errors, and exits 0', async () => {
    const good = personBornOn('1990-05-17', 1);
    const file = csv('members.csv', [
      header,
      line('critical-illness', good),
      line('critical-illness', personBornOn('1950-01-01', 2)),
      line('critical-illness', personBornOn('1991-01-01', 3), 'yes,no,no,no'),
      line('critical-illness', good),
      line('critical-illness', { ...personBornOn('1992-01-01', 4), id_number: '11010519920101005X' }),
      line('union-plan', personBornOn('1993-01-01', 5)),
      line('senior-cancer', personBornOn('1961-07-07', 6)),
    ]);
    const errors = join(dir, 'refused.csv');
    const result = await run(['member', 'import', file, '--errors', errors, '--batch', '2'], env);
    expect(result.exitCode).toBe(0);
    expect(result.out).toMatch(/^imported 2, refused 5 \(7 lines from .*members\.csv into .*\); refused lines are listed in .*refused\.csv$/);
    expect(result.err.split('\n').map((entry) => /^line \d+: [A-Z_]+/.exec(entry)?.[0])).toEqual([
      'line 3: MEMBER_AGE_OUT_OF_RANGE',
      'line 4: MEMBER_EXCLUDED_CONDITION',
      'line 5: MEMBER_DUPLICATE_IDENTITY',
      'line 6: MEMBER_BAD_ID_NUMBER',
      'line 7: PLAN_NOT_FOUND',
    ]);
    const refused = readFileSync(errors, 'utf8').trimEnd().split('\n');
    expect(refused[0]).toBe('line,code,message');
    expect(refused.slice(1).map((entry) => entry.split(',').slice(0, 2).join(','))).toEqual([
      '3,MEMBER_AGE_OUT_OF_RANGE',
      '4,MEMBER_EXCLUDED_CONDITION',
      '5,MEMBER_DUPLICATE_IDENTITY',
      '6,MEMBER_BAD_ID_NUMBER',
      '7,PLAN_NOT_FOUND',
    ]);
    expect(refused[2]).toMatch(/^4,MEMBER_EXCLUDED_CONDITION,"?This plan cannot cover a declared condition/);

    const list = await run(['plan', 'list'], env);
    expect(list.out).toMatch(/critical-illness\s+open\s+post_paid\s+v1\s+1\s/);
    expect(list.out).toMatch(/senior-cancer\s+open\s+prepaid\s+v1\s+1\s/);
  });

  it('exits 1 when no line could be imported, and 2 on a bad header or a missing file', async () => {
    const file = csv('bad.csv', [header, line('critical-illness', personBornOn('1940-01-01', 7))]);
    const nothing = await run(['member', 'import', file], env);
    expect(nothing.exitCode).toBe(1);
    expect(nothing.out).toMatch(/^imported 0, refused 1 /);

    const badHeader = await run(['member', 'import', csv('header.csv', ['name,surname'])], env);
    expect(badHeader.exitCode).toBe(2);
    expect(badHeader.err).toMatch(/^error IMPORT_BAD_HEADER: Unknown column "surname"/);

    const missing = await run(['member', 'import', join(dir, 'nope.csv')], env);
    expect(missing.exitCode).toBe(2);
    expect(missing.err).toMatch(/^error CLI_BAD_FILE: .*nope\.csv: no such file$/);

    const noPlan = await run(['member', 'import', file, '--plan', 'nope'], env);
    expect(noPlan.err).toBe('error PLAN_NOT_FOUND: No plan nope.');
    expect(noPlan.exitCode).toBe(2);
  });

  it('takes --plan for a file without plan_id', async () => {
    const person = personBornOn('1988-08-08', 8);
    const file = csv('plain.csv', [
      'name,id_number,birth_date,gender,province,phone,HQ-CANCER,HQ-HEART,HQ-HOSPITAL',
      [person.name, person.id_number, person.birth_date, '女', person.province, person.phone, '否', '否', '否'].join(','),
    ]);
    const result = await run(['member', 'import', file, '--plan', 'senior-cancer'], env);
    // Born 1988: too young for the senior plan.
    expect(result.err).toMatch(/^line 2: MEMBER_AGE_OUT_OF_RANGE: /);
    expect(result.exitCode).toBe(1);
  });
});

it('explains member import with --help and checks --batch', async () => {
  const help = await run(['member', 'import', '--help'], {});
  expect(help.exitCode).toBe(0);
  expect(help.out).toContain('Usage: huzhu member import [options] <csv>');
  expect(help.out).toContain('Exit status: 0 when the file was processed');
  const bad = await run(['member', 'import', 'x.csv', '--batch', '0'], {});
  expect(bad.exitCode).not.toBe(0);
  expect(bad.err).toContain('--batch');
});
