import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { approveForNotice, endNotice, publishNotice, startReview, submitClaim } from '../../src/services/claims/index.js';
import * as funding from '../../src/services/funding/index.js';
import { canonicalJson, claimIdempotencyKey, idempotencyRetentionHours, purgeExpiredIdempotencyKeys, requestSha256 } from '../../src/services/idempotency-requests.js';
import { runBackgroundJobs } from '../../src/services/jobs/background-jobs.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { importStatement } from '../../src/services/reconciliation/import-statement.js';
import { scheduleAidPayoutIn } from '../../src/services/payouts/index.js';
import { openAccount } from '../../src/ledger/ledger.js';
import { createPlan, getPlan } from '../../src/services/plans.js';
import { criticalIllnessPlan, seniorCancerPlan } from '../../src/core/plans/sample-plans.js';
import { announceClosure } from '../../src/services/closure/announce-closure.js';
import { closeMemberships } from '../../src/services/closure/close-memberships.js';
import { runClosureRefunds } from '../../src/services/closure/closure-refunds.js';
import { noToAll, personBornOn } from '../support/test-context.js';
import type { Store } from '../../src/store/store.js';
import { startTestApp, testNow, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { genericStatement, statementUpload } from '../support/statement-upload.js';
import { cycleRowValues } from '../support/cycle-row-factory.js';
import { rowCounts } from '../support/table-counts.js';
import { enrol, enrolBody } from './member-fixtures.js';

// The routes call the real top-up; the 5xx test makes one call fail as a database outage would.
vi.mock('../../src/services/funding/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/services/funding/index.js')>();
  return { ...real, requestTopUp: vi.fn(real.requestTopUp) };
});

/**
 * Operations that change something but move no money and start no payment, each with why. A new
 * POST/PUT/PATCH/DELETE fails the first test below until it declares the Idempotency-Key header
 * (and gets a fixture) or is added here with its reason.
 */
const movesNoMoney: Readonly<Record<string, string>> = {
  'POST /api/auth/login': 'starts a session',
  'POST /api/auth/logout': 'ends a session',
  'POST /api/auth/password': 'changes a password',
  'POST /api/auth/signup': 'starts a sign-up and sends a code; asking again replaces the code (per-contact cooldown)',
  'POST /api/auth/signup/resend': 'sends a new sign-up code; the cooldown limits repeats',
  'POST /api/auth/signup/confirm': 'creates a member account with no memberships and starts a session; the code works once',
  'POST /api/auth/password-reset': 'sends a reset code; asking again replaces the code (per-contact cooldown)',
  'POST /api/auth/password-reset/confirm': 'changes a password with a code that works once',
  'POST /api/users': 'creates a staff or member account; usernames are unique',
  'POST /api/users/{id}/roles': 'replaces the roles; sending the same roles again is the same',
  'POST /api/users/{id}/disable': 'disables a user and ends their sessions; disabling again keeps the first time',
  'POST /api/users/{id}/enable': 'enables a user again; enabling twice is the same',
  'POST /api/plans': 'creates a plan; plan ids are unique',
  'POST /api/plans/{id}/versions': 'announces rules; versions are numbered',
  'POST /api/plans/{id}/versions/preview': 'writes nothing: the notice a version would send',
  'POST /api/plans/{id}/status': 'opens or closes a plan to joins; setting it twice is the same',
  'POST /api/members/enrol': 'joins a person; no first payment (shares are collected after cycles, wallets are topped up separately); a second join is MEMBER_ALREADY_JOINED',
  'POST /api/members/persons/{person_id}/join': 'joins a person again; no first payment; a second join is MEMBER_ALREADY_JOINED',
  'POST /api/memberships/{id}/withdraw': 'a status change only: the wallet is refunded by its own request (wallet-refunds); a second withdrawal is MEMBERSHIP_BAD_TRANSITION',
  'POST /api/memberships/{id}/terminate': 'a status change only, nothing is refunded; a second one is MEMBERSHIP_BAD_TRANSITION',
  'POST /api/notifications/{id}/read': 'marks a message read; reading it again keeps the first time',
  'POST /api/claims': 'a claim for aid; the aid is paid by a cycle and a payout, and a second claim for the case is CLAIM_DUPLICATE',
  'POST /api/claims/{id}/appeal': 'a claim state change',
  'POST /api/claims/{id}/appeal/decision': 'a claim state change',
  'POST /api/claims/{id}/notes': 'a staff note on a claim; notes are never edited, a second one is another note',
  'POST /api/claims/{id}/objections': 'an objection; one per member and case (CLAIM_OBJECTION_EXISTS)',
  'POST /api/claims/{id}/start-review': 'a claim state change',
  'POST /api/claims/{id}/approve-for-notice': 'a claim state change',
  'POST /api/claims/{id}/publish-notice': 'a claim state change',
  'POST /api/claims/{id}/end-notice': 'approves the claim; its aid is scheduled by the next cycle, once per claim',
  'POST /api/claims/{id}/investigation': 'assigns an investigator',
  'POST /api/claims/{id}/findings': 'records findings',
  'POST /api/claims/{id}/reject': 'a claim state change',
  'POST /api/claims/{id}/fraud': 'rejects the claim and terminates the membership; nothing is refunded',
  'POST /api/claims/{id}/objections/{objection_id}/resolve': 'a claim state change',
  'POST /api/jury/quiz': 'quiz answers',
  'POST /api/claims/{id}/jury/open': 'draws a jury once (JURY_ALREADY_OPEN)',
  'POST /api/claims/{id}/jury/close': 'counts the votes once (JURY_ALREADY_CLOSED)',
  'POST /api/claims/{id}/jury/decision': 'an operator decision on a claim state',
  'POST /api/claims/{id}/votes': 'one secret vote per juror (JURY_ALREADY_VOTED)',
  'POST /api/plans/{plan_id}/cycles/run':
    'runs or resumes the one cycle of the latest notice day under a lease: a repeat resumes the same cycle and charges each member once (being reworked as jobs)',
  'POST /api/sustainability/plans/{plan_id}/recompute': 'recomputes stored metrics from the cycles; writes no ledger row, and an alert or message already raised is not raised again',
  'POST /api/sustainability/simulations/{id}/publish': 'sets or clears the mark that lets the plan’s public forecast show a run; setting it twice is the same',
  'POST /api/plans/{id}/proposals/preview': 'writes nothing: the diff a proposal would show',
  'POST /api/proposals/{id}/open': 'opens the vote once (GOV_BAD_TRANSITION)',
  'POST /api/proposals/{id}/vote':
    'one secret vote per member (GOV_ALREADY_VOTED); deliberately not in the idempotency store, whose request hash (user, body) would tie the voter to the choice',
  'POST /api/complaints/{id}/assign': 'gives the complaint an owner; assigning the same owner again is another hand-over, never money',
  'POST /api/complaints/{id}/respond': 'answers a complaint once (COMPLAINT_BAD_TRANSITION after)',
  'POST /api/complaints/{id}/reply': 'the member accepts or disputes the outcome once (COMPLAINT_ALREADY_REPLIED)',
  'PUT /api/reconciliation/settings': 'sets the break alert age; setting the same age again is the same',
  'PUT /api/settings/operator': 'saves the operator details as a new version; saving the same details again changes nothing shown',
  'POST /api/payments/webhook': "the provider's signed events, deduplicated by event and payment reference; the provider cannot send our key",
  'POST /api/plans/{plan_id}/closure': 'announces a closure and tells the members; one per plan (PLAN_CLOSING)',
  'POST /api/plans/{plan_id}/closure/close':
    'records the wallets at closure and ends the memberships, no posting; run again it changes nothing (the refunds and write-offs are their own keyed steps)',
  'POST /api/plans/{plan_id}/closure/finalise': 'signs and stores the closure report from settled rows, no posting; finalised, it returns the same report',
  'POST /api/plans/{plan_id}/closure/transfer-offer': 'records the transfer offer and tells the members, no posting; one per plan (TRANSFER_OFFER_EXISTS)',
  'PUT /api/memberships/{id}/closure/transfer-consent': 'sets the member\'s consent to the given state, no posting; the same state again changes nothing',
};

