import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { verifyCycleExport } from '../../src/core/cycles/export-verifier.js';
import { closureProofHolds, verifyClosureReport } from '../../src/core/closure/closure-verifier.js';
import { MAX_CLOSURE_REFUND_ATTEMPTS } from '../../src/core/closure/closure-rules.js';
import { getAccount } from '../../src/ledger/ledger.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import { submitClaim, type EvidenceFile } from '../../src/services/claims/index.js';
import { approveForNotice, endNotice, publishNotice, rejectClaim, startReview } from '../../src/services/claims/claim-review.js';
import { announceClosure } from '../../src/services/closure/announce-closure.js';
import { closeMemberships } from '../../src/services/closure/close-memberships.js';
import { closureReportText, closureStatus, membershipClosureLine } from '../../src/services/closure/closure-queries.js';
import { settleClosureReceivables } from '../../src/services/closure/closure-receivables.js';
import { runClosureRefunds } from '../../src/services/closure/closure-refunds.js';
import { finaliseClosure } from '../../src/services/closure/finalise-closure.js';
import { cycleExportChunks, operatorPublicKeyHex, runCycle } from '../../src/services/cycles/index.js';
import { reconcileFundingAccounts } from '../../src/services/funding/funding-reconciliation.js';
import { createReceivables } from '../../src/services/funding/receivables.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { enrolMembers, joinExistingPerson } from '../../src/services/members.js';
import { cycleFixture, type CycleFixture } from '../support/cycle-fixture.js';
import { codeOf } from '../support/rejection-code.js';
import { runCli } from '../support/run-cli.js';
import { noToAll, personBornOn } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

const pdf: EvidenceFile = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };
const plan_id = 'critical-illness';
const prepaid_plan_id = 'senior-cancer';

