import { sql } from 'kysely';
import { checkAnnouncement } from '../../core/closure/closure-rules.js';
import { calendarDateOf } from '../../core/members/age.js';
import { RejectionError } from '../../core/rejection.js';
import type { ServiceContext } from '../context.js';
import { getPlanIn } from '../funding/plan-in.js';
import { closureRejection, findClosureIn, type ClosureRow } from './closure-rows.js';
import { notifyMemberships } from '../notifications/notify-memberships.js';

export interface AnnounceClosureInput {
  readonly plan_id: string;
  readonly closure_date: string;
  readonly last_cycles_paid_by: string;
  readonly announced_by: bigint | null;
}

/** The notice every live member gets, in the app and by e-mail (the outbox delivers it). */
function noticeTexts(plan: { name_zh: string; name_en: string }, closure_date: string) {
  return {
    title_zh: `${plan.name_zh}将于${closure_date}关闭`,
    title_en: `${plan.name_en} closes on ${closure_date}`,
    body_zh: `计划不再接受新成员。${closure_date}之前确诊的疾病仍可在理赔期限内申请互助金；钱包余额将在关闭后全部退还，并发布关闭报告供您核对。`,
    body_en:
      `The plan takes no new members. Illnesses diagnosed before ${closure_date} can still be claimed within the claim window; ` +
      'every wallet balance is refunded after the closure, and a closure report is published for you to check.',
  };
}

/**
 * The operator announces the plan's closure: one per plan (the primary key is the backstop of a
 * race), a date not in the past, and who pays the last cycles. Joins stop at once (the join path
 * looks for this row), and every live member is notified, in the same transaction, with one
 * INSERT … SELECT per channel (set-based: a plan of millions is one statement each).
 */
export async function announceClosure(context: ServiceContext, input: AnnounceClosureInput): Promise<ClosureRow> {
  const now = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const plan = await getPlanIn(trx, input.plan_id);
    const existing = await findClosureIn(trx, plan.id);
    const decision = checkAnnouncement({
      closure_date: input.closure_date,
      today: calendarDateOf(now),
      already_announced: existing !== undefined,
      last_cycles_paid_by: input.last_cycles_paid_by,
    });
    if (!decision.ok) throw new RejectionError(decision.rejection);
    const inserted = await trx
      .insertInto('plan_closures')
      .values({
        plan_id: plan.id,
        closure_date: decision.value.closure_date,
        last_cycles_paid_by: decision.value.last_cycles_paid_by,
        step: 'announced',
        announced_at: now,
        announced_by: input.announced_by,
        closed_at: null,
        refunds_done_at: null,
        receivables_done_at: null,
        finalised_at: null,
        header_json: null,
        report_text: null,
      })
      .onConflict((conflict) => conflict.column('plan_id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted === undefined) closureRejection('PLAN_CLOSING', 'The plan\'s closure is announced already; a plan closes once.', { plan_id: plan.id });
    const texts = noticeTexts(plan, decision.value.closure_date);
    await notifyMemberships(trx, { kind: 'plan_closing', ...texts }, sql`memberships m where m.plan_id = ${plan.id} and m.status in ('waiting', 'active')`, {
      channels: ['in_app', 'email'],
      dedupe_prefix: (channel) => `closure:${plan.id}:${channel}:`,
      created_at: now,
    });
    return inserted;
  });
}

/** Joins stop from the announcement on: the set of the given plans that are closing. */
export async function closingPlansIn(db: Parameters<typeof findClosureIn>[0], plan_ids: readonly string[]): Promise<Set<string>> {
  if (plan_ids.length === 0) return new Set();
  const rows = await db.selectFrom('plan_closures').select('plan_id').where('plan_id', 'in', [...plan_ids]).execute();
  return new Set(rows.map((row) => row.plan_id));
}
