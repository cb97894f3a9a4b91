import type { Kysely, Selectable } from 'kysely';
import type { ClaimWindowVersion, ClosureRejectionCode } from '../../core/closure/closure-rules.js';
import { RejectionError, reject } from '../../core/rejection.js';
import type { Trx } from '../../ledger/ledger.js';
import type { Database, PlanClosuresTable } from '../../store/schema.js';
import type { Plan } from '../plans.js';

export type ClosureRow = Selectable<PlanClosuresTable>;

/** Rows of the closing plan's memberships are read and written in pages of this many. */
export const closurePageSize = 500;

export function closureRejection(code: ClosureRejectionCode, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

export async function findClosureIn(db: Kysely<Database>, plan_id: string): Promise<ClosureRow | undefined> {
  return db.selectFrom('plan_closures').selectAll().where('plan_id', '=', plan_id).executeTakeFirst();
}

/** Locks the plan's closure row for the rest of the transaction (a no-op update), so two runs of a step serialize. */
export async function lockClosureIn(trx: Trx, plan_id: string): Promise<ClosureRow> {
  const row = await trx
    .updateTable('plan_closures')
    .set((eb) => ({ step: eb.ref('step') }))
    .where('plan_id', '=', plan_id)
    .returningAll()
    .executeTakeFirst();
  if (row === undefined) closureRejection('CLOSURE_NOT_FOUND', `No closure is announced for plan ${plan_id}.`, { plan_id });
  return row;
}

/** The plan's versions' claim windows, as the claim path applies them (see claimWindowEnd). */
export function claimWindowVersions(plan: Plan): ClaimWindowVersion[] {
  return plan.versions.map((version) => ({ effective_at: version.effective_at, claim_window_days: version.rules.claim_window_days }));
}