/**
 * The ledger's endpoints are being rewritten with manual postings under maker–checker, and will take
 * the same Idempotency-Key header; their fixtures are added when that work is merged. Until then
 * the test lists them as pending instead of failing.
 */

/** A real request to a money endpoint, built on the test app's data. */
interface MoneyRequest {
  readonly url: string;
  readonly cookie: string;
  readonly payload?: Record<string, unknown>;
  /** A multipart body instead of a JSON one (a file upload). */
  readonly upload?: { readonly body: string; readonly contentType: string };
  /** The same route with another request (other params or body), sent with the same key. */
  readonly other: { readonly url?: string; readonly payload?: Record<string, unknown>; readonly upload?: { readonly body: string; readonly contentType: string } };
  /** What the request writes (rows, balances): it changes once, and neither the replay nor the conflict changes it. */
  effect(): Promise<unknown>;
}

type Fixture = (t: TestApp) => Promise<MoneyRequest>;

const moneyTables = ['payments', 'ledger_transactions', 'ledger_accounts', 'manual_postings', 'ledger_audit_events', 'operator_advances', 'aid_payouts', 'aid_payout_attempts', 'membership_events', 'notifications', 'share_charges'] as const;

/** Row counts of every table a money endpoint writes, so "nothing else happened" is checked too. */
function moneyCounts(store: Store): Promise<Record<string, number>> {
  return rowCounts(store, moneyTables);
}

async function paymentsOf(store: Store, membership_id: string) {
  return store.db.selectFrom('payments').select(['kind', 'amount_minor', 'status']).where('membership_id', '=', BigInt(membership_id)).orderBy('id').execute();
}

/** A prepaid membership of a new payer, its wallet topped up (and settled) by `balance_minor`. */
async function prepaidMember(t: TestApp, name: string, sequence: number, balance_minor = 0n) {
  const cookie = await t.userWithRoles(name, ['member']);
  const membership = await enrol(t, cookie, enrolBody('1960-03-03', sequence, { plan_id: 'senior-cancer' }));
  if (balance_minor > 0n) {
    await funding.requestTopUp(t.context, BigInt(membership.membership_id), balance_minor);
    await t.gateway.deliverPending();
  }
  return { cookie, membership_id: membership.membership_id };
}


let closingPlanSequence = 0;

/**
 * A new plan (a copy of a sample plan's rules) whose closure is announced for today and whose
 * memberships have ended: ready for its refunds. With `prepaid`, one member's wallet holds 4,000.
 */
