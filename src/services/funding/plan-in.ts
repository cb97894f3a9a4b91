import type { Kysely } from 'kysely';
import { parsePlanRules } from '../../core/plans/plan-rules.js';
import { unwrap } from '../../core/rejection.js';
import type { Database } from '../../store/schema.js';
import type { Plan } from '../plans.js';
import { fundingRejection } from './funding-rejections.js';

/**
 * getPlan, but on the given connection: inside a transaction a query on the store's own handle
 * would wait for the transaction's connection on SQLite (one connection) and never run.
 */
export async function getPlanIn(db: Kysely<Database>, plan_id: string): Promise<Plan> {
  const plan = await db.selectFrom('plans').selectAll().where('id', '=', plan_id).executeTakeFirst();
  if (plan === undefined) fundingRejection('PLAN_NOT_FOUND', `No plan ${plan_id}.`, { plan_id });
  const versions = await db.selectFrom('plan_versions').selectAll().where('plan_id', '=', plan_id).orderBy('version').execute();
  return {
    ...plan,
    versions: versions.map((row) => ({
      version: Number(row.version),
      effective_at: row.effective_at,
      note: row.note,
      created_at: row.created_at,
      rules: unwrap(parsePlanRules(JSON.parse(row.rules_json))),
    })),
  };
}
