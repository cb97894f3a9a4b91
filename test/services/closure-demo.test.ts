import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_CLOSURE_REFUND_ATTEMPTS } from '../../src/core/closure/closure-rules.js';
import { closureProofHolds, parseClosureProof, verifyClosureReport } from '../../src/core/closure/closure-verifier.js';
import { seniorCancerPlan } from '../../src/core/plans/sample-plans.js';
import { findAccount, getAccount } from '../../src/ledger/ledger.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import {
  appealClaim,
  approveForNotice,
  decideAppeal,
  endNotice,
  publishNotice,
  rejectClaim,
  resolveObjection,
  startReview,
  submitClaim,
} from '../../src/services/claims/index.js';
import { isClaimRejectionReason } from '../../src/services/claims/claim-rejections.js';
import { announceClosure } from '../../src/services/closure/announce-closure.js';
import { closeMemberships } from '../../src/services/closure/close-memberships.js';
import { closureReportText, closureStatus, membershipClosureLine } from '../../src/services/closure/closure-queries.js';
import { settleClosureReceivables } from '../../src/services/closure/closure-receivables.js';
import { runClosureRefunds } from '../../src/services/closure/closure-refunds.js';
import { finaliseClosure } from '../../src/services/closure/finalise-closure.js';
import { operatorPublicKeyHex, runCycle } from '../../src/services/cycles/index.js';
import { demoLoginPassword } from '../../src/services/demo/demo-logins.js';
import { communityCriticalIllnessPlan, communitySeniorCancerPlan } from '../../src/services/demo/demo-plans.js';
import { seedDemo } from '../../src/services/demo/seed-demo.js';
import { collectDueCharges } from '../../src/services/funding/collections.js';
import { fundingAccountCodes } from '../../src/services/funding/funding-accounts.js';
import { reconcileFundingAccounts } from '../../src/services/funding/funding-reconciliation.js';
import { closeJury } from '../../src/services/jury/index.js';
import type { GatewayOperation, GatewayOutcome } from '../../src/services/payments/simulated-gateway.js';
import { payDueAid, retryFailedAidPayout } from '../../src/services/payouts/index.js';
import { payoutAccountCodes } from '../../src/services/payouts/payout-accounts.js';
import { accountCodes } from '../../src/services/plan-accounts.js';
import { codeOf as rejectionCodeOf } from '../support/rejection-code.js';
import { runCli } from '../support/run-cli.js';
import { startTestApp, testNow, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';

/**
 * Issue 14's acceptance test: the demo community (seed-demo.ts) wound down, both of its plans, by
 * the real services in order (announce → last cycles → close → refunds → receivables → finalise),
 * with wallet refunds that fail once and are retried, one member whose bank account never takes
 * the refund, and every statement of each signed closure report checked against the database and
 * the ledger.
 */

const post_paid = communityCriticalIllnessPlan.id;
const prepaid = communitySeniorCancerPlan.id;
const pdf = { bytes: Buffer.from('%PDF-1.7\npathology report\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' } as const;

/**
 * What the provider does, by reference, never by time or order: closure refunds of the flaky
 * memberships fail on their first attempt, every refund of the unreachable one fails, and the
 * collections of the chosen share charges fail (they are owed at the close). Attempts are counted.
 */
class ProviderScript {
  readonly flaky = new Set<bigint>();
  unreachable: bigint | null = null;
  readonly failingCharges = new Set<bigint>();
  readonly refundAttempts = new Map<bigint, number>();

  decide(operation: GatewayOperation, reference: string): GatewayOutcome | undefined {
    const [kind, id, attempt] = reference.split(':');
    if (operation === 'payout' && kind === 'closure_refund' && id !== undefined) {
      const membership_id = BigInt(id);
      this.refundAttempts.set(membership_id, (this.refundAttempts.get(membership_id) ?? 0) + 1);
      if (membership_id === this.unreachable) return 'failed';
      if (this.flaky.has(membership_id) && attempt === '1') return 'failed';
    }
    if (kind === 'collection' && id !== undefined && this.failingCharges.has(BigInt(id))) return 'failed';
    return 'succeeded';
  }
}

describeEachBackend('winding down the demo community', (dialect) => {
  let t: TestApp;
  let script: ProviderScript;

  beforeEach(async () => {
    script = new ProviderScript();
    const current = script;
    t = await startTestApp(dialect, { gatewayDecide: ({ operation, charge }) => current.decide(operation, charge.reference) });
    await seedDemo(t.context, {}, { members: 60, blobStore: t.blobs });
  }, 120_000);
  afterEach(async () => t?.close());

  const title =
    'closes both plans: claims decided, the last cycles paid, refunds retried (one unclaimed), receivables written off, ' +
    'and every statement of the signed reports holds';
  it(title, async () => {
    const { context, gateway } = t;
    const db = context.store.db;
    const at = (time: string) => context.clock.set(time);
    const balance = async (code: string) => (await getAccount(context.store, code)).balance_minor;
    const seeded_at = context.clock.now().toISOString();
    // The demo's history ends now (testNow): the next notice days are
    // 2026-12-07 and 12-21, collection days 12-14 and 12-28; both plans close on 2027-01-05.
    expect(seeded_at).toBe(testNow);
    const closure_date = '2027-01-05';
    const reviewerRow = await db.selectFrom('users').select('id').where('username', '=', 'demo-reviewer').executeTakeFirstOrThrow();
    const reviewer = `user:${reviewerRow.id}`;
    const claimsOf = (plan_id: string) =>
      db
        .selectFrom('claims')
        .select(['id', 'state', 'aid_minor', 'rejection_code', 'rejection_text'])
        .where('plan_id', '=', plan_id)
        .orderBy('id')
        .execute();
    const stateOf = async (claim_id: bigint) =>
      (await db.selectFrom('claims').select('state').where('id', '=', claim_id).executeTakeFirstOrThrow()).state;
    const settle = async () => {
      await gateway.deliverPending();
    };

    // The demo leaves claims at every step of the staff queues: each is decided as a reviewer would.
    const openAtStart = (await claimsOf(post_paid)).filter((claim) => !['paid', 'rejected', 'rejected_final'].includes(claim.state));
    expect(new Set(openAtStart.map((claim) => claim.state))).toEqual(
      new Set(['scheduled', 'in_jury', 'in_notice', 'submitted', 'in_review', 'investigating', 'approved_for_notice', 'objected', 'appealed']),
    );
    expect((await claimsOf(prepaid)).every((claim) => claim.state === 'paid')).toBe(true);

    // Announce: the prepaid plan's last cycles paid by the operator, the post-paid plan's by its members.
    at('2026-11-28T11:00:00.000Z');
    const prepaidAnnounced = await announceClosure(context, { plan_id: prepaid, closure_date, last_cycles_paid_by: 'operator', announced_by: null });
    const postPaidAnnounced = await announceClosure(context, { plan_id: post_paid, closure_date, last_cycles_paid_by: 'members', announced_by: null });
    expect([prepaidAnnounced.step, postPaidAnnounced.step]).toEqual(['announced', 'announced']);

    // Claims: what is still under review is rejected with a reason from the list; the appeal is
    // dismissed; the objection dismissed and the case on notice approved; the failed payout sent again.
    const byState = (state: string) => openAtStart.filter((claim) => claim.state === state).map((claim) => claim.id);
    for (const claim_id of byState('submitted')) {
      await startReview(context, claim_id, reviewer);
      await rejectClaim(context, claim_id, 'INSUFFICIENT_EVIDENCE', '缺少医院盖章的病理报告。', reviewer);
    }
    for (const claim_id of [...byState('in_review'), ...byState('investigating')]) {
      await rejectClaim(context, claim_id, 'DIAGNOSIS_NOT_MET', '诊断未达到计划对该疾病的定义。', reviewer);
    }
    for (const claim_id of byState('appealed')) {
      await decideAppeal(context, claim_id, 'close_rejection', '申诉未提供新的证据，维持原决定。', reviewer);
    }
    for (const claim_id of byState('objected')) {
      const objections = await db.selectFrom('objections').select('id').where('claim_id', '=', claim_id).where('status', '=', 'open').execute();
      for (const objection of objections) {
        await resolveObjection(context, objection.id, 'dismiss', '住院记录与确诊日期一致，异议不成立。', reviewer);
      }
    }
    for (const claim_id of byState('approved_for_notice')) await publishNotice(context, claim_id, reviewer);
    const failedPayouts = await db.selectFrom('aid_payouts').select('id').where('plan_id', '=', post_paid).where('status', '=', 'failed').execute();
    expect(failedPayouts).toHaveLength(byState('scheduled').length);
    for (const payout of failedPayouts) await retryFailedAidPayout(context, payout.id);
    // The collection day of the demo's last cycle: its shares come in, and the aid goes out.
    at('2026-11-28T12:00:00.000Z');
    await collectDueCharges(context);
    await settle();
    await payDueAid(context);
    await settle();
    for (const claim_id of byState('scheduled')) expect(await stateOf(claim_id)).toBe('paid');

    // demo-prepaid (her own membership, and her husband's) and demo-member, for the lines at the end.
    const membershipsOf = async (username: string, plan_id: string) =>
      (
        await db
          .selectFrom('memberships as m')
          .innerJoin('users as u', 'u.id', 'm.payer_user_id')
          .select('m.id')
          .where('u.username', '=', username)
          .where('m.plan_id', '=', plan_id)
          .orderBy('m.id')
          .execute()
      ).map((row) => row.id);
    const [herOwn, herHusbands] = (await membershipsOf('demo-prepaid', prepaid)) as [bigint, bigint];
    const [demoMembers] = (await membershipsOf('demo-member', post_paid)) as [bigint];
    const codeOf = async (membership_id: bigint) =>
      (await db.selectFrom('memberships').select('member_code').where('id', '=', membership_id).executeTakeFirstOrThrow()).member_code;

    // A cancer diagnosed in the prepaid plan after the announcement (before the closure date): a case
    // for the last cycle the operator pays.
    const claimant = await db
      .selectFrom('memberships as m')
      .select('m.id')
      .where('m.plan_id', '=', prepaid)
      .where('m.status', '=', 'active')
      .where('m.id', 'not in', [herOwn, herHusbands])
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('claims as c').select('c.id').whereRef('c.membership_id', '=', 'm.id'))))
      .orderBy('m.id')
      .executeTakeFirstOrThrow();
    const prepaidClaim = await submitClaim(
      context,
      {
        membership_id: claimant.id,
        submitted_by_user_id: null,
        illness_code: 'CI-01',
        diagnosis_date: '2026-11-25',
        hospital: '市第一人民医院',
        files: [pdf],
      },
      t.blobs,
    );
    await startReview(context, prepaidClaim.claim_id, reviewer);
    await approveForNotice(context, prepaidClaim.claim_id, reviewer);
    await publishNotice(context, prepaidClaim.claim_id, reviewer);

    // The notices are over: the cases are approved.
    at('2026-12-06T09:00:00.000Z');
    const onNotice = await db.selectFrom('claims').select('id').where('state', '=', 'in_notice').orderBy('id').execute();
    const noticed = [...byState('in_notice'), ...byState('approved_for_notice'), ...byState('objected'), prepaidClaim.claim_id];
    expect(onNotice.map((row) => row.id)).toEqual(noticed.sort((a, b) => Number(a - b)));
    for (const { id } of onNotice) expect((await endNotice(context, id, 'system')).state).toBe('approved');

    // The last cycles before the close, 2026-12-07: the operator pays the prepaid plan's shares (no
    // wallet is touched), the post-paid plan's members are charged theirs.
    at('2026-12-07T01:00:00.000Z');
    const backstopBefore = await balance(accountCodes.backstop(prepaid));
    const prepaidCycle = (await runCycle(context, prepaid)).cycle;
    const postPaidCycle = (await runCycle(context, post_paid)).cycle;
    await settle();
    expect(await stateOf(prepaidClaim.claim_id)).toBe('paid');
    const chargesOf = (cycle_code: string) =>
      db
        .selectFrom('share_charges')
        .select(['id', 'membership_id', 'amount_minor', 'status'])
        .where('reference', '=', `cycle:${cycle_code}`)
        .orderBy('id')
        .execute();
    expect(await chargesOf(prepaidCycle.cycle_code)).toEqual([]);
    const operatorShares = await db
      .selectFrom('ledger_transactions')
      .select('kind')
      .where('idempotency_key', '=', `cycle:${prepaidCycle.cycle_code}:operator_shares`)
      .execute();
    expect(operatorShares).toEqual([{ kind: 'closure_operator_shares' }]);
    expect((await balance(accountCodes.backstop(prepaid))) - backstopBefore).toBe(prepaidCycle.total_minor);
    const lastCharges = await chargesOf(postPaidCycle.cycle_code);
    expect(lastCharges).toHaveLength(Number(postPaidCycle.member_count));

    // The jury's vote is over: its verdict decides the case.
    const juryClaims = byState('in_jury');
    at('2026-12-12T09:00:00.000Z');
    for (const claim_id of juryClaims) {
      const record = await closeJury(context, claim_id, 'system');
      expect(record.verdict?.outcome).toBe('approve');
      expect(await stateOf(claim_id)).toBe('approved');
    }

    // The collection day: the post-paid members pay their shares; the aid of the cycle goes out.
    at('2026-12-14T12:00:00.000Z');
    await collectDueCharges(context);
    await settle();
    await payDueAid(context);
    await settle();
    expect(new Set((await chargesOf(postPaidCycle.cycle_code)).map((charge) => charge.status))).toEqual(new Set(['paid']));

    // 2026-12-21, the last notice day before the close: the jury's case is shared. Three members'
    // collections will fail at every attempt: their shares are still owed at the close.
    at('2026-12-21T01:00:00.000Z');
    const lastPrepaidCycle = (await runCycle(context, prepaid)).cycle;
    const lastCycle = (await runCycle(context, post_paid)).cycle;
    await settle();
    expect(await chargesOf(lastPrepaidCycle.cycle_code)).toEqual([]);
    const owed = (await chargesOf(lastCycle.cycle_code)).slice(0, 3);
    for (const charge of owed) script.failingCharges.add(charge.id);
    const owed_minor = owed.reduce((total, charge) => total + charge.amount_minor, 0n);
    for (const time of ['2026-12-28T12:00:00.000Z', '2026-12-29T12:00:00.000Z']) {
      at(time);
      await collectDueCharges(context);
      await settle();
      // The aid of the jury's case waits: the plan's cash lacks the three shares still owed.
      const paying = await payDueAid(context);
      expect(paying.uncovered.map((payout) => payout.claim_id)).toEqual(juryClaims);
      await settle();
    }
    const stillDue = (await chargesOf(lastCycle.cycle_code)).filter((charge) => charge.status === 'due');
    expect(stillDue.map((charge) => charge.id)).toEqual(owed.map((charge) => charge.id));

    // The closure date: no payment of the plans is with the provider; the memberships end.
    at(`${closure_date}T09:00:00.000Z`);
    const walletsOf = async (plan_id: string) =>
      new Map(
        (
          await db
            .selectFrom('memberships as m')
            .innerJoin('ledger_accounts as a', (on) => on.on(sql<boolean>`a.code = 'wallet:' || m.member_code`))
            .select(['m.id', 'm.member_code', 'a.net_debit_minor'])
            .where('m.plan_id', '=', plan_id)
            .execute()
        ).map((row) => [row.member_code, { membership_id: row.id, balance_minor: -row.net_debit_minor }]),
      );
    const walletsAtClose = await walletsOf(prepaid);
    const custody = accountCodes.custody('CNY');
    const receivable = accountCodes.sharesReceivable(post_paid);
    expect(walletsAtClose.get(await codeOf(herOwn))!.balance_minor > 0n).toBe(true);
    expect(walletsAtClose.get(await codeOf(herHusbands))!.balance_minor > 0n).toBe(true);
    const receivables_at_close_minor = await balance(receivable);
    expect(receivables_at_close_minor).toBe(owed_minor);
    expect(await balance(accountCodes.sharesReceivable(prepaid))).toBe(0n);
    const liveAtClose = new Map<string, string[]>();
    const endedWithMoney = new Map<string, string[]>([[prepaid, []]]);
    for (const plan_id of [prepaid, post_paid]) {
      const rows = await db
        .selectFrom('memberships')
        .select('member_code')
        .where('plan_id', '=', plan_id)
        .where('status', 'in', ['waiting', 'active'])
        .execute();
      liveAtClose.set(plan_id, rows.map((row) => row.member_code));
    }
    for (const [member_code, wallet] of walletsAtClose) {
      if (wallet.balance_minor > 0n && !liveAtClose.get(prepaid)!.includes(member_code)) endedWithMoney.get(prepaid)!.push(member_code);
    }
    for (const plan_id of [prepaid, post_paid]) expect((await closeMemberships(context, plan_id)).step).toBe('closed');
    const custody_at_close_minor = await balance(custody);
    const live = await db
      .selectFrom('memberships')
      .select('id')
      .where('plan_id', 'in', [prepaid, post_paid])
      .where('status', 'in', ['waiting', 'active'])
      .execute();
    expect(live).toEqual([]);

    // What closing recorded: every wallet of the prepaid plan with money in it, at its ledger balance.
    const recorded = await db
      .selectFrom('plan_closure_members')
      .select(['membership_id', 'member_code', 'wallet_at_closure_minor', 'refund_state'])
      .where('plan_id', '=', prepaid)
      .orderBy('member_code')
      .execute();
    const withMoney = [...walletsAtClose].filter(([, wallet]) => wallet.balance_minor > 0n);
    expect(recorded.filter((row) => row.wallet_at_closure_minor > 0n).map((row) => [row.member_code, row.wallet_at_closure_minor])).toEqual(
      withMoney.map(([member_code, wallet]) => [member_code, wallet.balance_minor]).sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );
    const wallet_total_minor = withMoney.reduce((total, [, wallet]) => total + wallet.balance_minor, 0n);

    // The post-paid plan has no wallet: nothing to refund.
    expect((await runClosureRefunds(context, post_paid)).closure.step).toBe('refunds_done');

    // Refunds: demo-prepaid's husband and one more member's bank refuse the first attempt and take
    // the second; demo-prepaid's own account refuses every attempt: her balance is unclaimed.
    const due = recorded.filter((row) => row.refund_state === 'due');
    script.unreachable = herOwn;
    script.flaky.add(herHusbands);
    script.flaky.add(due.find((row) => row.membership_id !== herOwn && row.membership_id !== herHusbands)!.membership_id);
    const runs: Array<{ requested: number; pending: number }> = [];
    for (let round = 0; round <= MAX_CLOSURE_REFUND_ATTEMPTS; round += 1) {
      const run = await runClosureRefunds(context, prepaid);
      runs.push({ requested: run.requested, pending: run.pending });
      if (run.closure.step === 'refunds_done') break;
      await settle();
    }
    // Each run asks again for the refunds whose attempt failed: the flaky ones twice, the unreachable one until her attempts are used up.
    const later_runs = Array.from({ length: MAX_CLOSURE_REFUND_ATTEMPTS - 2 }, () => 1);
    expect(runs.map((run) => run.requested)).toEqual([due.length, script.flaky.size + 1, ...later_runs, 0]);
    const refundPayments = await db
      .selectFrom('payments')
      .select(['membership_id', 'reference', 'status', 'amount_minor'])
      .where('reference', 'like', 'closure_refund:%')
      .orderBy('id')
      .execute();
    expect(refundPayments).toHaveLength(due.length + script.flaky.size + MAX_CLOSURE_REFUND_ATTEMPTS - 1);
    for (const row of due) {
      const attempts = refundPayments.filter((payment) => payment.membership_id === row.membership_id);
      let outcomes = ['succeeded'];
      if (row.membership_id === herOwn) outcomes = Array.from({ length: MAX_CLOSURE_REFUND_ATTEMPTS }, () => 'failed');
      else if (script.flaky.has(row.membership_id)) outcomes = ['failed', 'succeeded'];
      const references = outcomes.map((_, index) => `closure_refund:${row.membership_id}:${index + 1}`);
      expect(attempts.map((payment) => payment.reference), row.member_code).toEqual(references);
      expect(attempts.map((payment) => payment.status), row.member_code).toEqual(outcomes);
      expect(new Set(attempts.map((payment) => payment.amount_minor))).toEqual(new Set([row.wallet_at_closure_minor]));
      // The provider heard each attempt once.
      expect(script.refundAttempts.get(row.membership_id), row.member_code).toBe(outcomes.length);
    }
    const refunded_by_provider_minor = refundPayments
      .filter((payment) => payment.status === 'succeeded')
      .reduce((total, payment) => total + payment.amount_minor, 0n);
    const unclaimed_minor = walletsAtClose.get(await codeOf(herOwn))!.balance_minor;
    expect(refunded_by_provider_minor).toBe(wallet_total_minor - unclaimed_minor);
    // Out of custody went exactly the refunds; nothing is left in transit; the unclaimed wallet holds her balance.
    const custody_after_refunds_minor = await balance(custody);
    expect(custody_at_close_minor - custody_after_refunds_minor).toBe(refunded_by_provider_minor);
    expect(await balance(fundingAccountCodes.walletRefundsInTransit('CNY'))).toBe(0n);
    const walletsAfter = await walletsOf(prepaid);
    for (const [member_code, wallet] of walletsAfter) {
      expect(wallet.balance_minor, member_code).toBe(wallet.membership_id === herOwn ? unclaimed_minor : 0n);
    }

    // Receivables: the three shares still owed are written off, borne by the operator; then the
    // jury's case, funded now, is paid out.
    const backstopBeforeWriteOff = await balance(accountCodes.backstop(post_paid));
    const equityBeforeWriteOff = await balance(accountCodes.operatorEquity('CNY'));
    const writeOff = await settleClosureReceivables(context, post_paid);
    expect(writeOff).toMatchObject({ written_off: owed.length, written_off_minor: receivables_at_close_minor, collecting: 0 });
    expect(writeOff.closure.step).toBe('receivables_done');
    expect(await balance(receivable)).toBe(0n);
    expect((await balance(accountCodes.backstop(post_paid))) - backstopBeforeWriteOff).toBe(receivables_at_close_minor);
    expect((await balance(accountCodes.operatorEquity('CNY'))) - equityBeforeWriteOff).toBe(receivables_at_close_minor);
    const unsettledCharges = await db
      .selectFrom('share_charges')
      .select('id')
      .where('plan_id', 'in', [prepaid, post_paid])
      .where('status', 'not in', ['paid', 'written_off'])
      .execute();
    expect(unsettledCharges).toEqual([]);
    expect((await settleClosureReceivables(context, prepaid))).toMatchObject({ written_off: 0, written_off_minor: 0n });
    expect((await payDueAid(context)).uncovered).toEqual([]);
    await settle();
    for (const claim_id of juryClaims) expect(await stateOf(claim_id)).toBe('paid');

    // Finalising waits for the claim window, then signs the reports.
    for (const plan_id of [prepaid, post_paid]) expect(await rejectionCodeOf(finaliseClosure(context, plan_id))).toBe('CLOSURE_CLAIM_WINDOW_OPEN');
    const { finalise_from_date } = await closureStatus(context, post_paid);
    expect((await closureStatus(context, prepaid)).finalise_from_date).toBe(finalise_from_date);
    at(`${finalise_from_date}T09:00:00.000Z`);
    for (const plan_id of [prepaid, post_paid]) expect((await finaliseClosure(context, plan_id)).step).toBe('finalised');
    const public_key_hex = await operatorPublicKeyHex(context, context.clock.now().toISOString());
    const rejectedStates = ['rejected', 'rejected_final'];

    for (const plan_id of [prepaid, post_paid]) {
      const text = await closureReportText(context, plan_id);
      const report = verifyClosureReport(text, { public_key_hex });
      expect(report.differences, plan_id).toEqual([]);
      expect(report.ok).toBe(true);
      const header = report.header!;
      const last_cycles_paid_by = plan_id === prepaid ? 'operator' : 'members';
      expect(header).toMatchObject({ format: 'huzhu-closure/1', plan_id, currency: 'CNY', closure_date, last_cycles_paid_by });
      const lines = text.trimEnd().split('\n').slice(1).map((line) => JSON.parse(line) as Record<string, string>);

      // One line per membership live at the close or ended with money in its wallet.
      expect(lines.map((line) => line.member_code)).toEqual((liveAtClose.get(plan_id) ?? []).concat(endedWithMoney.get(plan_id) ?? []).sort());
      expect(header.member_count).toBe(lines.length);

      // Refunds = the wallet balances at closure, in total and member by member, against the ledger.
      const walletAt = (member_code: string) => (plan_id === prepaid ? (walletsAtClose.get(member_code)?.balance_minor ?? 0n) : 0n);
      for (const line of lines) {
        const wallet = walletAt(line.member_code!);
        const unclaimed = plan_id === prepaid && walletsAtClose.get(line.member_code!)?.membership_id === herOwn;
        expect(line, line.member_code).toEqual({
          member_code: line.member_code,
          wallet_at_closure_minor: wallet.toString(),
          refunded_minor: (unclaimed ? 0n : wallet).toString(),
          unclaimed_minor: (unclaimed ? wallet : 0n).toString(),
        });
      }
      const expected =
        plan_id === prepaid
          ? { wallet: wallet_total_minor, refunded: refunded_by_provider_minor, unclaimed: unclaimed_minor }
          : { wallet: 0n, refunded: 0n, unclaimed: 0n };
      expect(header).toMatchObject({
        wallet_total_minor: expected.wallet,
        refunded_total_minor: expected.refunded,
        unclaimed_total_minor: expected.unclaimed,
        // Custody: the plan's part before is its wallets at closure, after it is what stays unclaimed.
        custody_before_minor: expected.wallet,
        custody_after_minor: expected.unclaimed,
      });
      expect(header.refunded_total_minor + header.unclaimed_total_minor).toBe(header.wallet_total_minor);

      // Every claim of the plan is paid or rejected, each rejection with its reason; the counts and the paid total are the database's.
      const claims = await claimsOf(plan_id);
      expect(claims.filter((claim) => claim.state !== 'paid' && !rejectedStates.includes(claim.state))).toEqual([]);
      const paid = claims.filter((claim) => claim.state === 'paid');
      const rejected = claims.filter((claim) => rejectedStates.includes(claim.state));
      expect(header).toMatchObject({
        claims_paid_count: paid.length,
        claims_paid_minor: paid.reduce((total, claim) => total + claim.aid_minor, 0n),
        claims_rejected_count: rejected.length,
      });
      for (const claim of rejected) {
        expect(isClaimRejectionReason(claim.rejection_code ?? ''), `claim ${claim.id}`).toBe(true);
        expect(claim.rejection_text?.trim(), `claim ${claim.id}`).not.toBe('');
      }
      // The aid was paid out, in full, through the provider.
      const payouts = await db.selectFrom('aid_payouts').select(['claim_id', 'amount_minor', 'status']).where('plan_id', '=', plan_id).execute();
      expect(new Set(payouts.map((payout) => payout.status))).toEqual(new Set(['paid']));
      expect(payouts.reduce((total, payout) => total + payout.amount_minor, 0n)).toBe(header.claims_paid_minor);

      // Every receivable collected or written off by the operator: the write-off is what was owed at the close.
      expect(header.receivables_written_off_minor).toBe(plan_id === post_paid ? receivables_at_close_minor : 0n);
    }
    expect((await claimsOf(post_paid)).filter((claim) => rejectedStates.includes(claim.state)).length).toBeGreaterThan(0);
    // And they stay so: a rejection the published report counts can no longer be appealed.
    const rejectedClaim = (await claimsOf(post_paid)).find((claim) => claim.state === 'rejected')!;
    const lateAppeal = appealClaim(context, rejectedClaim.id, '我补充了盖章的病理报告。', 'member');
    expect(await rejectionCodeOf(lateAppeal)).toBe('CLAIM_CLOSURE_FINALISED');
    expect(await stateOf(rejectedClaim.id)).toBe('rejected');

    // Custody, from the ledger: the bank account plus what prepaid members still owe, less what it
    // owes onward (aid, fees, advances, payouts and refunds in transit), is what it holds for the
    // wallets: the unclaimed balance, no more. The sample prepaid plan shares the account (empty).
    const prepaidPlans = [prepaid, seniorCancerPlan.id];
    const orZero = async (code: string) => (await findAccount(context.store, code))?.balance_minor ?? 0n;
    let custody_owed_minor = await orZero(fundingAccountCodes.walletRefundsInTransit('CNY'));
    let custody_receivable_minor = 0n;
    for (const plan_id of prepaidPlans) {
      const owedOut = [
        accountCodes.aidPayable(plan_id),
        accountCodes.feePayable(plan_id),
        accountCodes.operatorAdvances(plan_id),
        payoutAccountCodes.aidInTransit(plan_id),
      ];
      for (const code of owedOut) custody_owed_minor += await orZero(code);
      custody_receivable_minor += await orZero(accountCodes.sharesReceivable(plan_id));
    }
    expect((await balance(custody)) + custody_receivable_minor - custody_owed_minor).toBe(unclaimed_minor);
    expect(await balance(custody)).toBe(custody_after_refunds_minor);
    const status = await closureStatus(context, prepaid);
    const unclaimedRow = status.refunds.find((row) => row.refund_state === 'unclaimed');
    expect(unclaimedRow).toEqual({ refund_state: 'unclaimed', count: 1, wallet_minor: unclaimed_minor });
    expect(status.refunds.find((row) => row.refund_state === 'due' || row.refund_state === 'pending')).toBeUndefined();

    // Each member fetches her own line with its proof, which verifies against the signed root.
    const texts = new Map<string, string>();
    for (const plan_id of [prepaid, post_paid]) texts.set(plan_id, await closureReportText(context, plan_id));
    const members = await db
      .selectFrom('plan_closure_members')
      .select(['plan_id', 'membership_id', 'member_code'])
      .where('plan_id', 'in', [prepaid, post_paid])
      .execute();
    for (const member of members) {
      const { proof } = await membershipClosureLine(context, member.membership_id);
      expect(proof).toMatchObject({ plan_id: member.plan_id, member_code: member.member_code });
      expect(closureProofHolds(proof)).toBe(true);
      expect(verifyClosureReport(texts.get(member.plan_id)!, { public_key_hex, member: { member_code: member.member_code, proof } }).ok).toBe(true);
    }
    const hers = await membershipClosureLine(context, herOwn);
    expect(hers.proof).toMatchObject({
      wallet_at_closure_minor: unclaimed_minor.toString(),
      refunded_minor: '0',
      unclaimed_minor: unclaimed_minor.toString(),
    });

    // `huzhu verify` agrees, for the report and for her line.
    const dir = mkdtempSync(join(tmpdir(), 'huzhu-demo-closure-'));
    writeFileSync(join(dir, 'closure.jsonl'), texts.get(prepaid)!);
    writeFileSync(join(dir, 'proof.json'), JSON.stringify(hers.proof));
    const cli = await runCli(['verify', join(dir, 'closure.jsonl'), '--public-key', public_key_hex, '--proof', join(dir, 'proof.json')], {});
    rmSync(dir, { recursive: true, force: true });
    expect(cli.exitCode, cli.err).toBe(0);
    const prepaid_lines = members.filter((member) => member.plan_id === prepaid).length;
    expect(cli.out).toContain(`OK closure of plan ${prepaid} on ${closure_date}: ${prepaid_lines} memberships, wallets ${wallet_total_minor}`);
    expect(cli.out).toContain(`member ${await codeOf(herOwn)}: wallet ${unclaimed_minor}, refunded 0, unclaimed ${unclaimed_minor} (minor units)`);

    // Through the API: demo-prepaid gets her line; demo-member, another member, does not.
    const her = await t.login('demo-prepaid', demoLoginPassword);
    const other = await t.login('demo-member', demoLoginPassword);
    const line = await t.app.inject({ url: `/api/memberships/${herOwn}/closure`, headers: { cookie: her } });
    expect(line.statusCode, line.body).toBe(200);
    const parsed = parseClosureProof(line.json().proof);
    expect(parsed.ok && closureProofHolds(parsed.value)).toBe(true);
    expect(line.json().proof).toEqual(hers.proof);
    const refused = await t.app.inject({ url: `/api/memberships/${herOwn}/closure`, headers: { cookie: other } });
    expect(refused.statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/memberships/${demoMembers}/closure`, headers: { cookie: other } })).statusCode).toBe(200);

    // The ledger's journal verifies and the funding accounts reconcile.
    expect((await verifyJournal(context.store)).ok).toBe(true);
    for (const reconciliation of await reconcileFundingAccounts(context.store)) expect(reconciliation.ok).toBe(true);
  });
});