async function closedPlan(t: TestApp, prepaid: boolean, refunded = false): Promise<string> {
  closingPlanSequence += 1;
  const plan_id = `closing-${closingPlanSequence}`;
  const rules = prepaid ? seniorCancerPlan.rules : criticalIllnessPlan.rules;
  await createPlan(t.context, { id: plan_id, name_zh: '关闭中', name_en: 'Closing', rules }, null);
  if (prepaid) {
    const [joined] = await enrolMembers(t.context, [{ plan_id, payer_user_id: null, person: personBornOn('1961-06-06', 900 + closingPlanSequence), answers: noToAll }]);
    if (!joined!.ok) throw new Error(joined!.rejection.code);
    await funding.requestTopUp(t.context, joined!.value.membership_id, 4_000n);
    await t.gateway.deliverPending();
  }
  const closure_date = t.context.clock.now().toISOString().slice(0, 10);
  await announceClosure(t.context, { plan_id, closure_date, last_cycles_paid_by: 'members', announced_by: null });
  await closeMemberships(t.context, plan_id);
  if (refunded) await runClosureRefunds(t.context, plan_id);
  return plan_id;
}

function closuresOf(t: TestApp) {
  return t.store.db.selectFrom('plan_closures').select(['plan_id', 'step', 'receivables_written_off_minor']).orderBy('plan_id').execute();
}

/** The operator's own accounts a manual posting may move money between (the flows' accounts are refused). */
async function operatorAccounts(t: TestApp): Promise<void> {
  await openAccount(t.store, { code: 'operator_equity:CNY', name: 'Operator equity (CNY)', type: 'equity', currency: 'CNY', guard: 'none' }, testNow);
  await openAccount(t.store, { code: 'operator:bank:CNY', name: 'Operator bank', type: 'asset', currency: 'CNY', guard: 'none' }, testNow);
}

function capitalInjection(amount_minor: string) {
  return {
    description: 'capital injection',
    currency: 'CNY',
    legs: [
      { account_code: 'operator:bank:CNY', side: 'debit', amount_minor },
      { account_code: 'operator_equity:CNY', side: 'credit', amount_minor },
    ],
  };
}

let manualPostingSequence = 0;

/** A manual posting asked for by one operator (pending), and the cookie of a second operator who may decide it. */
async function pendingManualPosting(t: TestApp, amount_minor: string): Promise<{ id: string; checker: string }> {
  await operatorAccounts(t);
  manualPostingSequence += 1;
  const maker = await t.userWithRoles(`maker-${manualPostingSequence}`, ['operator']);
  const asked = await send(t, { url: '/api/ledger/transactions', cookie: maker, payload: capitalInjection(amount_minor) }, `ask-${manualPostingSequence}`);
  expect(asked.statusCode, asked.body).toBe(202);
  return { id: asked.json().manual_posting.id as string, checker: await t.userWithRoles(`checker-${manualPostingSequence}`, ['operator']) };
}

function manualPostingsOf(t: TestApp) {
  return t.store.db.selectFrom('manual_postings').select(['id', 'status', 'transaction_id']).orderBy('id').execute();
}

