import { afterEach, beforeEach, expect, it } from 'vitest';
import { activateDueMemberships, enrolMembers, joinExistingPerson } from '../../src/services/members.js';
import { changeMembershipStatus, membershipHistory } from '../../src/services/membership-status.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { describeEachBackend } from '../support/test-stores.js';
import { noToAll, personBornOn, testContext, type TestContext } from '../support/test-context.js';
import { codeOf } from '../support/rejection-code.js';

describeEachBackend('members', (dialect) => {
  let context: TestContext;
  beforeEach(async () => {
    context = await testContext(dialect);
    await ensureSamplePlans(context);
  });
  afterEach(async () => context.store.close());

  it('enrols a person into the waiting period with a member code, and keeps ID numbers encrypted', async () => {
    const [result] = await enrolMembers(context, [{ plan_id: 'critical-illness', payer_user_id: null, person: personBornOn('1990-05-17', 1), answers: noToAll }]);
    expect(result!.ok).toBe(true);
    if (!result!.ok) return;
    expect(result!.value.member_code).toMatch(/^M[0-9A-Z]{12}$/);
    expect(result!.value.waiting_until).toBe('2027-02-26');
    const person = await context.store.db.selectFrom('persons').selectAll().executeTakeFirstOrThrow();
    expect(person.id_number_enc).not.toContain('110105');
    expect(person.id_number_masked).toMatch(/^110\*{11}\d{3}[\dX]$/);
    expect(person.name_masked).toBe('吴*漫');
    expect(context.cipher.decrypt(person.id_number_enc)).toBe(personBornOn('1990-05-17', 1).id_number);
  });

  it('refuses each bad line with a stable code and keeps the good ones', async () => {
    const good = personBornOn('1990-05-17', 2);
    const results = await enrolMembers(context, [
      { plan_id: 'critical-illness', payer_user_id: null, person: good, answers: noToAll },
      { plan_id: 'critical-illness', payer_user_id: null, person: personBornOn('1950-01-01', 3), answers: noToAll },
      { plan_id: 'critical-illness', payer_user_id: null, person: personBornOn('1991-01-01', 4), answers: { ...noToAll, 'HQ-CANCER': true } },
      { plan_id: 'critical-illness', payer_user_id: null, person: { ...personBornOn('1992-01-01', 5), id_number: '110105199201010051' }, answers: noToAll },
      { plan_id: 'critical-illness', payer_user_id: null, person: good, answers: noToAll },
      { plan_id: 'nope', payer_user_id: null, person: personBornOn('1993-01-01', 6), answers: noToAll },
      { plan_id: 'critical-illness', payer_user_id: null, person: { ...personBornOn('1994-01-01', 7), birth_date: '1994-01-02' }, answers: noToAll },
    ]);
    expect(results.map((result) => (result.ok ? 'ok' : result.rejection.code))).toEqual([
      'ok',
      'MEMBER_AGE_OUT_OF_RANGE',
      'MEMBER_EXCLUDED_CONDITION',
      'MEMBER_BAD_ID_NUMBER',
      'MEMBER_DUPLICATE_IDENTITY',
      'PLAN_NOT_FOUND',
      'MEMBER_ID_MISMATCH',
    ]);
    const again = await enrolMembers(context, [{ plan_id: 'critical-illness', payer_user_id: null, person: good, answers: noToAll }]);
    expect(again[0]!.ok ? 'ok' : again[0]!.rejection.code).toBe('MEMBER_DUPLICATE_IDENTITY');
    const count = await context.store.db.selectFrom('memberships').select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
    expect(BigInt(count.n)).toBe(1n);
  });

  it('activates after the waiting period, lapses, and rejoins with a new waiting period', async () => {
    const [result] = await enrolMembers(context, [{ plan_id: 'critical-illness', payer_user_id: null, person: personBornOn('1985-03-03', 8), answers: noToAll }]);
    if (!result!.ok) throw new Error('enrol failed');
    const { membership_id, person_id } = result!.value;
    expect(await activateDueMemberships(context)).toBe(0);
    context.clock.set('2027-02-26T00:00:00.000Z');
    expect(await activateDueMemberships(context)).toBe(1);
    expect(await codeOf(joinExistingPerson(context, { plan_id: 'critical-illness', person_id, payer_user_id: null, answers: noToAll }))).toBe('MEMBER_ALREADY_JOINED');
    await changeMembershipStatus(context, membership_id, 'payment_lapsed', 'Share not collected', 'system');
    expect(await codeOf(changeMembershipStatus(context, membership_id, 'member_withdrew', 'too late', 'member'))).toBe('MEMBERSHIP_BAD_TRANSITION');
    const rejoined = await joinExistingPerson(context, { plan_id: 'critical-illness', person_id, payer_user_id: null, answers: noToAll });
    expect(rejoined.waiting_until).toBe('2027-05-27');
    expect(rejoined.member_code).not.toBe(result!.value.member_code);
    const history = await membershipHistory(context, membership_id);
    expect(history.map((event) => [event.event, event.from_status, event.to_status])).toEqual([
      ['joined', null, 'waiting'],
      ['waiting_period_passed', 'waiting', 'active'],
      ['payment_lapsed', 'active', 'lapsed'],
    ]);
  });

  it('stores every other transition with its reason: withdrawal, fraud termination, plan closure', async () => {
    const results = await enrolMembers(
      context,
      [9, 10, 11].map((sequence) => ({ plan_id: 'critical-illness', payer_user_id: null, person: personBornOn('1988-08-08', sequence), answers: noToAll })),
    );
    const [withdrawn, fraud, closed] = results.map((result) => (result.ok ? result.value.membership_id : 0n)) as [bigint, bigint, bigint];
    await changeMembershipStatus(context, withdrawn, 'member_withdrew', 'Moved abroad', 'member');
    await changeMembershipStatus(context, fraud, 'fraud_found', 'Concealed a prior diagnosis', 'operator:1');
    await changeMembershipStatus(context, closed, 'payment_lapsed', 'Share not collected', 'system');
    await changeMembershipStatus(context, closed, 'plan_closed', 'The plan was wound down', 'operator:1');
    expect(await codeOf(changeMembershipStatus(context, fraud, 'plan_closed', 'x', 'system'))).toBe('MEMBERSHIP_BAD_TRANSITION');
    expect(await codeOf(changeMembershipStatus(context, 999n, 'member_withdrew', 'x', 'member'))).toBe('MEMBERSHIP_NOT_FOUND');
    const rows = await context.store.db.selectFrom('memberships').select(['id', 'status']).where('id', 'in', [withdrawn, fraud, closed]).orderBy('id').execute();
    expect(rows.map((row) => row.status)).toEqual(['withdrawn', 'terminated', 'ended']);
    const events = await membershipHistory(context, fraud);
    expect(events.at(-1)).toMatchObject({ event: 'fraud_found', from_status: 'waiting', to_status: 'terminated', reason: 'Concealed a prior diagnosis', actor: 'operator:1', at: '2026-11-28T10:00:00.000Z' });
  });
});
