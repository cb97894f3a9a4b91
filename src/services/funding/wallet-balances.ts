import { balancesIn } from '../../ledger/ledger-reads.js';
import type { ServiceContext } from '../context.js';
import { accountCodes } from '../plan-accounts.js';
import { getFundingMembership } from './funding-memberships.js';
import { fundingRejection } from './funding-rejections.js';

/** A prepaid member's wallet balance: what they could have refunded now. */
export async function walletBalance(context: ServiceContext, membership_id: bigint): Promise<bigint> {
  const membership = await getFundingMembership(context.store.db, membership_id);
  if (membership.funding_model !== 'prepaid') fundingRejection('FUNDING_NOT_PREPAID', 'This membership is post-paid and has no wallet.', { membership_id: membership_id.toString() });
  const code = accountCodes.wallet(membership.member_code);
  return (await balancesIn(context.store.db, [code])).get(code) ?? 0n;
}
