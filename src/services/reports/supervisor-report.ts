import { claimStates, isFinalClaimState, type ClaimState } from '../../core/claims/claim-lifecycle.js';
import type { ResponseTimeSummary } from '../../core/complaints/response-times.js';
import type { ComplaintState } from '../../core/complaints/complaint-lifecycle.js';
import { addDays, formatCalendarDate, parseCalendarDate } from '../../core/members/age.js';
import type { PublicOperatorInfo } from '../../core/operator/operator-info.js';
import { claimAgeBuckets, type ClaimAgeBucket, type ReportPeriod } from '../../core/reports/report-period.js';
import { assert, RejectionError } from '../../core/rejection.js';
import { complaintStatistics } from '../complaints/complaint-queries.js';
import type { ServiceContext } from '../context.js';
import { publicOperatorInfoOf } from '../operator-info.js';
import { accountCodes } from '../plan-accounts.js';
import {
  alertsIn,
  claimGroupsAt,
  exitStatuses,
  lastBankClosingsBefore,
  maxReportAlerts,
  membershipCountsIn,
  membershipExitsIn,
  type AlertRow,
  type ExitStatus,
} from './report-queries.js';
import { accountFlowsIn, netDebitsAt, walletNetDebitsAt } from '../../ledger/ledger-history.js';

export const supervisorReportFormat = 'huzhu-supervisor-report/1';

/**
 * Members and their movement in the period. start + joined − (withdrawn + lapsed + terminated +
 * ended) = end, asserted. The platform has no death status: a member's death ends cover through
 * the claim or a withdrawal, so deaths are not a separate column.
 */
export interface MembershipMovement {
  readonly plan_id: string;
  readonly start: bigint;
  readonly joined: bigint;
  /** Withdrawn by the member (or by a diagnosis in the waiting period). */
  readonly withdrawn: bigint;
  readonly lapsed: bigint;
  /** Ended for fraud. */
  readonly terminated: bigint;
  /** Ended because the plan closed. */
  readonly ended: bigint;
  readonly end: bigint;
}

/** Funds held at the end of the period, per currency; null where nothing is known (no statement imported). */
export interface FundsHeld {
  readonly currency: string;
  /** Σ of the prepaid wallets (the members' money), at the end of the period. */
  readonly wallets_minor: bigint;
  /** The custody account in the ledger at the end of the period (all plans of the currency). */
  readonly custody_minor: bigint;
  /** custody − wallets: shares deducted and not yet paid out as aid, fee or refunds. */
  readonly custody_less_wallets_minor: bigint;
  readonly bank_statement_last_on: string | null;
  readonly bank_closing_minor: bigint | null;
  /** The custody account at the end of the statement's last day: what the bank balance should equal. */
  readonly custody_at_bank_date_minor: bigint | null;
  /** bank − custody on the same day: zero when custody is reconciled. */
  readonly bank_less_custody_minor: bigint | null;
}

export interface ClaimsByState {
  readonly plan_id: string;
  readonly state: ClaimState;
  readonly claims: bigint;
  readonly aid_minor: bigint;
}

/** Claims not paid or finally rejected at the end of the period, by days since submission. */
export interface OpenClaimsByAge {
  readonly plan_id: string;
  readonly bucket: ClaimAgeBucket;
  readonly claims: bigint;
  readonly aid_minor: bigint;
}

export interface ComplaintFigures {
  /** Complaints filed by members of the plans the report covers (every complaint is filed for a membership). */
  readonly filed: number;
  readonly by_state: Readonly<Record<ComplaintState, number>>;
  readonly escalated: number;
  readonly overdue_now: number;
  readonly response_time: ResponseTimeSummary;
  readonly responded_within_deadline: number;
}

/** What the operator bore and earned in the period, per plan, from its ledger accounts. */
export interface OperatorFigures {
  readonly plan_id: string;
  readonly currency: string;
  /** Net paid in by the operator's backstop (caps held back, shares never collected). */
  readonly backstop_used_minor: bigint;
  readonly advances_drawn_minor: bigint;
  readonly advances_repaid_minor: bigint;
  readonly advances_outstanding_minor: bigint;
  /** Management fee accrued to the operator (credits to the plan's fee payable). */
  readonly fee_income_minor: bigint;
}

