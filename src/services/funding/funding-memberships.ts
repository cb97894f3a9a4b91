import type { Kysely } from 'kysely';
import { chunks } from '../../store/chunks.js';
import type { Database } from '../../store/schema.js';
import { fundingRejection } from './funding-rejections.js';

/** What funding needs to know about a membership. */
export interface FundingMembership {
  readonly id: bigint;
  readonly plan_id: string;
  readonly plan_version: bigint;
  readonly member_code: string;
  readonly status: 'waiting' | 'active' | 'lapsed' | 'withdrawn' | 'terminated' | 'ended';
  readonly funding_model: 'post_paid' | 'prepaid';
  readonly payer_user_id: bigint | null;
  readonly unpaid_since: string | null;
  readonly low_balance_notified_at: string | null;
}

const columns = ['id', 'plan_id', 'plan_version', 'member_code', 'status', 'funding_model', 'payer_user_id', 'unpaid_since', 'low_balance_notified_at'] as const;

export function isLive(membership: Pick<FundingMembership, 'status'>): boolean {
  return membership.status === 'waiting' || membership.status === 'active';
}

export async function findFundingMemberships(db: Kysely<Database>, ids: readonly bigint[]): Promise<Map<bigint, FundingMembership>> {
  const found = new Map<bigint, FundingMembership>();
  for (const batch of chunks([...new Set(ids)], 500)) {
    const rows = await db.selectFrom('memberships').select(columns).where('id', 'in', batch).execute();
    for (const row of rows) found.set(row.id, row);
  }
  return found;
}

export async function getFundingMembership(db: Kysely<Database>, id: bigint): Promise<FundingMembership> {
  const row = await db.selectFrom('memberships').select(columns).where('id', '=', id).executeTakeFirst();
  return row ?? fundingRejection('MEMBERSHIP_NOT_FOUND', `No membership ${id}.`, { membership_id: id.toString() });
}
