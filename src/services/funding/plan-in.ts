import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { findPlanIn, type Plan } from '../plans.js';
import { fundingRejection } from './funding-rejections.js';

/** getPlan on the caller's connection or transaction (see findPlanIn). */
export async function getPlanIn(db: Kysely<Database>, plan_id: string): Promise<Plan> {
  return (await findPlanIn(db, plan_id)) ?? fundingRejection('PLAN_NOT_FOUND', `No plan ${plan_id}.`, { plan_id });
}
