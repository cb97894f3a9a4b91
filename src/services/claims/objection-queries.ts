import type { ServiceContext } from '../context.js';
import { maxClaimPageSize, publicCaseStates } from './claim-queries.js';
import type { ObjectionRow } from './objections.js';

/**
 * An objection as the member who raised it sees it: their own reason, how it was resolved and
 * the reviewer's words, and the public case number. Nothing of the patient beyond what the
 * public case card shows, and no staff names (resolved_by stays on the server).
 */
export interface OwnObjection {
  readonly objection_id: bigint;
  readonly case_number: string;
  readonly plan_id: string;
  /** The objector's membership (one the caller pays for). */
  readonly membership_id: bigint;
  readonly member_code: string;
  readonly status: ObjectionRow['status'];
  readonly reason: string;
  readonly resolution: string | null;
  readonly created_at: string;
  readonly resolved_at: string | null;
  /** Whether the case card is public now, so a link to it opens. */
  readonly case_published: boolean;
}

/**
 * The objections raised through the memberships a user pays for, newest first: one query over
 * objections, their memberships and claims, bounded (one person objects to few cases).
 */
export async function listOwnObjections(context: ServiceContext, payer_user_id: bigint): Promise<OwnObjection[]> {
  const rows = await context.store.db
    .selectFrom('objections as o')
    .innerJoin('memberships as m', 'm.id', 'o.objector_membership_id')
    .innerJoin('claims as c', 'c.id', 'o.claim_id')
    .select(['o.id', 'c.case_number', 'c.plan_id', 'o.objector_membership_id', 'm.member_code', 'o.status', 'o.reason', 'o.resolution', 'o.created_at', 'o.resolved_at', 'c.state', 'c.notice_starts_at'])
    .where('m.payer_user_id', '=', payer_user_id)
    .orderBy('o.id', 'desc')
    .limit(maxClaimPageSize)
    .execute();
  return rows.map((row) => ({
    objection_id: row.id,
    case_number: row.case_number,
    plan_id: row.plan_id,
    membership_id: row.objector_membership_id,
    member_code: row.member_code,
    status: row.status,
    reason: row.reason,
    resolution: row.resolution,
    created_at: row.created_at,
    resolved_at: row.resolved_at,
    case_published: publicCaseStates.includes(row.state) && row.notice_starts_at !== null,
  }));
}
