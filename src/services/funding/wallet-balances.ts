import type { Kysely } from 'kysely';
import { normalBalance, type AccountType } from '../../ledger/account.js';
import { chunks } from '../../store/chunks.js';
import type { Database } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { accountCodes } from '../plan-accounts.js';
import { getFundingMembership } from './funding-memberships.js';
import { fundingRejection } from './funding-rejections.js';

/**
 * Balances of ledger accounts by code, on their normal side. Read inside a funding transaction
 * after lockLedgerIn, they cannot change before the transaction posts.
 */
export async function balancesIn(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, bigint>> {
  const balances = new Map<string, bigint>();
  for (const batch of chunks([...new Set(codes)], 500)) {
    const rows = await db.selectFrom('ledger_accounts').select(['code', 'type', 'net_debit_minor']).where('code', 'in', batch).execute();
    for (const row of rows) balances.set(row.code, normalBalance(row.type as AccountType, row.net_debit_minor));
  }
  return balances;
}

/** A prepaid member's wallet balance: what they could have refunded now. */
export async function walletBalance(context: ServiceContext, membership_id: bigint): Promise<bigint> {
  const membership = await getFundingMembership(context.store.db, membership_id);
  if (membership.funding_model !== 'prepaid') fundingRejection('FUNDING_NOT_PREPAID', 'This membership is post-paid and has no wallet.', { membership_id: membership_id.toString() });
  const code = accountCodes.wallet(membership.member_code);
  return (await balancesIn(context.store.db, [code])).get(code) ?? 0n;
}