export interface SupervisorReport {
  readonly format: typeof supervisorReportFormat;
  readonly period: ReportPeriod;
  /** The one plan reported on, or null for all. */
  readonly plan_id: string | null;
  readonly generated_at: string;
  readonly operator: (PublicOperatorInfo & { changed_at: string }) | null;
  readonly plans: ReadonlyArray<{ plan_id: string; name_zh: string; name_en: string; currency: string; status: string }>;
  readonly members: readonly MembershipMovement[];
  readonly funds: readonly FundsHeld[];
  readonly claims_by_state: readonly ClaimsByState[];
  readonly open_claims_by_age: readonly OpenClaimsByAge[];
  readonly complaints: ComplaintFigures;
  readonly alerts: readonly AlertRow[];
  readonly operator_accounts: readonly OperatorFigures[];
}

function instantAfterDays(day: string, days: number): string {
  const date = parseCalendarDate(day);
  assert(date !== undefined, 'a report day is a calendar date');
  return `${formatCalendarDate(addDays(date, days))}T00:00:00.000Z`;
}

/**
 * The report for a period, computed live from the store: a bounded number of aggregate queries
 * (about a dozen), none per member. Money stays bigint throughout; the identities it rests on
 * (members start + in − out = end) are asserted where the figures are put together.
 */
