import { sql } from 'kysely';
import { parseClosureHeader, type ClosureReportHeader } from '../../core/closure/closure-report.js';
import { closureProofFromReport, type ClosureMemberProof } from '../../core/closure/closure-verifier.js';
import type { ServiceContext } from '../context.js';
import { claimWindowEnd } from '../../core/closure/closure-rules.js';
import { assert } from '../../core/rejection.js';
import type { Db } from '../../store/schema.js';
import { getPlanIn } from '../funding/plan-in.js';
import { pagedClosureProof, storedClosureLines } from './closure-report-pages.js';
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

/** The finalised closure of a plan with its parsed header, or CLOSURE_REPORT_NOT_FOUND. */
async function finalisedClosure(db: Db, plan_id: string): Promise<{ closure: ClosureRow; header: ClosureReportHeader; header_json: string }> {
  const closure = await findClosureIn(db, plan_id);
  if (closure?.header_json === null || closure?.header_json === undefined) {
    closureRejection('CLOSURE_REPORT_NOT_FOUND', `Plan ${plan_id} has no finalised closure report.`, { plan_id });
  }
  const header = parseClosureHeader(closure.header_json);
  assert(header.ok, `the stored closure header of plan ${plan_id} parses`);
  return { closure, header: header.value, header_json: closure.header_json };
}

/**
 * The published report file, byte for byte as signed, in chunks of whole lines: the header, then
 * the stored pages (a report finalised before pages were stored is its one stored text). Checks
 * the report exists before the first chunk, so a caller can answer with an error before streaming.
 */
export async function closureReportChunks(context: ServiceContext, plan_id: string): Promise<AsyncGenerator<Buffer>> {
  const db = context.store.db;
  const { closure, header, header_json } = await finalisedClosure(db, plan_id);
  const attempt_id = closure.report_attempt_id;
  if (attempt_id === null) {
    assert(closure.report_text !== null, `plan ${plan_id}'s report is stored in pages or whole`);
    const whole = closure.report_text;
    return (async function* () {
      yield Buffer.from(whole, 'utf8');
    })();
  }
  const pages = await storedClosureLines(db, attempt_id, header);
  return (async function* () {
    yield Buffer.from(`${header_json}\n`, 'utf8');
    yield* pages;
  })();
}

/** The whole report file in memory: for tests and the smallest plans (the HTTP route streams it). */
export async function closureReportText(context: ServiceContext, plan_id: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await closureReportChunks(context, plan_id)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A membership's own line of its plan's closure report with the Merkle proof that it is in the
 * signed root. The caller (the HTTP layer) checks the membership is the member's. The proof is
 * built from her page of the report and the pages' roots; a report stored whole (finalised before
 * pages) is read whole.
 */
export async function membershipClosureLine(context: ServiceContext, membership_id: bigint): Promise<{ proof: ClosureMemberProof; signed_header_json: string }> {
  const db = context.store.db;
  const member = await db
    .selectFrom('plan_closure_members')
    .select(['plan_id', 'member_code'])
    .where('membership_id', '=', membership_id)
    .executeTakeFirst();
  if (member === undefined) closureRejection('CLOSURE_LINE_NOT_FOUND', `Membership ${membership_id} has no line in a closure report.`, { membership_id: membership_id.toString() });
  const { closure, header, header_json } = await finalisedClosure(db, member.plan_id);
  const proof =
    closure.report_attempt_id !== null
      ? await pagedClosureProof(db, closure.report_attempt_id, header, member.member_code)
      : closure.report_text === null
        ? undefined
        : (closureProofFromReport(closure.report_text, member.member_code) ?? undefined);
  if (proof === undefined) closureRejection('CLOSURE_LINE_NOT_FOUND', `Membership ${membership_id} has no line in the closure report.`, { membership_id: membership_id.toString() });
  return { proof, signed_header_json: header_json };
}
