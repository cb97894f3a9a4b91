import { sql } from 'kysely';
import { parseClosureHeader, type ClosureReportHeader } from '../../core/closure/closure-report.js';
import { closureProofFromReport, type ClosureMemberProof } from '../../core/closure/closure-verifier.js';
import type { ServiceContext } from '../context.js';
import { claimWindowEnd } from '../../core/closure/closure-rules.js';
import { getPlanIn } from '../funding/plan-in.js';
import { claimWindowVersions, closureRejection, findClosureIn, type ClosureRow } from './closure-rows.js';

export interface ClosureStatus {
  readonly plan_id: string;
  readonly closure_date: string;
  readonly last_cycles_paid_by: 'members' | 'operator';
  readonly step: ClosureRow['step'];
  readonly announced_at: string;
  readonly closed_at: string | null;
  readonly refunds_done_at: string | null;
  readonly receivables_done_at: string | null;
  readonly finalised_at: string | null;
  /** Memberships by refund state (none, due, pending, refunded, unclaimed) and their wallets at closure. */
  readonly refunds: ReadonlyArray<{ readonly refund_state: string; readonly count: number; readonly wallet_minor: bigint }>;
  readonly receivables_written_off_minor: bigint;
  /** The last day a claim for a diagnosis before the closure date may be filed (the plan's claim window). */
  readonly last_claim_date: string;
  /** The first day the closure can be finalised: the claim window is over then. */
  readonly finalise_from_date: string;
  /** The signed report's header once finalised. */
  readonly header: ClosureReportHeader | null;
}

export async function closureStatus(context: ServiceContext, plan_id: string): Promise<ClosureStatus> {
  const db = context.store.db;
  const closure = await findClosureIn(db, plan_id);
  if (closure === undefined) closureRejection('CLOSURE_NOT_FOUND', `No closure is announced for plan ${plan_id}.`, { plan_id });
  const refunds = await sql<{ refund_state: string; count: bigint | number; wallet_minor: bigint | number | string | null }>`
    select refund_state, count(*) as count, sum(wallet_at_closure_minor) as wallet_minor
    from plan_closure_members where plan_id = ${plan_id} group by refund_state order by refund_state`.execute(db);
  const header = closure.header_json === null ? null : parseClosureHeader(closure.header_json);
  const window = claimWindowEnd(closure.closure_date, claimWindowVersions(await getPlanIn(db, plan_id)));
  return {
    plan_id: closure.plan_id,
    closure_date: closure.closure_date,
    last_cycles_paid_by: closure.last_cycles_paid_by,
    step: closure.step,
    announced_at: closure.announced_at,
    closed_at: closure.closed_at,
    refunds_done_at: closure.refunds_done_at,
    receivables_done_at: closure.receivables_done_at,
    finalised_at: closure.finalised_at,
    refunds: refunds.rows.map((row) => ({ refund_state: row.refund_state, count: Number(row.count), wallet_minor: BigInt(row.wallet_minor ?? 0) })),
    receivables_written_off_minor: closure.receivables_written_off_minor,
    last_claim_date: window.last_claim_date,
    finalise_from_date: window.finalise_from_date,
    header: header?.ok === true ? header.value : null,
  };
}

/** The published report file, byte for byte as signed. */
export async function closureReportText(context: ServiceContext, plan_id: string): Promise<string> {
  const closure = await findClosureIn(context.store.db, plan_id);
  if (closure?.report_text === null || closure?.report_text === undefined) {
    closureRejection('CLOSURE_REPORT_NOT_FOUND', `Plan ${plan_id} has no finalised closure report.`, { plan_id });
  }
  return closure.report_text;
}

/**
 * A membership's own line of its plan's closure report with the Merkle proof that it is in the
 * signed root. The caller (the HTTP layer) checks the membership is the member's. The proof is
 * computed from the stored report, 32 bytes per member: the reports of closing plans are small
 * beside a cycle's (see the follow-ups in the report of issue 14 for proof chunks).
 */
export async function membershipClosureLine(context: ServiceContext, membership_id: bigint): Promise<{ proof: ClosureMemberProof; signed_header_json: string }> {
  const db = context.store.db;
  const member = await db
    .selectFrom('plan_closure_members')
    .select(['plan_id', 'member_code'])
    .where('membership_id', '=', membership_id)
    .executeTakeFirst();
  if (member === undefined) closureRejection('CLOSURE_LINE_NOT_FOUND', `Membership ${membership_id} has no line in a closure report.`, { membership_id: membership_id.toString() });
  const closure = await findClosureIn(db, member.plan_id);
  if (closure?.report_text === null || closure?.report_text === undefined || closure.header_json === null) {
    closureRejection('CLOSURE_REPORT_NOT_FOUND', `Plan ${member.plan_id} has no finalised closure report.`, { plan_id: member.plan_id });
  }
  const proof = closureProofFromReport(closure.report_text, member.member_code);
  if (proof === null) closureRejection('CLOSURE_LINE_NOT_FOUND', `Membership ${membership_id} has no line in the closure report.`, { membership_id: membership_id.toString() });
  return { proof, signed_header_json: closure.header_json };
}
