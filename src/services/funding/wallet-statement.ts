import type { ServiceContext } from '../context.js';
import { walletBalance } from './wallet-balances.js';

export interface WalletStatement {
  readonly funding_model: 'post_paid' | 'prepaid';
  /** The prepaid wallet's balance; null for a post-paid membership, which has no wallet. */
  readonly balance_minor: bigint | null;
  readonly charges: ReadonlyArray<{ id: bigint; reference: string; amount_minor: bigint; status: string; created_at: string; paid_at: string | null }>;
  readonly payments: ReadonlyArray<{ id: bigint; reference: string; kind: string; amount_minor: bigint; status: string; failure_reason: string | null; created_at: string; settled_at: string | null }>;
}

/** What a member (or staff) sees of a membership's money: the wallet, recent share charges and payments. */
export async function walletStatement(context: ServiceContext, membership_id: bigint, limit = 50): Promise<WalletStatement> {
  const membership = await context.store.db.selectFrom('memberships').select(['funding_model']).where('id', '=', membership_id).executeTakeFirstOrThrow();
  const charges = await context.store.db
    .selectFrom('share_charges')
    .select(['id', 'reference', 'amount_minor', 'status', 'created_at', 'paid_at'])
    .where('membership_id', '=', membership_id)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  const payments = await context.store.db
    .selectFrom('payments')
    .select(['id', 'reference', 'kind', 'amount_minor', 'status', 'failure_reason', 'created_at', 'settled_at'])
    .where('membership_id', '=', membership_id)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return {
    funding_model: membership.funding_model,
    balance_minor: membership.funding_model === 'prepaid' ? await walletBalance(context, membership_id) : null,
    charges,
    payments,
  };
}
