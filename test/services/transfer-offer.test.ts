import { afterEach, beforeEach, expect, it } from 'vitest';
import { announceClosure } from '../../src/services/closure/announce-closure.js';
import { closeMemberships } from '../../src/services/closure/close-memberships.js';
import {
  exportTransferConsents,
  makeTransferOffer,
  publicTransferOffer,
  setTransferConsent,
  transferConsentOf,
} from '../../src/services/closure/transfer-offer.js';
import { enrolMembers } from '../../src/services/members.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { createUser } from '../../src/services/users.js';
import { codeOf } from '../support/rejection-code.js';
import { noToAll, personBornOn, testContext, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

const plan_id = 'senior-cancer';
const closedPlan = 'critical-illness';
const offer = {
  successor_name: '平安健康保险',
  product_name: 'e生保·防癌险',
  description: 'A cancer insurance for former members, without a new waiting period.',
  terms_url: 'https://insurer.example.cn/terms/cancer',
};

async function readAll(chunks: AsyncGenerator<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

describeEachBackend('transfer offer at a closure', (dialect) => {
  let context: TestContext;

  beforeEach(async () => {
    context = await testContext(dialect, { now: '2027-03-01T08:00:00.000Z' });
    await ensureSamplePlans(context);
  });
  afterEach(async () => context.store.close());

  it('offers a move to a successor: members are told, consent until the deadline, then the consenting members as CSV, every row audited', async () => {
    const db = context.store.db;
    const now = context.clock.now().toISOString();
    const alice = await createUser(context.store, { username: 'alice', display_name: 'Alice', password: 'alice-password', roles: ['member'] }, now);
    const bob = await createUser(context.store, { username: 'bob', display_name: 'Bob', password: 'bob-password-1', roles: ['member'] }, now);
    const operator = await createUser(context.store, { username: 'olga', display_name: 'Olga', password: 'olga-password', roles: ['admin'] }, now);
    const enrolled = await enrolMembers(context, [
      { plan_id, payer_user_id: alice.id, person: personBornOn('1960-02-02', 11, { name: '欧阳秀英', phone: '13911112222' }), answers: noToAll },
      { plan_id, payer_user_id: alice.id, person: personBornOn('1961-03-03', 12, { name: '欧阳建国', relationship: 'spouse' }), answers: noToAll },
      { plan_id, payer_user_id: bob.id, person: personBornOn('1962-04-04', 13, { name: '"Bob", Jr.', phone: '13933334444' }), answers: noToAll },
      { plan_id, payer_user_id: bob.id, person: personBornOn('1963-05-05', 14, { name: '离开的人' }), answers: noToAll },
    ]);
    const [aliceOwn, aliceSpouse, bobOwn, gone] = enrolled.map((result) => (result.ok ? result.value.membership_id : 0n)) as [bigint, bigint, bigint, bigint];
    // A membership that ended before the closure is not a member of the plan any more.
    await db.updateTable('memberships').set({ status: 'withdrawn' }).where('id', '=', gone).execute();

    // No closure, no offer; then the closure is announced and the offer's inputs are checked.
    const input = { plan_id, ...offer, consent_deadline: '2027-03-20', offered_by: operator.id };
    expect(await codeOf(makeTransferOffer(context, input))).toBe('CLOSURE_NOT_FOUND');
    await announceClosure(context, { plan_id, closure_date: '2027-03-10', last_cycles_paid_by: 'members', announced_by: null });
    expect(await codeOf(makeTransferOffer(context, { ...input, terms_url: 'http://insurer.example.cn/terms' }))).toBe('TRANSFER_OFFER_BAD_URL');
    expect(await codeOf(makeTransferOffer(context, { ...input, terms_url: 'javascript:alert(1)' }))).toBe('TRANSFER_OFFER_BAD_URL');
    expect(await codeOf(makeTransferOffer(context, { ...input, consent_deadline: '2027-02-28' }))).toBe('TRANSFER_OFFER_DEADLINE_PAST');
    expect(await codeOf(makeTransferOffer(context, { ...input, consent_deadline: '2028-03-01' }))).toBe('TRANSFER_OFFER_BAD_DEADLINE');
    expect(await codeOf(makeTransferOffer(context, { ...input, consent_deadline: '2027-02-30' }))).toBe('TRANSFER_OFFER_BAD_DEADLINE');
    expect(await codeOf(makeTransferOffer(context, { ...input, successor_name: ' ' }))).toBe('TRANSFER_OFFER_BAD_TEXT');
    expect(await db.selectFrom('closure_transfer_consents').select('id').execute()).toEqual([]);

    const made = await makeTransferOffer(context, input);
    expect(made).toMatchObject({ plan_id, consent_deadline: '2027-03-20', member_count: 3n, terms_url: offer.terms_url });
    expect(await codeOf(makeTransferOffer(context, { ...input, consent_deadline: '2027-03-25' }))).toBe('TRANSFER_OFFER_EXISTS');
    const notices = await db.selectFrom('notifications').select(['channel', 'membership_id', 'user_id', 'body_en']).where('kind', '=', 'closure_transfer_offer').orderBy('id').execute();
    expect(notices.filter((notice) => notice.channel === 'in_app').map((notice) => notice.membership_id)).toEqual([aliceOwn, aliceSpouse, bobOwn]);
    expect(notices.filter((notice) => notice.channel === 'email').map((notice) => notice.user_id)).toEqual([alice.id, alice.id, bob.id]);
    expect(notices[0]!.body_en).toContain('name, phone number and date of birth');

    // Until the deadline the public sees the offer, not the count.
    expect(await publicTransferOffer(context, plan_id)).toMatchObject({ consent_open: true, consent_count: null, offer: { successor_name: offer.successor_name } });

    // Only the member who pays for a membership answers for it.
    expect(await codeOf(transferConsentOf(context, aliceOwn, bob.id))).toBe('MEMBERSHIP_NOT_FOUND');
    expect(await codeOf(setTransferConsent(context, aliceOwn, bob.id, true))).toBe('MEMBERSHIP_NOT_FOUND');
    expect(await codeOf(setTransferConsent(context, gone, bob.id, true))).toBe('TRANSFER_CONSENT_NOT_FOUND');
    const unanswered = await transferConsentOf(context, aliceOwn, alice.id);
    expect(unanswered).toMatchObject({ consent: 'none', changed_at: null, consent_open: true, shared_fields: ['name', 'phone', 'birth_date'] });

    // Idempotent: the same answer twice keeps its first time.
    context.clock.set('2027-03-05T09:00:00.000Z');
    const given = await setTransferConsent(context, aliceOwn, alice.id, true);
    expect(given).toMatchObject({ consent: 'given', changed_at: '2027-03-05T09:00:00.000Z' });
    context.clock.set('2027-03-06T09:00:00.000Z');
    expect((await setTransferConsent(context, aliceOwn, alice.id, true)).changed_at).toBe('2027-03-05T09:00:00.000Z');
    // Withdrawing what was never given leaves it unanswered; given then withdrawn is withdrawn.
    expect((await setTransferConsent(context, aliceSpouse, alice.id, false)).consent).toBe('none');
    await setTransferConsent(context, aliceSpouse, alice.id, true);
    expect((await setTransferConsent(context, aliceSpouse, alice.id, false)).consent).toBe('withdrawn');
    expect((await setTransferConsent(context, aliceSpouse, alice.id, false)).changed_at).toBe('2027-03-06T09:00:00.000Z');

    // The offer survives the close; consents go on after it, through the deadline day.
    context.clock.set('2027-03-10T09:00:00.000Z');
    await closeMemberships(context, plan_id);
    context.clock.set('2027-03-20T23:59:00.000Z');
    await setTransferConsent(context, bobOwn, bob.id, true);
    expect(await codeOf(exportTransferConsents(context, plan_id, operator.id))).toBe('TRANSFER_EXPORT_NOT_DUE');
    expect(await db.selectFrom('personal_data_reads').select('id').execute()).toEqual([]);

    // After the deadline: answers are final, the count is public, the file is ready.
    context.clock.set('2027-03-21T00:00:00.000Z');
    expect(await codeOf(setTransferConsent(context, aliceSpouse, alice.id, true))).toBe('TRANSFER_CONSENT_CLOSED');
    expect(await codeOf(setTransferConsent(context, aliceOwn, alice.id, false))).toBe('TRANSFER_CONSENT_CLOSED');
    expect((await transferConsentOf(context, aliceOwn, alice.id)).consent_open).toBe(false);
    expect(await publicTransferOffer(context, plan_id)).toMatchObject({ consent_open: false, consent_count: 2 });

    // One row per keyset query, so the paging is what makes the file.
    const file = await exportTransferConsents(context, plan_id, operator.id, 1);
    expect(file.row_count).toBe(2);
    const text = await readAll(file.chunks);
    const codes = await db.selectFrom('memberships').select(['id', 'member_code']).where('id', 'in', [aliceOwn, bobOwn]).execute();
    const codeOfId = (id: bigint) => codes.find((row) => row.id === id)!.member_code;
    const expected = [
      { code: codeOfId(aliceOwn), line: `${codeOfId(aliceOwn)},欧阳秀英,13911112222,1960-02-02,2027-03-05T09:00:00.000Z` },
      { code: codeOfId(bobOwn), line: `${codeOfId(bobOwn)},"""Bob"", Jr.",13933334444,1962-04-04,2027-03-20T23:59:00.000Z` },
    ].sort((a, b) => (Buffer.compare(Buffer.from(a.code), Buffer.from(b.code))));
    expect(text).toBe(['member_code,name,phone,birth_date,consented_at', ...expected.map((row) => row.line)].join('\r\n') + '\r\n');
    // Who read whose data and why: one audit row per exported membership, written before the file.
    const reads = await db.selectFrom('personal_data_reads').select(['reader_user_id', 'person_id', 'member_code', 'reason']).orderBy('member_code').execute();
    const persons = await db.selectFrom('memberships').select(['member_code', 'person_id']).where('id', 'in', [aliceOwn, bobOwn]).execute();
    expect(reads.map((read) => [read.reader_user_id, read.member_code, read.person_id])).toEqual(
      expected.map((row) => [operator.id, row.code, persons.find((person) => person.member_code === row.code)!.person_id]),
    );
    expect(reads[0]!.reason).toContain(offer.successor_name);
  });

  it('an offer made after the close reaches the members the closure ended', async () => {
    const db = context.store.db;
    const enrolled = await enrolMembers(context, [
      { plan_id: closedPlan, payer_user_id: null, person: personBornOn('1990-05-17', 21), answers: noToAll },
      { plan_id: closedPlan, payer_user_id: null, person: personBornOn('1991-05-17', 22), answers: noToAll },
    ]);
    expect(enrolled.every((result) => result.ok)).toBe(true);
    await announceClosure(context, { plan_id: closedPlan, closure_date: '2027-03-01', last_cycles_paid_by: 'members', announced_by: null });
    await closeMemberships(context, closedPlan);
    expect(await db.selectFrom('memberships').select('id').where('plan_id', '=', closedPlan).where('status', 'in', ['waiting', 'active']).execute()).toEqual([]);
    const made = await makeTransferOffer(context, { plan_id: closedPlan, ...offer, consent_deadline: '2027-03-01', offered_by: null });
    expect(made.member_count).toBe(2n);
    // The deadline may be today: consent stays open until the day ends.
    expect((await publicTransferOffer(context, closedPlan)).consent_open).toBe(true);
  });
});