export async function supervisorReport(context: ServiceContext, period: ReportPeriod, plan_id: string | null): Promise<SupervisorReport> {
  const db = context.store.db;
  let planQuery = db.selectFrom('plans').select(['id', 'name_zh', 'name_en', 'currency', 'status']).orderBy('id');
  if (plan_id !== null) planQuery = planQuery.where('id', '=', plan_id);
  const plans = await planQuery.execute();
  if (plan_id !== null && plans.length === 0) {
    throw new RejectionError({ code: 'REPORT_UNKNOWN_PLAN', message: `plan_id: no plan ${plan_id}.`, details: { parameter: 'plan_id', plan_id } });
  }
  const { from_at, to_at } = period;

  const counts = new Map((await membershipCountsIn(db, from_at, to_at, plan_id)).map((row) => [row.plan_id, row]));
  const exits = await membershipExitsIn(db, from_at, to_at, plan_id);
  const members = plans.map((plan): MembershipMovement => {
    const count = counts.get(plan.id) ?? { start: 0n, joined: 0n, end: 0n };
    const by_status = Object.fromEntries(exitStatuses.map((status) => [status, 0n])) as Record<ExitStatus, bigint>;
    for (const row of exits) if (row.plan_id === plan.id) by_status[row.status] += row.count;
    const left = Object.values(by_status).reduce((sum, value) => sum + value, 0n);
    // Exits leave the live statuses for final ones, so nothing else moves a member in or out.
    assert(count.start + count.joined - left === count.end, `members of ${plan.id}: start + joined − exits = end`);
    return { plan_id: plan.id, start: count.start, joined: count.joined, ...by_status, end: count.end };
  });

  const currencies = [...new Set(plans.map((plan) => plan.currency))].sort();
  const wallets = await walletNetDebitsAt(db, to_at, plan_id);
  const custody = await netDebitsAt(db, currencies.map(accountCodes.custody), to_at);
  // Statements that end on the period's last day or before: to_at's date is the day after it.
  const closings = new Map((await lastBankClosingsBefore(db, to_at.slice(0, 10))).map((row) => [row.currency, row]));
  const funds: FundsHeld[] = [];
  for (const currency of currencies) {
    // Wallets are liabilities (credit balances), custody an asset (a debit balance).
    const wallets_minor = -(wallets.get(currency) ?? 0n);
    const custody_minor = custody.get(accountCodes.custody(currency)) ?? 0n;
    const closing = closings.get(currency);
    const at_bank =
      closing === undefined ? null : ((await netDebitsAt(db, [accountCodes.custody(currency)], instantAfterDays(closing.last_on, 1))).get(accountCodes.custody(currency)) ?? 0n);
    funds.push({
      currency,
      wallets_minor,
      custody_minor,
      custody_less_wallets_minor: custody_minor - wallets_minor,
      bank_statement_last_on: closing?.last_on ?? null,
      bank_closing_minor: closing?.closing_balance_minor ?? null,
      custody_at_bank_date_minor: at_bank,
      bank_less_custody_minor: closing === undefined || at_bank === null ? null : closing.closing_balance_minor - at_bank,
    });
  }

  // A claim is in bucket k when it was submitted after to − (max_days_k + 1) days: fewer than max + 1 whole days old.
  const bucket_starts = claimAgeBuckets.flatMap((bucket) => (bucket.max_days === null ? [] : [instantAfterDays(period.to, -bucket.max_days)]));
  const groups = await claimGroupsAt(db, to_at, bucket_starts, plan_id);
  const claims_by_state: ClaimsByState[] = [];
  const open_claims_by_age: OpenClaimsByAge[] = [];
  for (const plan of plans) {
    for (const state of claimStates) {
      const rows = groups.filter((row) => row.plan_id === plan.id && row.state === state);
      if (rows.length === 0) continue;
      claims_by_state.push({ plan_id: plan.id, state, claims: rows.reduce((sum, row) => sum + row.claims, 0n), aid_minor: rows.reduce((sum, row) => sum + row.aid_minor, 0n) });
    }
    for (const [index, { bucket }] of claimAgeBuckets.entries()) {
      const rows = groups.filter((row) => row.plan_id === plan.id && row.bucket_index === index && !isFinalClaimState(row.state as ClaimState));
      open_claims_by_age.push({ plan_id: plan.id, bucket, claims: rows.reduce((sum, row) => sum + row.claims, 0n), aid_minor: rows.reduce((sum, row) => sum + row.aid_minor, 0n) });
    }
  }

  const statistics = await complaintStatistics(context, { from: from_at, to: to_at }, plan_id);
  const alerts = await alertsIn(db, from_at, to_at, plan_id);
  if (alerts.length > maxReportAlerts) {
    throw new RejectionError({ code: 'REPORT_BAD_PERIOD', message: `More than ${maxReportAlerts} alerts in the period: ask for a shorter one.`, details: { parameter: 'to', limit: maxReportAlerts } });
  }

  const operatorCodes = plans.flatMap((plan) => [accountCodes.backstop(plan.id), accountCodes.operatorAdvances(plan.id), accountCodes.feePayable(plan.id)]);
  const flows = await accountFlowsIn(db, operatorCodes, from_at, to_at);
  const outstanding = await netDebitsAt(db, plans.map((plan) => accountCodes.operatorAdvances(plan.id)), to_at);
  const none = { debits_minor: 0n, credits_minor: 0n };
  const operator_accounts = plans.map((plan): OperatorFigures => {
    const backstop = flows.get(accountCodes.backstop(plan.id)) ?? none;
    const advances = flows.get(accountCodes.operatorAdvances(plan.id)) ?? none;
    const fee = flows.get(accountCodes.feePayable(plan.id)) ?? none;
    return {
      plan_id: plan.id,
      currency: plan.currency,
      backstop_used_minor: backstop.debits_minor - backstop.credits_minor,
      // Advances are a liability to the operator: drawn is credited, repaid debited.
      advances_drawn_minor: advances.credits_minor,
      advances_repaid_minor: advances.debits_minor,
      advances_outstanding_minor: -(outstanding.get(accountCodes.operatorAdvances(plan.id)) ?? 0n),
      fee_income_minor: fee.credits_minor,
    };
  });

  return {
    format: supervisorReportFormat,
    period,
    plan_id,
    generated_at: context.clock.now().toISOString(),
    operator: await publicOperatorInfoOf(db),
    plans: plans.map((plan) => ({ plan_id: plan.id, name_zh: plan.name_zh, name_en: plan.name_en, currency: plan.currency, status: plan.status })),
    members,
    funds,
    claims_by_state,
    open_claims_by_age,
    complaints: {
      filed: statistics.filed,
      by_state: statistics.by_state,
      escalated: statistics.escalated,
      overdue_now: statistics.overdue_now,
      response_time: statistics.response_time,
      responded_within_deadline: statistics.responded_within_deadline,
    },
    alerts,
    operator_accounts,
  };
}