describeEachBackend('plan closure', (dialect) => {
  let fixture: CycleFixture;

  beforeEach(async () => {
    fixture = await cycleFixture(dialect);
  });
  afterEach(async () => fixture.context.store.close());

  it('winds a plan down: joins stop, the operator pays the last cycle, refunds (one unclaimed), write-offs and a signed report every member can check', async () => {
    const { context, gateway } = fixture;
    const db = context.store.db;
    const at = (time: string) => context.clock.set(time);

    // A plan keeps its funding model across versions (PLAN_BAD_RULES otherwise), so the prepaid
    // members are those of the prepaid sample plan, which closes alongside, its members paying.
    at('2027-03-21T01:10:00.000Z');
    const joined = await enrolMembers(context, [
      { plan_id: prepaid_plan_id, payer_user_id: null, person: personBornOn('1960-02-02', 201), answers: noToAll },
      { plan_id: prepaid_plan_id, payer_user_id: null, person: personBornOn('1961-03-03', 202), answers: noToAll },
    ]);
    const [refundedMember, unclaimedMember] = joined.map((result) => (result.ok ? result.value.membership_id : 0n)) as [bigint, bigint];
    await requestTopUp(context, refundedMember, 5_000n);
    await requestTopUp(context, unclaimedMember, 3_000n);
    await gateway.deliverPending();

    // Announce: one closure per plan, not in the past; joins stop at once; every live member is told.
    expect(await codeOf(announceClosure(context, { plan_id, closure_date: '2027-03-20', last_cycles_paid_by: 'operator', announced_by: null }))).toBe('CLOSURE_DATE_PAST');
    const announced = await announceClosure(context, { plan_id, closure_date: '2027-04-01', last_cycles_paid_by: 'operator', announced_by: null });
    expect(announced.step).toBe('announced');
    await announceClosure(context, { plan_id: prepaid_plan_id, closure_date: '2027-04-01', last_cycles_paid_by: 'members', announced_by: null });
    expect(await codeOf(announceClosure(context, { plan_id, closure_date: '2027-04-02', last_cycles_paid_by: 'members', announced_by: null }))).toBe('PLAN_CLOSING');
    const [refused] = await enrolMembers(context, [{ plan_id, payer_user_id: null, person: personBornOn('1993-04-04', 203), answers: noToAll }]);
    expect(refused!.ok ? null : refused!.rejection.code).toBe('PLAN_CLOSING');
    const person_id = (await db.selectFrom('memberships').select('person_id').where('id', '=', fixture.covered[0]!).executeTakeFirstOrThrow()).person_id;
    expect(await codeOf(joinExistingPerson(context, { plan_id, person_id, payer_user_id: null, answers: noToAll }))).toBe('PLAN_CLOSING');
    const notices = await db.selectFrom('notifications').select(['channel']).where('kind', '=', 'plan_closing').execute();
    // 12 covered and 1 waiting in the post-paid plan, 2 in the prepaid one: in the app and by e-mail.
    expect(notices.filter((notice) => notice.channel === 'in_app')).toHaveLength(15);
    expect(notices.filter((notice) => notice.channel === 'email')).toHaveLength(15);

    // The last cycle: the operator pays the shares, no member is charged.
    const backstopBefore = (await getAccount(context.store, `backstop:${plan_id}`)).balance_minor;
    const cycle = (await runCycle(context, plan_id)).cycle;
    expect(cycle.share_total_minor).toBe(240n);
    expect(await db.selectFrom('share_charges').select('id').where('reference', '=', `cycle:${cycle.cycle_code}`).execute()).toEqual([]);
    const operatorShares = await db.selectFrom('ledger_transactions').select('id').where('kind', '=', 'closure_operator_shares').execute();
    expect(operatorShares).toHaveLength(1);
    expect((await getAccount(context.store, `backstop:${plan_id}`)).balance_minor - backstopBefore).toBe(cycle.backstop_minor! + 240n);

    // Two post-paid shares owed and never collected: written off at the end.
    await createReceivables(
      context,
      plan_id,
      'manual:closure-test',
      fixture.covered.slice(4, 6).map((membership_id) => ({ membership_id, amount_minor: 1_000n })),
      '2027-05-01T00:00:00.000Z',
    );

    // Nothing closes before the closure date; steps out of order do nothing or are refused.
    at('2027-03-31T09:00:00.000Z');
    expect(await codeOf(closeMemberships(context, plan_id))).toBe('CLOSURE_NOT_DUE');
    expect((await runClosureRefunds(context, plan_id)).requested).toBe(0);
    expect(await codeOf(finaliseClosure(context, plan_id))).toBe('CLOSURE_REFUNDS_OPEN');
    // The day before the closure date a top-up is still taken (the members pay the last cycles)…
    const lateTopUp = await requestTopUp(context, refundedMember, 1_000n);
    expect(lateTopUp.status).toBe('pending');

    at('2027-04-01T09:00:00.000Z');
    const closed = await closeMemberships(context, plan_id);
    expect(closed.step).toBe('closed');
    expect((await closeMemberships(context, plan_id)).closed_at).toBe(closed.closed_at);
    // …but while it is with the provider the prepaid plan does not close: its wallet would be recorded without it.
    const inFlight = await closeMemberships(context, prepaid_plan_id).catch((error: unknown) => error);
    expect(inFlight).toMatchObject({ rejection: { code: 'CLOSURE_PAYMENTS_PENDING', details: { pending_payments: 1 } } });
    expect((await closureStatus(context, prepaid_plan_id)).step).toBe('announced');
    // From the closure date on no top-up starts, although the memberships are still live until the close.
    expect(await codeOf(requestTopUp(context, unclaimedMember, 1_000n))).toBe('FUNDING_PLAN_CLOSED');
    await gateway.deliverPending();
    await closeMemberships(context, prepaid_plan_id);
    // Settled before the close, the late top-up is in the wallet recorded at closure.
    const recorded = await db.selectFrom('plan_closure_members').select('wallet_at_closure_minor').where('membership_id', '=', refundedMember).executeTakeFirstOrThrow();
    expect(recorded.wallet_at_closure_minor).toBe(6_000n);
    // Closed, the membership is no longer live either.
    expect(await codeOf(requestTopUp(context, refundedMember, 1_000n))).toBe('FUNDING_MEMBERSHIP_NOT_LIVE');
    const live = await db.selectFrom('memberships').select('id').where('plan_id', 'in', [plan_id, prepaid_plan_id]).where('status', 'in', ['waiting', 'active']).execute();
    expect(live).toEqual([]);

    // Claims: a diagnosis before the closure date stays claimable in the window; on it, it is refused.
    const blobs = new MemoryBlobStore();
    at('2027-04-02T09:00:00.000Z');
    const before = await submitClaim(context, { membership_id: fixture.covered[2]!, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-25', hospital: '医院', files: [pdf] }, blobs);
    expect(before.state).toBe('submitted');
    const after = submitClaim(context, { membership_id: fixture.covered[3]!, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-04-01', hospital: '医院', files: [pdf] }, blobs);
    expect(await codeOf(after)).toBe('CLAIM_AFTER_CLOSURE');

    // The post-paid plan has no wallet to refund: its step is done at once.
    expect((await runClosureRefunds(context, plan_id)).closure.step).toBe('refunds_done');
    // Refunds: one paid at once, one refused at every attempt and then listed as unclaimed.
    gateway.forceOutcomes('succeeded', ...new Array<'failed'>(MAX_CLOSURE_REFUND_ATTEMPTS).fill('failed'));
    expect(await codeOf(settleClosureReceivables(context, prepaid_plan_id).then(() => finaliseClosure(context, prepaid_plan_id)))).toBe('CLOSURE_REFUNDS_OPEN');
    let run = await runClosureRefunds(context, prepaid_plan_id);
    expect(run.requested).toBe(2);
    // Sent, not settled: running again asks for nothing more.
    expect((await runClosureRefunds(context, prepaid_plan_id)).requested).toBe(0);
    for (let attempt = 1; attempt <= MAX_CLOSURE_REFUND_ATTEMPTS; attempt += 1) {
      await gateway.deliverPending();
      run = await runClosureRefunds(context, prepaid_plan_id);
    }
    expect(run.closure.step).toBe('refunds_done');
    expect((await runClosureRefunds(context, prepaid_plan_id)).requested).toBe(0);
    const attempts = await db.selectFrom('payments').select(['reference', 'status']).where('reference', 'like', 'closure_refund:%').orderBy('id').execute();
    expect(attempts.map((payment) => payment.reference)).toEqual([
      `closure_refund:${refundedMember}:1`,
      `closure_refund:${unclaimedMember}:1`,
      `closure_refund:${unclaimedMember}:2`,
      `closure_refund:${unclaimedMember}:3`,
    ]);
    expect(attempts.map((payment) => payment.status)).toEqual(['succeeded', 'failed', 'failed', 'failed']);
    const codeOfMembership = async (id: bigint) => (await db.selectFrom('memberships').select('member_code').where('id', '=', id).executeTakeFirstOrThrow()).member_code;
    expect((await getAccount(context.store, `wallet:${await codeOfMembership(refundedMember)}`)).balance_minor).toBe(0n);
    // The unclaimed balance stays in the wallet: a liability, still in custody.
    expect((await getAccount(context.store, `wallet:${await codeOfMembership(unclaimedMember)}`)).balance_minor).toBe(3_000n);

    // Receivables written off by the operator; again, nothing more.
    const writeOff = await settleClosureReceivables(context, plan_id);
    expect(writeOff.written_off_minor).toBe(2_000n);
    expect(writeOff.closure.step).toBe('receivables_done');
    expect((await settleClosureReceivables(context, plan_id)).written_off).toBe(0);

    // Finalise waits for the claim window: diagnoses up to 2027-03-31 may be claimed for 180 days.
    const windowOpen = await finaliseClosure(context, plan_id).catch((error: unknown) => error);
    expect(windowOpen).toMatchObject({
      rejection: { code: 'CLOSURE_CLAIM_WINDOW_OPEN', details: { plan_id, last_claim_date: '2027-09-27', finalise_from_date: '2027-09-28' } },
    });
    expect(await closureStatus(context, plan_id)).toMatchObject({ last_claim_date: '2027-09-27', finalise_from_date: '2027-09-28' });
    at('2027-09-27T23:00:00.000Z');
    expect(await codeOf(finaliseClosure(context, plan_id))).toBe('CLOSURE_CLAIM_WINDOW_OPEN');
    // The last day of the window: a diagnosis of the day before the closure date is still claimable.
    const lastDay = await submitClaim(context, { membership_id: fixture.covered[3]!, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-31', hospital: '医院', files: [pdf] }, blobs);
    expect(lastDay.state).toBe('submitted');
    at('2027-09-28T09:00:00.000Z');
    // Finalise waits for every claim to be paid or rejected: the report accounts for each.
    const claimsOpen = await finaliseClosure(context, plan_id).catch((error: unknown) => error);
    expect(claimsOpen).toMatchObject({ rejection: { code: 'CLOSURE_CLAIMS_OPEN', details: { open_claims: 2 } } });
    for (const claim of [before, lastDay]) {
      await startReview(context, claim.claim_id, 'user:reviewer');
      await rejectClaim(context, claim.claim_id, 'INSUFFICIENT_EVIDENCE', 'No hospital report.', 'user:reviewer');
    }

    // Finalise: the signed report verifies; custody after is the unclaimed total.
    const finalised = await finaliseClosure(context, plan_id);
    expect(finalised.step).toBe('finalised');
    const text = await closureReportText(context, plan_id);
    at('2027-09-29T09:00:00.000Z');
    expect((await finaliseClosure(context, plan_id)).finalised_at).toBe(finalised.finalised_at);
    expect(await closureReportText(context, plan_id)).toBe(text);
    // Finalised, the plan takes no claim at all (the window is over too; this is checked first).
    const afterReport = submitClaim(context, { membership_id: fixture.covered[6]!, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-30', hospital: '医院', files: [pdf] }, blobs);
    expect(await codeOf(afterReport)).toBe('CLAIM_CLOSURE_FINALISED');
    const public_key_hex = await operatorPublicKeyHex(context, '2027-09-29T09:00:00.000Z');
    const report = verifyClosureReport(text, { public_key_hex });
    expect(report.differences).toEqual([]);
    expect(report.header).toMatchObject({
      plan_id,
      closure_date: '2027-04-01',
      last_cycles_paid_by: 'operator',
      member_count: 13,
      wallet_total_minor: 0n,
      refunded_total_minor: 0n,
      unclaimed_total_minor: 0n,
      custody_before_minor: 0n,
      custody_after_minor: 0n,
      receivables_written_off_minor: 2_000n,
      // The two cases shared by the last cycle were paid out by it.
      claims_paid_count: 2,
      claims_paid_minor: 40_000_000n,
      claims_rejected_count: 2,
    });
    // The prepaid plan: no receivable, its report lists the refund and the unclaimed balance.
    expect((await settleClosureReceivables(context, prepaid_plan_id)).closure.step).toBe('receivables_done');
    await finaliseClosure(context, prepaid_plan_id);
    const prepaidText = await closureReportText(context, prepaid_plan_id);
    const prepaidReport = verifyClosureReport(prepaidText, { public_key_hex });
    expect(prepaidReport.differences).toEqual([]);
    expect(prepaidReport.header).toMatchObject({
      plan_id: prepaid_plan_id,
      last_cycles_paid_by: 'members',
      member_count: 2,
      wallet_total_minor: 9_000n,
      refunded_total_minor: 6_000n,
      unclaimed_total_minor: 3_000n,
      custody_before_minor: 9_000n,
      custody_after_minor: 3_000n,
      receivables_written_off_minor: 0n,
    });
    const status = await closureStatus(context, prepaid_plan_id);
    expect(status.step).toBe('finalised');
    expect(status.refunds.find((row) => row.refund_state === 'unclaimed')).toMatchObject({ count: 1, wallet_minor: 3_000n });

    // Every member's own line verifies against the signed root.
    const members = await db.selectFrom('plan_closure_members').select(['plan_id', 'membership_id', 'member_code']).execute();
    expect(members).toHaveLength(15);
    for (const member of members) {
      const { proof } = await membershipClosureLine(context, member.membership_id);
      expect(proof.member_code).toBe(member.member_code);
      expect(closureProofHolds(proof)).toBe(true);
      const file = member.plan_id === plan_id ? text : prepaidText;
      expect(verifyClosureReport(file, { public_key_hex, member: { member_code: member.member_code, proof } }).ok).toBe(true);
    }
    const mine = await membershipClosureLine(context, unclaimedMember);
    expect(mine.proof).toMatchObject({ wallet_at_closure_minor: '3000', refunded_minor: '0', unclaimed_minor: '3000' });

    expect((await verifyJournal(context.store)).ok).toBe(true);
    for (const reconciliation of await reconcileFundingAccounts(context.store)) expect(reconciliation.ok).toBe(true);
  });

  // Issue 14: a claim diagnosed before the closure date and approved after the close is still paid,
  // by the operator, in a closing cycle without members. With the operator paying the last cycles
  // a cycle runs before the close; with the members paying, none does, so the closing cycle also
  // shares the two cases approved before the close and the operator pays them all the same.
  it.each([
    { payer: 'operator' as const, cycle_before_close: true },
    { payer: 'members' as const, cycle_before_close: false },
  ])('pays a claim approved after the close in a closing cycle charged to the operator (last cycles paid by $payer)', async ({ payer, cycle_before_close }) => {
    const { context, gateway } = fixture;
    const db = context.store.db;
    const at = (time: string) => context.clock.set(time);
    await announceClosure(context, { plan_id, closure_date: '2027-04-01', last_cycles_paid_by: payer, announced_by: null });
    if (cycle_before_close) expect((await runCycle(context, plan_id)).cycle.member_count).toBe(12n);

    // Diagnosed before the closure date, reviewed and put on notice before the close, approved after it.
    at('2027-03-26T09:00:00.000Z');
    const late = await submitClaim(context, { membership_id: fixture.covered[2]!, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-25', hospital: '医院', files: [pdf] }, new MemoryBlobStore());
    await startReview(context, late.claim_id, 'user:reviewer');
    await approveForNotice(context, late.claim_id, 'user:reviewer');
    await publishNotice(context, late.claim_id, 'user:reviewer');
    at('2027-04-01T09:00:00.000Z');
    await closeMemberships(context, plan_id);
    at('2027-04-05T09:00:00.000Z');
    expect((await endNotice(context, late.claim_id, 'system')).state).toBe('approved');
    const shared = cycle_before_close ? [late.claim_id] : [...fixture.claims, late.claim_id];
    const aids = await db.selectFrom('claims').select(['id', 'aid_minor']).where('id', 'in', shared).execute();
    const aid_total_minor = aids.reduce((total, row) => total + row.aid_minor, 0n);

    // The closing cycle: its cases shared, nobody covered, no fee, the whole total paid by the operator.
    at('2027-04-07T01:00:00.000Z');
    const backstopBefore = (await getAccount(context.store, `backstop:${plan_id}`)).balance_minor;
    const run = await runCycle(context, plan_id);
    const cycle = run.cycle;
    expect(cycle).toMatchObject({ status: 'completed', member_count: 0n, weight_total: 0n, share_total_minor: 0n, capped_total_minor: 0n, fee_bps: 0n, fee_minor: 0n, charged_minor: 0n, backstop_minor: 0n, fee_payable_minor: 0n, aid_total_minor });
    expect(cycle.total_minor).toBe(aid_total_minor - cycle.surplus_in_minor);
    expect(cycle.total_minor > 0n).toBe(true);
    const cases = await db.selectFrom('cycle_cases').select('claim_id').where('cycle_id', '=', cycle.id).orderBy('claim_id').execute();
    expect(cases.map((row) => row.claim_id)).toEqual([...shared].sort((a, b) => (a < b ? -1 : 1)));
    expect(await db.selectFrom('share_charges').select('id').where('reference', '=', `cycle:${cycle.cycle_code}`).execute()).toEqual([]);
    const paidByOperator = await db.selectFrom('ledger_transactions').select(['kind']).where('idempotency_key', '=', `cycle:${cycle.cycle_code}:operator_shares`).execute();
    expect(paidByOperator).toEqual([{ kind: 'closure_operator_shares' }]);
    expect((await getAccount(context.store, `backstop:${plan_id}`)).balance_minor - backstopBefore).toBe(cycle.total_minor);

    // Paid out through the normal payout path: every case of the cycle reaches paid.
    await gateway.deliverPending();
    const states = await db.selectFrom('claims').select('state').where('id', 'in', shared).execute();
    expect(states.map((row) => row.state)).toEqual(shared.map(() => 'paid'));
    const payouts = await db.selectFrom('aid_payouts').select(['claim_id', 'status']).where('cycle_id', '=', cycle.id).execute();
    expect(payouts).toHaveLength(shared.length);

    // The export: no member line, the operator named as payer, signed; it verifies in core and with `huzhu verify`.
    let text = '';
    for await (const chunk of cycleExportChunks(context, cycle.cycle_code)) text += chunk.toString('utf8');
    const lines = text.split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'huzhu-cycle/2', member_count: 0, share_total_minor: '0', operator_paid_minor: cycle.total_minor.toString(), fee_bps: 0 });
    const public_key_hex = await operatorPublicKeyHex(context, '2027-04-07T01:00:00.000Z');
    const verified = verifyCycleExport(text, { public_key_hex });
    expect(verified.differences).toEqual([]);
    expect(verified).toMatchObject({ ok: true, member_count: 0, cycle_id: cycle.cycle_code });
    const path = join(mkdtempSync(join(tmpdir(), 'huzhu-closing-cycle-')), 'cycle.jsonl');
    writeFileSync(path, text);
    const cli = await runCli(['verify', path, '--public-key', public_key_hex], {});
    expect(cli.out).toContain(`OK cycle ${cycle.cycle_code}: 0 members`);
    expect(cli.exitCode).toBe(0);

    // Running the cycle again changes nothing.
    const countOf = async (table: 'ledger_transactions' | 'aid_payouts' | 'cycles') => (await db.selectFrom(table).select('id').execute()).length;
    const counts = [await countOf('ledger_transactions'), await countOf('aid_payouts'), await countOf('cycles')];
    const again = await runCycle(context, plan_id);
    expect(again.already_completed).toBe(true);
    expect([await countOf('ledger_transactions'), await countOf('aid_payouts'), await countOf('cycles')]).toEqual(counts);

    // With every claim paid, the closure finalises; its report counts the late claim as paid.
    expect((await runClosureRefunds(context, plan_id)).closure.step).toBe('refunds_done');
    expect((await settleClosureReceivables(context, plan_id)).closure.step).toBe('receivables_done');
    // Finalising waits for the claim window (to 2027-09-27 for this closure date).
    at('2027-09-28T09:00:00.000Z');
    const finalised = await finaliseClosure(context, plan_id);
    expect(finalised.step).toBe('finalised');
    const report = verifyClosureReport(await closureReportText(context, plan_id), { public_key_hex });
    expect(report.differences).toEqual([]);
    const paid = await db.selectFrom('claims').select(['aid_minor']).where('plan_id', '=', plan_id).where('state', '=', 'paid').execute();
    expect(report.header).toMatchObject({ last_cycles_paid_by: payer, claims_paid_count: 3, claims_paid_minor: paid.reduce((total, row) => total + row.aid_minor, 0n) });
    expect(paid).toHaveLength(3);

    expect((await verifyJournal(context.store)).ok).toBe(true);
    for (const reconciliation of await reconcileFundingAccounts(context.store)) expect(reconciliation.ok).toBe(true);
  });
});
