import { afterEach, beforeEach, expect, it } from 'vitest';
import { cycleExportChunks, operatorPublicKeyHex, runCycle } from '../../src/services/cycles/index.js';
import { activateDueMemberships, enrolMembers, joinExistingPerson } from '../../src/services/members.js';
import { changeMembershipStatus } from '../../src/services/membership-status.js';
import { cycleFixture, type CycleFixture } from '../support/cycle-fixture.js';
import { noToAll, personBornOn } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

const snapshot_at = '2027-03-21T00:00:00.000Z';
const dayMillis = 86_400_000;
const after = (days: number) => new Date(Date.parse(snapshot_at) + days * dayMillis).toISOString();

async function exportText(fixture: CycleFixture, cycle_id: string): Promise<string> {
  let text = '';
  for await (const chunk of cycleExportChunks(fixture.context, cycle_id)) text += chunk;
  return text;
}

/** Two identical plan histories: the cycle fixture, with the operator key made before they part. */
async function twinFixture(dialect: Parameters<typeof cycleFixture>[0]): Promise<CycleFixture> {
  const fixture = await cycleFixture(dialect);
  await operatorPublicKeyHex(fixture.context, fixture.context.clock.now().toISOString());
  return fixture;
}

/**
 * After the snapshot: a withdrawal, a lapse, a fraud termination, a rejoin of the one who
 * withdrew, new joins, and the waiting member's withdrawal; every one a membership event.
 */
async function changeEverythingAfterSnapshot(fixture: CycleFixture): Promise<void> {
  const { context, covered, waiting } = fixture;
  context.clock.set(after(1));
  await changeMembershipStatus(context, covered[3]!, 'member_withdrew', 'Left the plan', 'member');
  await changeMembershipStatus(context, covered[4]!, 'payment_lapsed', 'A share was not paid by its deadline', 'system');
  await changeMembershipStatus(context, covered[5]!, 'fraud_found', 'Concealed a condition at the join', 'operator:1');
  await changeMembershipStatus(context, waiting, 'member_withdrew', 'Left the plan', 'member');
  context.clock.set(after(2));
  const person = await context.store.db.selectFrom('memberships').select('person_id').where('id', '=', covered[3]!).executeTakeFirstOrThrow();
  await joinExistingPerson(context, { plan_id: 'critical-illness', person_id: person.person_id, payer_user_id: null, answers: noToAll });
  const joined = await enrolMembers(context, [100, 101, 102].map((sequence) => ({ plan_id: 'critical-illness', payer_user_id: null, person: personBornOn('1993-04-04', sequence), answers: noToAll })));
  expect(joined.every((result) => result.ok)).toBe(true);
  context.clock.set(after(3));
  await activateDueMemberships(context);
  context.clock.set(after(7));
}

describeEachBackend('point-in-time snapshots', (dialect) => {
  let at_once: CycleFixture;
  let late: CycleFixture;
  beforeEach(async () => {
    at_once = await twinFixture(dialect);
    late = await twinFixture(dialect);
  });
  afterEach(async () => {
    await at_once.context.store.close();
    await late.context.store.close();
  });

  it('gives a cycle run a week late, after joins, withdrawals, lapses, a rejoin and a fraud termination, the export of one run at once', async () => {
    const first = await runCycle(at_once.context, 'critical-illness');
    expect(first.cycle.snapshot_at).toBe(snapshot_at);
    expect(first.cycle.member_count).toBe(12n);
    const expected = await exportText(at_once, first.cycle_id);

    await changeEverythingAfterSnapshot(late);
    const statuses = await late.context.store.db.selectFrom('memberships').select('status').where('plan_id', '=', 'critical-illness').execute();
    // Today only 9 of the 12 covered are live (and 4 new memberships wait): the snapshot must not look at today.
    expect(statuses.filter((row) => row.status === 'active')).toHaveLength(9);
    const delayed = await runCycle(late.context, 'critical-illness', { at: after(7) });
    expect(delayed.cycle_id).toBe(first.cycle_id);
    expect(delayed.cycle.member_count).toBe(12n);
    expect(await exportText(late, delayed.cycle_id)).toBe(expected);
  });

  it('counts a member who left before the snapshot out, and one who left after it in', async () => {
    const { context, covered } = late;
    // The fixture's clock is an hour after the snapshot; take the history back to before it.
    context.clock.set('2027-03-20T12:00:00.000Z');
    await changeMembershipStatus(context, covered[0]!, 'member_withdrew', 'Left before the snapshot', 'member');
    context.clock.set(after(1));
    await changeMembershipStatus(context, covered[1]!, 'member_withdrew', 'Left after the snapshot', 'member');
    const result = await runCycle(context, 'critical-illness');
    const members = await context.store.db.selectFrom('cycle_members').select('membership_id').where('cycle_id', '=', result.cycle.id).execute();
    const ids = members.map((row) => row.membership_id);
    expect(ids).not.toContain(covered[0]);
    expect(ids).toContain(covered[1]);
    expect(result.cycle.member_count).toBe(11n);
  });
});
