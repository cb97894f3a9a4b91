import { afterEach, beforeEach, expect, it } from 'vitest';
import type { GovernanceSettings } from '../../src/core/governance/governance-rules.js';
import type { VoteChoice } from '../../src/core/governance/proposal-lifecycle.js';
import type { PlanRulesJson } from '../../src/core/plans/plan-rules.js';
import { verifyJournal } from '../../src/ledger/verify-journal.js';
import { reconcileFundingAccounts } from '../../src/services/funding/funding-reconciliation.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { walletBalance } from '../../src/services/funding/wallet-balances.js';
import { closeDueProposals } from '../../src/services/governance/close-proposals.js';
import { leaveBeforeChange } from '../../src/services/governance/leave-before-change.js';
import { createProposal, openProposal } from '../../src/services/governance/proposal-actions.js';
import { getMemberProposal, listMemberProposals, listPublicProposals } from '../../src/services/governance/proposal-queries.js';
import { castProposalVote } from '../../src/services/governance/proposal-votes.js';
import { runBackgroundJobs } from '../../src/services/jobs/background-jobs.js';
import { enrolMembers } from '../../src/services/members.js';
import type { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { addPlanVersion, getPlan } from '../../src/services/plans.js';
import { fundingContext } from '../support/funding-context.js';
import { codeOf } from '../support/rejection-code.js';
import { rowCounts } from '../support/table-counts.js';
import { noToAll, personBornOn, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

const voteTables = ['proposals', 'proposal_voters', 'proposal_ballots', 'proposal_leaves', 'notifications', 'plan_versions'] as const;
const dayMs = 86_400_000;

describeEachBackend('governance: member votes on rule changes', (dialect) => {
  let context: TestContext;
  let gateway: SimulatedGateway;
  let operator: bigint;
  /** Payers of five members of the post-paid plan, and of three of the prepaid senior plan. */
  let members: bigint[];
  let seniors: bigint[];
  let seniorMemberships: bigint[];

  async function user(username: string, roles: string): Promise<bigint> {
    const row = await context.store.db
      .insertInto('users')
      .values({ username, display_name: username, password_hash: 'x', roles, created_at: '2026-11-28T10:00:00.000Z', disabled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function enrol(plan_id: string, payers: readonly bigint[], birth_date: string, first_sequence: number): Promise<bigint[]> {
    const results = await enrolMembers(
      context,
      payers.map((payer_user_id, index) => ({ plan_id, payer_user_id, person: personBornOn(birth_date, first_sequence + index), answers: noToAll })),
    );
    return results.map((result) => {
      if (!result.ok) throw new Error(result.rejection.code);
      return result.value.membership_id;
    });
  }

  async function latestRules(plan_id: string): Promise<PlanRulesJson> {
    return structuredClone((await getPlan(context, plan_id)).versions.at(-1)!.rules);
  }

  /** A version with these governance settings, in force an hour later (the clock moves past it). */
  async function useGovernance(plan_id: string, governance: GovernanceSettings): Promise<void> {
    const rules = { ...(await latestRules(plan_id)), governance };
    const now = context.clock.now().getTime();
    await addPlanVersion(context, plan_id, { rules, effective_at: new Date(now + 3_600_000).toISOString(), note: 'Members decide rule changes' }, operator);
    context.clock.set(new Date(now + 2 * 3_600_000).toISOString());
  }

  async function proposeFee(plan_id: string, fee_bps: number) {
    const rules = { ...(await latestRules(plan_id)), fee_bps };
    const draft = await createProposal(context, plan_id, { rules, note: `Fee to ${fee_bps / 100}% to cover costs` }, operator);
    return openProposal(context, draft.id, operator);
  }

  async function vote(proposal_id: bigint, choices: ReadonlyArray<VoteChoice | null>, payers = members) {
    for (const [index, choice] of choices.entries()) if (choice !== null) await castProposalVote(context, proposal_id, payers[index]!, choice);
  }

  /** Past the deadline, the background job counts. */
  async function closeAfter(days: number) {
    context.clock.set(new Date(context.clock.now().getTime() + days * dayMs + 1).toISOString());
    return runBackgroundJobs(context);
  }

  async function expectBooksBalance() {
    expect((await verifyJournal(context.store)).problems).toEqual([]);
    for (const report of await reconcileFundingAccounts(context.store)) expect(report.ok).toBe(true);
  }

  beforeEach(async () => {
    ({ context, gateway } = await fundingContext(dialect, { secret: 'governance-test' }));
    operator = await user('olivia', 'operator');
    members = [];
    for (const name of ['ann', 'bo', 'cai', 'dan', 'eli']) members.push(await user(name, 'member'));
    seniors = [];
    for (const name of ['fu', 'gao', 'hua']) seniors.push(await user(name, 'member'));
    await enrol('critical-illness', members, '1990-05-17', 1);
    seniorMemberships = await enrol('senior-cancer', seniors, '1960-04-12', 11);
  });
  afterEach(async () => context.store.close());

  it('passes a proposal: roll snapshotted, members told, one secret vote each, counted once, new version after the notice', async () => {
    const opened = await proposeFee('critical-illness', 600);
    expect(opened).toMatchObject({ status: 'voting', eligible_count: 5, base_version: 1, count: null, changes: [{ path: 'fee_bps', from: 800, to: 600 }] });
    expect(opened.closes_at).toBe(new Date(Date.parse(opened.opened_at!) + 14 * dayMs).toISOString());
    const told = await context.store.db.selectFrom('notifications').select('user_id').where('kind', '=', 'proposal_opened').execute();
    expect(told.map((row) => row.user_id).sort()).toEqual([...members].sort());

    await vote(opened.id, ['yes', 'yes', 'no', 'abstain', null]);
    const view = await getMemberProposal(context, opened.id, members[0]!);
    expect(view).toMatchObject({ eligible: true, voted: true, can_vote: false, count: null });
    expect(view).not.toHaveProperty('choice');
    expect(await getMemberProposal(context, opened.id, members[4]!)).toMatchObject({ voted: false, can_vote: true });

    // A second vote, a vote by someone not on the roll: refused with nothing written.
    const before = await rowCounts(context.store, voteTables);
    expect(await codeOf(castProposalVote(context, opened.id, members[0]!, 'no'))).toBe('GOV_ALREADY_VOTED');
    expect(await codeOf(castProposalVote(context, opened.id, operator, 'yes'))).toBe('GOV_NOT_ELIGIBLE');
    expect(await codeOf(castProposalVote(context, opened.id, seniors[0]!, 'yes'))).toBe('GOV_NOT_ELIGIBLE');
    expect(await codeOf(castProposalVote(context, opened.id, members[4]!, 'maybe' as VoteChoice))).toBe('GOV_BAD_VOTE');
    expect(await rowCounts(context.store, voteTables)).toEqual(before);

    // Ballots carry no membership, member code, user or time: only a random id and the choice.
    const ballots = await context.store.db.selectFrom('proposal_ballots').selectAll().execute();
    expect(ballots).toHaveLength(4);
    for (const ballot of ballots) expect(Object.keys(ballot).sort()).toEqual(['ballot_hex', 'choice', 'proposal_id']);
    expect(new Set(ballots.map((ballot) => ballot.ballot_hex)).size).toBe(4);

    // Not counted before the deadline; after it, a late vote is refused with nothing written.
    expect((await runBackgroundJobs(context)).proposals_counted).toBe(0);
    context.clock.set(opened.closes_at!);
    const late = await rowCounts(context.store, voteTables);
    expect(await codeOf(castProposalVote(context, opened.id, members[4]!, 'yes'))).toBe('GOV_VOTE_CLOSED');
    expect(await rowCounts(context.store, voteTables)).toEqual(late);

    const jobs = await runBackgroundJobs(context);
    expect(jobs).toMatchObject({ proposals_counted: 1, failures: 0 });
    expect((await runBackgroundJobs(context)).proposals_counted).toBe(0);
    const counted = await getMemberProposal(context, opened.id, members[4]!);
    const counted_at = opened.closes_at!;
    expect(counted).toMatchObject({
      status: 'passed',
      count: { eligible: 5, voted: 4, yes: 2, no: 1, abstain: 1, quorum_votes: 1, result: 'passed', counted_at },
      effective_at: new Date(Date.parse(counted_at) + 30 * dayMs).toISOString(),
      plan_version: 2,
      can_vote: false,
      can_leave: true,
    });
    const plan = await getPlan(context, 'critical-illness');
    expect(plan.versions).toHaveLength(2);
    expect(plan.versions[1]).toMatchObject({ version: 2, effective_at: counted.effective_at, rules: { fee_bps: 600 } });
    expect(await context.store.db.selectFrom('notifications').select('id').where('kind', '=', 'proposal_counted').execute()).toHaveLength(5);
    expect(await context.store.db.selectFrom('notifications').select('id').where('kind', '=', 'plan_rules_changed').execute()).toHaveLength(5);
    expect(await listPublicProposals(context, 'critical-illness')).toMatchObject([{ id: opened.id, count: { yes: 2, no: 1 } }]);

    // Once the change is in force the proposal says so.
    context.clock.set(counted.effective_at!);
    expect((await runBackgroundJobs(context)).proposals_in_effect).toBe(1);
    expect(await getMemberProposal(context, opened.id, members[0]!)).toMatchObject({ status: 'in_effect', count: { result: 'passed' }, can_leave: false });
  });

  it('fails a proposal when more than half vote against, and changes nothing', async () => {
    const opened = await proposeFee('critical-illness', 1200);
    await vote(opened.id, ['yes', 'no', 'no', 'no', 'yes']);
    await closeAfter(14);
    const counted = await getMemberProposal(context, opened.id, members[0]!);
    expect(counted).toMatchObject({ status: 'failed', count: { voted: 5, yes: 2, no: 3, result: 'failed' }, effective_at: null, plan_version: null, can_leave: false });
    expect((await getPlan(context, 'critical-illness')).versions).toHaveLength(1);
    expect(await codeOf(leaveBeforeChange(context, opened.id, members[0]!))).toBe('GOV_LEAVE_NOT_OPEN');
  });

  it('refuses a direct rule change while members vote on the plan, and accepts it after the count', async () => {
    const opened = await proposeFee('critical-illness', 600);
    const later = new Date(context.clock.now().getTime() + 60 * dayMs).toISOString();
    const direct = { rules: { ...(await latestRules('critical-illness')), waiting_days: 30 }, effective_at: later, note: 'Shorter waiting period' };
    expect(await codeOf(addPlanVersion(context, 'critical-illness', direct, operator))).toBe('PLAN_VOTE_OPEN');
    expect((await getPlan(context, 'critical-illness')).versions).toHaveLength(1);
    await vote(opened.id, ['no', 'no', 'no', 'no', 'yes']);
    await closeAfter(14);
    await addPlanVersion(context, 'critical-illness', direct, operator);
    expect((await getPlan(context, 'critical-illness')).versions).toHaveLength(2);
  });

  it('counts a vote short of its quorum as no_quorum (Medi-Share 67% with half the members to vote)', async () => {
    await useGovernance('critical-illness', { vote_days: 10, quorum_bps: 5000, decision: { kind: 'approve_share', approve_bps: 6700 }, notice_days: 45 });
    const opened = await proposeFee('critical-illness', 700);
    expect(opened.base_version).toBe(2);
    expect(opened.settings).toMatchObject({ quorum_bps: 5000, decision: { approve_bps: 6700 } });
    await vote(opened.id, ['yes', 'yes', null, null, null]);
    await closeAfter(10);
    const counted = await getMemberProposal(context, opened.id, members[0]!);
    expect(counted).toMatchObject({ status: 'no_quorum', count: { eligible: 5, voted: 2, quorum_votes: 3, result: 'no_quorum' }, plan_version: null });
    expect((await getPlan(context, 'critical-illness')).versions).toHaveLength(2);
  });

  it('passes unless more than half object (Samaritan Ministries), without a quorum', async () => {
    await useGovernance('critical-illness', { vote_days: 30, quorum_bps: 0, decision: { kind: 'passes_unless_objections', object_bps: 5000 }, notice_days: 30 });
    const passes = await proposeFee('critical-illness', 900);
    await vote(passes.id, ['no', 'no', null, null, null]);
    await closeAfter(30);
    expect(await getMemberProposal(context, passes.id, members[0]!)).toMatchObject({ status: 'passed', count: { voted: 2, no: 2, quorum_votes: 0, result: 'passed' }, plan_version: 3 });
    const objected = await proposeFee('critical-illness', 1000);
    await vote(objected.id, ['no', 'no', 'no', 'yes', null]);
    await closeAfter(30);
    expect(await getMemberProposal(context, objected.id, members[0]!)).toMatchObject({ status: 'failed', count: { no: 3, result: 'failed' } });
  });

  it('lets a member who does not accept leave with the full wallet before the change takes effect, once', async () => {
    for (const membership_id of seniorMemberships) await requestTopUp(context, membership_id, 5000n);
    expect(await gateway.deliverPending()).toEqual({ delivered: 3, failed: 0 });
    const rules = { ...(await latestRules('senior-cancer')), waiting_days: 180 };
    const draft = await createProposal(context, 'senior-cancer', { rules, note: 'A longer waiting period' }, operator);
    const opened = await openProposal(context, draft.id, operator);
    expect(await codeOf(leaveBeforeChange(context, opened.id, seniors[2]!))).toBe('GOV_LEAVE_NOT_OPEN');
    await vote(opened.id, ['yes', 'yes', 'no'], seniors);
    await closeAfter(14);
    const passed = await getMemberProposal(context, opened.id, seniors[2]!);
    expect(passed).toMatchObject({ status: 'passed', can_leave: true });

    // A top-up still with the provider: the leave waits for it, so the refund is of the whole wallet.
    gateway.forceOutcomes('failed');
    await requestTopUp(context, seniorMemberships[2]!, 1000n);
    const beforeRefused = await rowCounts(context.store, [...voteTables, 'payments', 'membership_events']);
    expect(await codeOf(leaveBeforeChange(context, opened.id, seniors[2]!))).toBe('GOV_LEAVE_PAYMENTS_PENDING');
    expect(await rowCounts(context.store, [...voteTables, 'payments', 'membership_events'])).toEqual(beforeRefused);
    // Its outcome arrives (the provider refused it): the wallet holds what it held.
    expect(await gateway.deliverPending()).toEqual({ delivered: 1, failed: 0 });

    const payments = await rowCounts(context.store, ['payments']);
    const left = await leaveBeforeChange(context, opened.id, seniors[2]!);
    expect(left).toMatchObject({ membership_id: seniorMemberships[2], refund_minor: 5000n, refund_reference: expect.stringMatching(/^wallet_refund:/) });
    expect(await rowCounts(context.store, ['payments'])).toEqual({ payments: payments.payments! + 1 });
    const membership = await context.store.db.selectFrom('memberships').select('status').where('id', '=', seniorMemberships[2]!).executeTakeFirstOrThrow();
    expect(membership.status).toBe('withdrawn');
    // Asked again: the same leave, no second payment.
    expect(await leaveBeforeChange(context, opened.id, seniors[2]!)).toEqual(left);
    expect(await rowCounts(context.store, ['payments'])).toEqual({ payments: payments.payments! + 1 });
    expect(await gateway.deliverPending()).toEqual({ delivered: 1, failed: 0 });
    expect(await walletBalance(context, seniorMemberships[2]!)).toBe(0n);
    await expectBooksBalance();
    expect(await getMemberProposal(context, opened.id, seniors[2]!)).toMatchObject({ left: true, can_leave: false });
    // Someone who is no member of the plan has nothing to leave.
    expect(await codeOf(leaveBeforeChange(context, opened.id, members[0]!))).toBe('GOV_NOT_A_MEMBER');

    // Once the change is in force the right is gone.
    context.clock.set(passed.effective_at!);
    const after = await rowCounts(context.store, [...voteTables, 'payments', 'membership_events']);
    expect(await codeOf(leaveBeforeChange(context, opened.id, seniors[1]!))).toBe('GOV_LEAVE_WINDOW_CLOSED');
    expect(await rowCounts(context.store, [...voteTables, 'payments', 'membership_events'])).toEqual(after);
    expect(await walletBalance(context, seniorMemberships[1]!)).toBe(5000n);
  });

  it('refuses a proposal with no change, with invalid rules, and a second opening, writing nothing', async () => {
    const before = await rowCounts(context.store, voteTables);
    const rules = await latestRules('critical-illness');
    expect(await codeOf(createProposal(context, 'critical-illness', { rules, note: 'Nothing' }, operator))).toBe('GOV_NO_CHANGE');
    expect(await codeOf(createProposal(context, 'critical-illness', { rules: { ...rules, fee_bps: -1 }, note: 'Bad' }, operator))).toBe('PLAN_BAD_RULES');
    expect(await codeOf(createProposal(context, 'critical-illness', { rules: { ...rules, funding: (await latestRules('senior-cancer')).funding }, note: 'Prepaid' }, operator))).toBe('PLAN_BAD_RULES');
    expect(await codeOf(createProposal(context, 'critical-illness', { rules: { ...rules, fee_bps: 700 }, note: '  ' }, operator))).toBe('GOV_BAD_NOTE');
    expect(await rowCounts(context.store, voteTables)).toEqual(before);
    const opened = await proposeFee('critical-illness', 500);
    const opened_state = await rowCounts(context.store, voteTables);
    expect(await codeOf(openProposal(context, opened.id, operator))).toBe('GOV_BAD_TRANSITION');
    expect(await rowCounts(context.store, voteTables)).toEqual(opened_state);
    // Members see proposals of their own plans only, never drafts.
    await createProposal(context, 'critical-illness', { rules: { ...rules, waiting_days: 60 }, note: 'Draft only' }, operator);
    expect((await listMemberProposals(context, members[0]!)).map((proposal) => proposal.id)).toEqual([opened.id]);
    expect(await listMemberProposals(context, seniors[0]!)).toEqual([]);
    expect(await codeOf(getMemberProposal(context, opened.id, seniors[0]!))).toBe('GOV_NOT_FOUND');
    expect((await closeDueProposals(context)).counted).toBe(0);
  });
});
