import { Readable } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { importMembers, refusalCsvLine, type ImportRefusal } from '../../src/services/member-import.js';
import { enrolMembers, type PersonInput } from '../../src/services/members.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { noToAll, personBornOn, testContext, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';
import { codeOf } from '../support/rejection-code.js';

const header = 'plan_id,name,id_number,birth_date,gender,province,phone,relationship,HQ-CANCER,HQ-HEART,HQ-HOSPITAL,HQ-CLAIM';

function line(plan_id: string, person: PersonInput, answers = 'no,no,no,no', relationship = ''): string {
  return [plan_id, person.name, person.id_number, person.birth_date, person.gender, person.province, person.phone, relationship, answers].join(',');
}

describeEachBackend('member import', (dialect) => {
  let context: TestContext;
  beforeEach(async () => {
    context = await testContext(dialect);
    await ensureSamplePlans(context);
  });
  afterEach(async () => context.store.close());

  async function runImport(text: string, options: { plan_id?: string; batch_size?: number } = {}) {
    const refusals: ImportRefusal[] = [];
    const progress: number[] = [];
    const summary = await importMembers(context, Readable.from([text]), {
      ...options,
      onRefused: (refusal) => void refusals.push(refusal),
      onProgress: (update) => void progress.push(update.lines),
    });
    return { summary, refusals, progress };
  }

  it('keeps the good lines and refuses each bad one with its line number and code', async () => {
    const registered = personBornOn('1980-02-02', 90);
    await enrolMembers(context, [{ plan_id: 'critical-illness', payer_user_id: null, person: registered, answers: noToAll }]);
    const good = personBornOn('1990-05-17', 1);
    const csv = [
      header,
      line('critical-illness', good), // 2
      line('critical-illness', personBornOn('1950-01-01', 2)), // 3 too old
      line('critical-illness', personBornOn('1991-01-01', 3), 'yes,no,no,no'), // 4 excluded condition
      line('critical-illness', { ...personBornOn('1992-01-01', 4), id_number: '110105199201010051' }), // 5 malformed ID
      line('critical-illness', good), // 6 duplicate within the file, in another batch
      line('no-such-plan', personBornOn('1993-01-01', 5)), // 7
      line('critical-illness', registered), // 8 registered before
      line('senior-cancer', personBornOn('1960-03-03', 6), 'no,no,否,'), // 9 ok (the senior plan asks 3 questions)
      line('critical-illness', personBornOn('1994-01-01', 7), '是,0,false,n', '子女'), // 10 ok, Chinese answers and relationship
      line('critical-illness', { ...personBornOn('1995-01-01', 8), gender: 'x' as 'male' }), // 11 bad gender
      line('critical-illness', personBornOn('1996-01-01', 9), 'no,maybe,no,no'), // 12 bad answer
      'critical-illness,吴晓漫,short', // 13 wrong number of fields
      line('', personBornOn('1997-01-01', 10)), // 14 no plan, no default
      '', // blank lines are skipped
      line('critical-illness', personBornOn('1998-01-01', 11), 'no,no,,no'), // 16 unanswered question
      line('critical-illness', personBornOn('1999-01-01', 12)).replace('吴晓漫', '"吴 "晓漫"'), // 17 malformed CSV quoting
      line('critical-illness', personBornOn('2000-01-01', 13)), // 18 ok
    ].join('\n');
    const { summary, refusals, progress } = await runImport(csv, { batch_size: 3 });
    expect(refusals.map((refusal) => [refusal.line, refusal.code])).toEqual([
      [3, 'MEMBER_AGE_OUT_OF_RANGE'],
      [4, 'MEMBER_EXCLUDED_CONDITION'],
      [5, 'MEMBER_BAD_ID_NUMBER'],
      [6, 'MEMBER_DUPLICATE_IDENTITY'],
      [7, 'PLAN_NOT_FOUND'],
      [8, 'MEMBER_DUPLICATE_IDENTITY'],
      [10, 'MEMBER_EXCLUDED_CONDITION'],
      [11, 'MEMBER_BAD_GENDER'],
      [12, 'IMPORT_BAD_ANSWER'],
      [13, 'IMPORT_BAD_COLUMN_COUNT'],
      [14, 'IMPORT_MISSING_PLAN'],
      [16, 'MEMBER_DECLARATION_INCOMPLETE'],
      [17, 'IMPORT_BAD_CSV'],
    ]);
    expect(summary).toEqual({ lines: 16, imported: 3, refused: 13 });
    expect(progress.length).toBeGreaterThan(2);
    const memberships = await context.store.db.selectFrom('memberships').innerJoin('persons', 'persons.id', 'memberships.person_id').select(['plan_id', 'birth_date']).orderBy('memberships.id').execute();
    expect(memberships.map((row) => [row.plan_id, row.birth_date])).toEqual([
      ['critical-illness', '1980-02-02'],
      ['critical-illness', '1990-05-17'],
      ['senior-cancer', '1960-03-03'],
      ['critical-illness', '2000-01-01'],
    ]);
    expect(refusalCsvLine({ line: 4, code: 'X', message: 'a "quoted", text' })).toBe('4,X,"a ""quoted"", text"');
  });

  it('takes the plan from --plan when the file has no plan_id column, and the default relationship is self', async () => {
    const csv = ['name,id_number,birth_date,gender,province,phone,HQ-CANCER,HQ-HEART,HQ-HOSPITAL,HQ-CLAIM', line('x', personBornOn('1985-06-06', 20)).split(',').slice(1, 7).join(',') + ',0,0,0,0'].join('\r\n');
    const { summary } = await runImport(`\uFEFF${csv}\r\n`, { plan_id: 'critical-illness' });
    expect(summary).toEqual({ lines: 1, imported: 1, refused: 0 });
    const person = await context.store.db.selectFrom('persons').select(['relationship', 'demo']).executeTakeFirstOrThrow();
    expect(person).toEqual({ relationship: 'self', demo: 0n });
  });

  it('stops before writing anything on a bad header, an empty file or an unknown --plan', async () => {
    expect(await codeOf(runImport('name,id_number\n'))).toBe('IMPORT_BAD_HEADER');
    expect(await codeOf(runImport(`${header},nickname\n`))).toBe('IMPORT_BAD_HEADER');
    expect(await codeOf(runImport(header.replace('plan_id,', '') + '\n'))).toBe('IMPORT_BAD_HEADER');
    expect(await codeOf(runImport(''))).toBe('IMPORT_BAD_HEADER');
    expect(await codeOf(runImport(`${header}\n`, { plan_id: 'nope' }))).toBe('PLAN_NOT_FOUND');
    expect(await codeOf(runImport(`${header}\n`, { batch_size: 0 }))).toBe('IMPORT_BAD_OPTIONS');
    const count = await context.store.db.selectFrom('persons').select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});