const fixtures: Readonly<Record<string, Fixture>> = {
  'POST /api/plans/{plan_id}/closure/refunds': async (t) => {
    const plan_id = await closedPlan(t, true);
    const other = await closedPlan(t, true);
    return {
      url: `/api/plans/${plan_id}/closure/refunds`,
      cookie: await t.userWithRoles('closure-refunder', ['operator']),
      other: { url: `/api/plans/${other}/closure/refunds` },
      effect: async () => ({
        closures: await closuresOf(t),
        refunds: await t.store.db.selectFrom('payments').select(['reference', 'status']).where('reference', 'like', 'closure_refund:%').orderBy('id').execute(),
      }),
    };
  },
  'POST /api/plans/{plan_id}/closure/receivables': async (t) => {
    const plan_id = await closedPlan(t, false, true);
    const other = await closedPlan(t, false, true);
    return {
      url: `/api/plans/${plan_id}/closure/receivables`,
      cookie: await t.userWithRoles('closure-writer-off', ['operator']),
      other: { url: `/api/plans/${other}/closure/receivables` },
      effect: () => closuresOf(t),
    };
  },
  'POST /api/ledger/accounts': async (t) => ({
    url: '/api/ledger/accounts',
    cookie: await t.userWithRoles('account-opener', ['operator']),
    payload: { code: 'operator:petty-cash:CNY', name: 'Petty cash', type: 'asset', currency: 'CNY', guard: 'non_negative' },
    other: { payload: { code: 'operator:petty-cash:CNY', name: 'Renamed', type: 'asset', currency: 'CNY', guard: 'non_negative' } },
    effect: () => t.store.db.selectFrom('ledger_accounts').select(['code', 'name']).where('code', 'like', 'operator:%').orderBy('code').execute(),
  }),
  'POST /api/ledger/transactions': async (t) => {
    await operatorAccounts(t);
    return {
      url: '/api/ledger/transactions',
      cookie: await t.userWithRoles('posting-maker', ['operator']),
      payload: capitalInjection('7000'),
      other: { payload: capitalInjection('7001') },
      effect: () => manualPostingsOf(t),
    };
  },
  'POST /api/ledger/manual-postings/{id}/approve': async (t) => {
    const { id, checker } = await pendingManualPosting(t, '8000');
    const { id: other_id } = await pendingManualPosting(t, '8001');
    return {
      url: `/api/ledger/manual-postings/${id}/approve`,
      cookie: checker,
      other: { url: `/api/ledger/manual-postings/${other_id}/approve` },
      effect: () => manualPostingsOf(t),
    };
  },
  'POST /api/ledger/manual-postings/{id}/reject': async (t) => {
    const { id, checker } = await pendingManualPosting(t, '9000');
    return {
      url: `/api/ledger/manual-postings/${id}/reject`,
      cookie: checker,
      payload: { reason: 'Not agreed with the board' },
      other: { payload: { reason: 'Another reason' } },
      effect: () => manualPostingsOf(t),
    };
  },
  'POST /api/ledger/transactions/{id}/reversal': async (t) => {
    const { id, checker } = await pendingManualPosting(t, '9500');
    const approved = await send(t, { url: `/api/ledger/manual-postings/${id}/approve`, cookie: checker }, `approve-for-reversal-${id}`);
    expect(approved.statusCode, approved.body).toBe(201);
    const transaction_id = approved.json().transaction.id as string;
    return {
      url: `/api/ledger/transactions/${transaction_id}/reversal`,
      cookie: await t.userWithRoles('reverser', ['operator']),
      payload: { description: 'Booked twice by mistake' },
      other: { payload: { description: 'Another description' } },
      effect: () => manualPostingsOf(t),
    };
  },
  'POST /api/memberships/{id}/top-ups': async (t) => {
    const { cookie, membership_id } = await prepaidMember(t, 'topper', 801);
    return {
      url: `/api/memberships/${membership_id}/top-ups`,
      cookie,
      payload: { amount_minor: '5000' },
      other: { payload: { amount_minor: '6000' } },
      effect: () => paymentsOf(t.store, membership_id),
    };
  },
  'POST /api/memberships/{id}/wallet-refunds': async (t) => {
    const { cookie, membership_id } = await prepaidMember(t, 'refunder', 802, 5000n);
    return {
      url: `/api/memberships/${membership_id}/wallet-refunds`,
      cookie,
      payload: { amount_minor: '2000' },
      other: { payload: { amount_minor: '1000' } },
      effect: async () => ({ payments: await paymentsOf(t.store, membership_id), balance_minor: await funding.walletBalance(t.context, BigInt(membership_id)) }),
    };
  },
  'POST /api/memberships/{id}/waiting-period-diagnosis': async (t) => {
    const member = await t.userWithRoles('diagnosed', ['member']);
    const { membership_id } = await enrol(t, member, enrolBody('1990-03-03', 803));
    return {
      url: `/api/memberships/${membership_id}/waiting-period-diagnosis`,
      cookie: await t.userWithRoles('reviewer-idem', ['reviewer']),
      payload: { reason: 'Diagnosed 30 days after joining' },
      other: { payload: { reason: 'Another diagnosis' } },
      effect: () => t.store.db.selectFrom('membership_events').select(['event', 'to_status']).where('membership_id', '=', BigInt(membership_id)).orderBy('id').execute(),
    };
  },
  'POST /api/memberships/{id}/charges/{charge_id}/collect': async (t) => {
    const { cookie, charge_id, membership_id } = await failedShareCharge(t, 'collect-again', 805);
    return {
      url: `/api/memberships/${membership_id}/charges/${charge_id}/collect`,
      cookie,
      other: { url: `/api/memberships/${membership_id}/charges/999999/collect` },
      effect: () => paymentsOf(t.store, membership_id),
    };
  },
  'POST /api/plans/{plan_id}/advances': async (t) => ({
    url: '/api/plans/critical-illness/advances',
    cookie: await t.userWithRoles('advancer', ['operator']),
    payload: { amount_minor: '5000' },
    other: { payload: { amount_minor: '5001' } },
    effect: () => t.store.db.selectFrom('operator_advances').select(['kind', 'amount_minor']).orderBy('id').execute(),
  }),
  // Moves no money, but starts background work (a simulation run), so a retried request must not start a second run.
  'POST /api/plans/{id}/proposals': async (t) => {
    const rules = (await getPlan(t.context, 'critical-illness')).versions.at(-1)!.rules;
    return {
      url: '/api/plans/critical-illness/proposals',
      cookie: await t.userWithRoles('proposer', ['operator']),
      payload: { rules: { ...rules, fee_bps: 700 }, note: 'A lower fee' },
      other: { payload: { rules: { ...rules, fee_bps: 700 }, note: 'Another reason' } },
      effect: () => t.store.db.selectFrom('proposals').select(['id', 'note', 'status']).orderBy('id').execute(),
    };
  },
  // A passed change still in its notice period (written directly: the vote itself has its own tests).
  'POST /api/proposals/{id}/leave': async (t) => {
    const { cookie, membership_id } = await prepaidMember(t, 'leaver', 806, 5000n);
    const rules = (await getPlan(t.context, 'senior-cancer')).versions.at(-1)!.rules;
    const proposal = await t.store.db
      .insertInto('proposals')
      .values({
        plan_id: 'senior-cancer', base_version: 1n, rules_json: JSON.stringify({ ...rules, waiting_days: 120 }), diff_json: '[]', note: 'Longer waiting', status: 'passed',
        created_by: null, created_at: testNow, settings_json: null, opened_by: null, opened_at: testNow, closes_at: testNow, eligible_count: 1n, counted_at: testNow,
        voted_count: 1n, yes_votes: 1n, no_votes: 0n, abstain_votes: 0n, quorum_votes: 1n, effective_at: '2027-06-01T00:00:00.000Z', plan_version: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return {
      url: `/api/proposals/${proposal.id}/leave`,
      cookie,
      payload: { membership_id },
      other: { payload: { membership_id: '999999' } },
      effect: async () => ({ payments: await paymentsOf(t.store, membership_id), leaves: await t.store.db.selectFrom('proposal_leaves').select(['membership_id', 'refund_minor']).execute() }),
    };
  },
  'POST /api/sustainability/simulations': async (t) => ({
    url: '/api/sustainability/simulations',
    cookie: await t.userWithRoles('simulator', ['operator']),
    payload: { scenario: 'small-community', options: { paths: 2, periods: 2, seed: 1 } },
    other: { payload: { scenario: 'small-community', options: { paths: 2, periods: 2, seed: 2 } } },
    // The rows asked for, not their status, which the run in the background moves on.
    effect: () => t.store.db.selectFrom('simulation_runs').select(['id', 'request_json']).orderBy('id').execute(),
  }),
  // A statement import writes no ledger row, but a retried upload must not import twice.
  'POST /api/reconciliation/statements': async (t) => ({
    url: '/api/reconciliation/statements',
    cookie: await t.userWithRoles('statement-importer', ['auditor']),
    upload: statementUpload(genericStatement([{ on: '2026-11-20', reference: 'IDEMPOTENCY-IMPORT', amount_minor: 100n }])),
    other: { upload: statementUpload(genericStatement([{ on: '2026-11-20', reference: 'IDEMPOTENCY-OTHER', amount_minor: 100n }])) },
    effect: () => t.store.db.selectFrom('bank_statements').select(['id', 'file_sha256']).orderBy('id').execute(),
  }),
  'POST /api/reconciliation/breaks/{break_id}/resolve': async (t) => {
    const csv = genericStatement([{ on: '2026-11-21', reference: 'IDEMPOTENCY-BREAK', amount_minor: 200n }], 100n);
    const { statement_id } = await importStatement(t.context, { layout: 'generic', currency: 'CNY', csv, imported_by: null });
    const found = await t.store.db.selectFrom('reconciliation_breaks').select('id').where('statement_id', '=', statement_id).executeTakeFirstOrThrow();
    return {
      url: `/api/reconciliation/breaks/${found.id}/resolve`,
      cookie: await t.userWithRoles('break-resolver', ['auditor']),
      payload: { resolution: 'explained', note: 'A transfer from the operator' },
      other: { payload: { resolution: 'explained', note: 'Another explanation' } },
      effect: () => t.store.db.selectFrom('reconciliation_breaks').select(['status', 'resolution_note']).where('id', '=', found.id).executeTakeFirstOrThrow(),
    };
  },
  'POST /api/reconciliation/run': async (t) => ({
    url: '/api/reconciliation/run',
    cookie: await t.userWithRoles('reconciler', ['auditor']),
    payload: { from: '2020-01-01', to: '2020-01-02' },
    other: { payload: { from: '2020-01-01', to: '2020-01-03' } },
    effect: () => t.store.db.selectFrom('reconciliation_days').select(['day', 'status']).where('day', '<', '2021-01-01').orderBy('day').execute(),
  }),
  // Moves no money, but a retried filing must not file the complaint twice.
  'POST /api/complaints': async (t) => {
    const { cookie, charge_id } = await failedShareCharge(t, 'complainer', 806);
    return {
      url: '/api/complaints',
      cookie,
      payload: { subject_kind: 'share_charge', subject_id: charge_id.toString(), text: 'The collection failed twice and I was not told why.' },
      other: { payload: { subject_kind: 'share_charge', subject_id: charge_id.toString(), text: 'Another complaint about the same charge.' } },
      effect: () => t.store.db.selectFrom('complaints').select(['id', 'subject_kind', 'text']).orderBy('id').execute(),
    };
  },
  'POST /api/payouts/{id}/retry': async (t) => {
    const payout_id = await failedAidPayout(t);
    return {
      url: `/api/payouts/${payout_id}/retry`,
      cookie: await t.userWithRoles('retrier', ['operator']),
      other: { url: '/api/payouts/999999/retry' },
      effect: () => t.store.db.selectFrom('aid_payouts').select(['status', 'attempts', 'attempt_limit']).where('id', '=', payout_id).executeTakeFirstOrThrow(),
    };
  },
};

/**
 * A post-paid member's share whose first collection failed: the charge row is a factory's shortcut
 * (member-money-routes.test.ts makes one through a real cycle and a failed collection).
 */
async function failedShareCharge(t: TestApp, name: string, sequence: number): Promise<{ cookie: string; membership_id: string; charge_id: bigint }> {
  const cookie = await t.userWithRoles(name, ['member']);
  const { membership_id } = await enrol(t, cookie, enrolBody('1990-03-03', sequence));
  const now = t.context.clock.now().getTime();
  const charge = await t.store.db
    .insertInto('share_charges')
    .values({
      membership_id: BigInt(membership_id),
      plan_id: 'critical-illness',
      reference: `cycle:critical-illness-idempotency-${sequence}`,
      amount_minor: 10n,
      status: 'due',
      attempts: 1n,
      retry_until: new Date(now + 10 * 86_400_000).toISOString(),
      next_attempt_at: new Date(now + 86_400_000).toISOString(),
      created_at: new Date(now).toISOString(),
      paid_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { cookie, membership_id, charge_id: charge.id };
}

/**
 * An aid payout whose attempts are used up. The claim goes through review and notice for real; the
 * cycle row and the failed attempts are a factory's shortcut (the payout tests cover those steps).
 */
async function failedAidPayout(t: TestApp): Promise<bigint> {
  const member = await t.userWithRoles('patient', ['member']);
  const { membership_id } = await enrol(t, member, enrolBody('1990-03-03', 804));
  t.context.clock.set('2027-03-01T00:00:00.000Z');
  await activateDueMemberships(t.context);
  t.context.clock.set('2027-03-15T10:00:00.000Z');
  const evidence = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };
  const claim = await submitClaim(
    t.context,
    { membership_id: BigInt(membership_id), submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: '华山医院', files: [evidence] },
    t.blobs,
  );
  for (const step of [startReview, approveForNotice, publishNotice]) await step(t.context, claim.claim_id, 'user:reviewer');
  t.context.clock.set('2027-03-22T10:00:00.000Z');
  await endNotice(t.context, claim.claim_id, 'system');
  const now = t.context.clock.now().toISOString();
  const cycle = await t.store.db
    .insertInto('cycles')
    .values(
      cycleRowValues({
        cycle_code: 'critical-illness-idempotency',
        plan_id: 'critical-illness',
        sequence: 1n,
        funding_model: 'post_paid',
        snapshot_at: now,
        aid_total_minor: 2000n,
        total_minor: 2000n,
        member_count: 1n,
        weight_total: 1n,
        share_total_minor: 2000n,
        capped_total_minor: 0n,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  const scheduled = await t.store.db
    .transaction()
    .execute((trx) => scheduleAidPayoutIn(trx, { claim_id: claim.claim_id, cycle_id: cycle.id, plan_id: 'critical-illness', amount_minor: 2000n, actor: 'system:cycle', at: now }));
  await t.store.db.updateTable('aid_payouts').set({ status: 'failed', attempts: 5n, attempt_limit: 5n, next_attempt_at: null, last_failure_reason: 'account_closed' }).where('id', '=', scheduled.payout_id).execute();
  return scheduled.payout_id;
}

interface OpenApiOperation {
  readonly parameters?: ReadonlyArray<{ readonly in: string; readonly name: string; readonly required?: boolean }>;
}

/** Every operation of the app's OpenAPI document that changes something, and whether it declares the key. */
async function changingOperations(t: TestApp): Promise<Map<string, boolean>> {
  const document = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, OpenApiOperation>> };
  const operations = new Map<string, boolean>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
      const declares = (operation.parameters ?? []).some((parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key' && parameter.required === true);
      operations.set(`${method.toUpperCase()} ${path}`, declares);
    }
  }
  return operations;
}

function send(t: TestApp, request: { url: string; cookie: string; payload?: Record<string, unknown>; upload?: { body: string; contentType: string } }, key: string | undefined) {
  return t.app.inject({
    method: 'POST',
    url: request.url,
    headers: { cookie: request.cookie, ...(key === undefined ? {} : { 'idempotency-key': key }), ...(request.upload === undefined ? {} : { 'content-type': request.upload.contentType }) },
    ...(request.upload !== undefined ? { payload: request.upload.body } : request.payload === undefined ? {} : { payload: request.payload }),
  });
}

function codeOf(response: { statusCode: number; json(): { error?: { code: string } } }): [number, string | undefined] {
  return [response.statusCode, response.json().error?.code];
}

describeEachBackend('Idempotency-Key on every money endpoint (from the OpenAPI document)', (dialect) => {
  let t: TestApp;
  let operations: Map<string, boolean>;

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    operations = await changingOperations(t);
  });
  afterAll(async () => t?.close());

  it('every operation that changes something declares a required Idempotency-Key header, or is listed as moving no money', () => {
    const undecided = [...operations].filter(([operation, declares]) => !declares && movesNoMoney[operation] === undefined);
    expect(undecided.map(([operation]) => operation), 'declare idempotencyHeaders and add a fixture, or list the operation in movesNoMoney with why').toEqual([]);
    const listedButKeyed = [...operations].filter(([operation, declares]) => declares && movesNoMoney[operation] !== undefined);
    expect(listedButKeyed.map(([operation]) => operation), 'an operation with the header moves money: take it off movesNoMoney').toEqual([]);
    const stale = Object.keys(movesNoMoney).filter((operation) => !operations.has(operation));
    expect(stale, 'listed operations that no longer exist').toEqual([]);
  });

  it('every operation that declares the header has a fixture, and every fixture an operation with the header', () => {
    const keyed = [...operations].filter(([, declares]) => declares).map(([operation]) => operation);
    expect(keyed.sort()).toEqual(Object.keys(fixtures).sort());
  });

  for (const [operation, fixture] of Object.entries(fixtures)) {
    it(`${operation}: a replay answers the first response and moves money once; the key with another request is 409`, async () => {
      const request = await fixture(t);
      const before = { effect: await request.effect(), counts: await moneyCounts(t.store) };

      expect(codeOf(await send(t, request, undefined))).toEqual([400, 'IDEMPOTENCY_KEY_REQUIRED']);
      expect(codeOf(await send(t, request, 'has a space'))).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
      expect(codeOf(await send(t, request, 'k'.repeat(201)))).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
      expect({ effect: await request.effect(), counts: await moneyCounts(t.store) }, 'a refused request writes nothing').toEqual(before);

      const key = `acceptance:${operation.replace(/[^\w/{}]+/g, '-')}`;
      const first = await send(t, request, key);
      expect(first.statusCode, first.body).toBeGreaterThanOrEqual(200);
      expect(first.statusCode, first.body).toBeLessThan(300);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const after = { effect: await request.effect(), counts: await moneyCounts(t.store) };
      expect(after.effect, 'the first request does something').not.toEqual(before.effect);

      const replay = await send(t, request, key);
      expect([replay.statusCode, replay.body]).toEqual([first.statusCode, first.body]);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.headers['content-type']).toMatch(/^application\/json/);
      expect({ effect: await request.effect(), counts: await moneyCounts(t.store) }, 'a replay moves nothing').toEqual(after);

      const conflict = await send(t, { ...request, ...request.other }, key);
      expect(codeOf(conflict), conflict.body).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
      expect({ effect: await request.effect(), counts: await moneyCounts(t.store) }, 'a conflicting request moves nothing').toEqual(after);

      // The key is the user's: another user with the same key is a new request of theirs (here refused
      // or allowed by the route's own rules), never the first user's answer.
      const stranger = await send(t, { ...request, cookie: await t.userWithRoles(`stranger-${Object.keys(fixtures).indexOf(operation)}`, ['member']) }, key);
      expect(stranger.headers['idempotent-replayed']).toBeUndefined();
      expect(stranger.body).not.toBe(first.body);
    });
  }
});

describeEachBackend('Idempotency-Key semantics: refusals, failures, concurrent requests, retention', (dialect) => {
  let t: TestApp;
  let payer: { cookie: string; membership_id: string };
  const topUpRoute = '/api/memberships/:id/top-ups';
  const topUp = (amount_minor: string, key: string | undefined, cookie = payer.cookie) =>
    send(t, { url: `/api/memberships/${payer.membership_id}/top-ups`, cookie, payload: { amount_minor } }, key);
  const topUps = async () => (await paymentsOf(t.store, payer.membership_id)).filter((payment) => payment.kind === 'top_up').length;
  const payerId = async () => (await t.store.db.selectFrom('users').select('id').where('username', '=', 'semantics').executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    payer = await prepaidMember(t, 'semantics', 901);
  });
  afterAll(async () => t?.close());

  it('a refusal (4xx) is not kept: the key is released and the corrected request runs under it', async () => {
    const refused = await topUp('10', 'fix-and-retry');
    expect(codeOf(refused)).toEqual([422, 'FUNDING_TOP_UP_BELOW_MINIMUM']);
    expect(codeOf(await topUp('10', 'fix-and-retry'))).toEqual([422, 'FUNDING_TOP_UP_BELOW_MINIMUM']);
    const fixed = await topUp('5000', 'fix-and-retry');
    expect(fixed.statusCode, fixed.body).toBe(202);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    expect(await topUps()).toBe(1);
    expect((await topUp('5000', 'fix-and-retry')).headers['idempotent-replayed']).toBe('true');
  });

  it('a failure (5xx) releases the key, so the retry runs, and moves the money once', async () => {
    vi.mocked(funding.requestTopUp).mockRejectedValueOnce(new Error('connection to the database was lost'));
    const before = await topUps();
    const failed = await topUp('5000', 'after-outage');
    expect(codeOf(failed)).toEqual([500, 'INTERNAL']);
    expect(await topUps()).toBe(before);
    const retried = await topUp('5000', 'after-outage');
    expect(retried.statusCode, retried.body).toBe(202);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(await topUps()).toBe(before + 1);
  });

  it('a request whose key is held by an unanswered first request is refused as in progress, and writes nothing', async () => {
    const params = { id: payer.membership_id };
    const body = { amount_minor: '5000' };
    const scope = { user_id: await payerId(), method: 'POST', route: topUpRoute, idempotency_key: 'in-flight' };
    // The first request has claimed the key and is still running (or its process died before answering).
    const held = await claimIdempotencyKey(t.store, scope, requestSha256({ method: 'POST', route: topUpRoute, params, body }), t.context.clock.now());
    expect(held.kind).toBe('claimed');
    const before = await moneyCounts(t.store);
    const second = await topUp('5000', 'in-flight');
    expect(codeOf(second)).toEqual([409, 'IDEMPOTENCY_REQUEST_IN_PROGRESS']);
    expect(second.json().error.details).toEqual({ claimed_at: t.context.clock.now().toISOString() });
    expect(codeOf(await topUp('6000', 'in-flight'))).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await moneyCounts(t.store)).toEqual(before);
  });

  it('of two requests racing with one key, exactly one claims it; the other is refused or replayed', async () => {
    const scope = { user_id: await payerId(), method: 'POST', route: topUpRoute, idempotency_key: 'race-in-store' };
    const claims = await Promise.all([1, 2].map(() => claimIdempotencyKey(t.store, scope, 'a'.repeat(64), t.context.clock.now())));
    expect(claims.map((claim) => claim.kind).sort()).toEqual(['claimed', 'in_progress']);

    const before = await topUps();
    const responses = await Promise.all([topUp('5000', 'race-over-http'), topUp('5000', 'race-over-http')]);
    expect(await topUps()).toBe(before + 1);
    const fresh = responses.filter((response) => response.statusCode === 202 && response.headers['idempotent-replayed'] === undefined);
    expect(fresh).toHaveLength(1);
    for (const other of responses.filter((response) => response !== fresh[0])) {
      // Which one it is depends on timing; both are safe answers.
      if (other.statusCode === 202) expect(other.body).toBe(fresh[0]!.body);
      else expect(codeOf(other)).toEqual([409, 'IDEMPOTENCY_REQUEST_IN_PROGRESS']);
    }
  });

  it('an advance keyed by the header alone is keyed by it in the ledger too, per user', async () => {
    const operator = await t.userWithRoles('advance-operator', ['operator']);
    const other = await t.userWithRoles('advance-operator-2', ['operator']);
    const advance = (cookie: string) => send(t, { url: '/api/plans/critical-illness/advances', cookie, payload: { amount_minor: '700' } }, 'shared-key');
    const first = await advance(operator);
    expect(first.statusCode, first.body).toBe(201);
    // Another operator's same key is another advance, not a replay of the first.
    const second = await advance(other);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().advance.id).not.toBe(first.json().advance.id);
    // Once the HTTP key is forgotten (retention over, or the answer never kept), the advance still
    // knows it: the retry gets the first advance back, not a second one.
    await purgeExpiredIdempotencyKeys(t.store, new Date(t.context.clock.now().getTime() + (idempotencyRetentionHours + 1) * 3_600_000));
    const late = await advance(operator);
    expect(late.statusCode, late.body).toBe(200);
    expect(late.headers['idempotent-replayed']).toBeUndefined();
    expect(late.json()).toEqual({ advance: first.json().advance, replayed: true });
  });

  it(`keys are kept ${idempotencyRetentionHours} hours, then purged by the background jobs; a payment's key never pays twice`, async () => {
    const first = await topUp('5000', 'kept-for-a-while');
    expect(first.statusCode, first.body).toBe(202);
    t.context.clock.set(new Date(t.context.clock.now().getTime() + (idempotencyRetentionHours - 1) * 3_600_000));
    const cookie = await t.login('semantics', 'semantics-password');
    expect((await topUp('5000', 'kept-for-a-while', cookie)).headers['idempotent-replayed']).toBe('true');
    t.context.clock.set(new Date(t.context.clock.now().getTime() + 2 * 3_600_000));
    const jobs = await runBackgroundJobs(t.context);
    expect(jobs.idempotency_keys_purged).toBeGreaterThanOrEqual(1);
    // The HTTP layer has forgotten the key, but the payment it made carries it in its reference:
    // the same key cannot pay a second time, whatever the body (a crash before the answer was kept
    // ends the same way once the key expires).
    const payments_before = await topUps();
    const again = await topUp('6000', 'kept-for-a-while', await t.login('semantics', 'semantics-password'));
    expect(codeOf(again), again.body).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    expect(await topUps()).toBe(payments_before);
    // The refusal released the key again, and a new key is a new payment.
    expect((await topUp('6000', 'a-new-key', await t.login('semantics', 'semantics-password'))).statusCode).toBe(202);
    expect(await topUps()).toBe(payments_before + 1);
  });

  it('an expired key is free even before the jobs purge it', async () => {
    const scope = { user_id: await payerId(), method: 'POST', route: topUpRoute, idempotency_key: 'lazily-expired' };
    const at = t.context.clock.now();
    expect((await claimIdempotencyKey(t.store, scope, 'b'.repeat(64), at)).kind).toBe('claimed');
    const later = new Date(at.getTime() + idempotencyRetentionHours * 3_600_000);
    expect((await claimIdempotencyKey(t.store, scope, 'c'.repeat(64), later)).kind).toBe('claimed');
  });

  it('the purge is bounded: each pass deletes at most its limit, oldest first', async () => {
    const user_id = await payerId();
    const at = t.context.clock.now();
    for (const key of ['purge-1', 'purge-2', 'purge-3']) {
      expect((await claimIdempotencyKey(t.store, { user_id, method: 'POST', route: topUpRoute, idempotency_key: key }, 'd'.repeat(64), at)).kind).toBe('claimed');
    }
    const later = new Date(at.getTime() + (idempotencyRetentionHours + 1) * 3_600_000);
    // Earlier tests left expired keys too; what matters is the bound and that the passes end.
    const passes: number[] = [];
    for (let pass = 0; pass < 100; pass++) {
      const purged = await purgeExpiredIdempotencyKeys(t.store, later, 2);
      passes.push(purged);
      if (purged === 0) break;
    }
    expect(passes.every((purged) => purged <= 2)).toBe(true);
    expect(passes.at(-1)).toBe(0);
    expect(passes.reduce((total, purged) => total + purged, 0)).toBeGreaterThanOrEqual(3);
  });
});

describe('request hashing', () => {
  it('is the same for the same request whatever the key order, and differs for another body', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: 'x' }], a: null, skipped: undefined })).toBe('{"a":null,"b":[1,{"c":"x","d":2}]}');
    const request = { method: 'POST', route: '/api/memberships/:id/top-ups', params: { id: '1' } };
    expect(requestSha256({ ...request, body: { amount_minor: '5000', note: 'a' } })).toBe(requestSha256({ ...request, body: { note: 'a', amount_minor: '5000' } }));
    expect(requestSha256({ ...request, body: { amount_minor: '5000' } })).not.toBe(requestSha256({ ...request, body: { amount_minor: '5001' } }));
    expect(requestSha256({ ...request, body: null })).not.toBe(requestSha256({ ...request, params: { id: '2' }, body: null }));
  });
});
