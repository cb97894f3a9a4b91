import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

export interface AccountMovement {
  readonly transaction_id: bigint;
  readonly posted_at: string;
  /** Signed, on the account's debit side: money into an asset account positive. */
  readonly amount_minor: bigint;
  /**
   * What a bank line carries for this transfer: the payment or payout reference the provider was
   * sent (top-ups, wallet refunds, aid payouts put it in metadata), else the idempotency key.
   */
  readonly reference: string;
}

/** Movements read per statement: a bounded batch, keyset-paged by transaction id. */
const movementsPerBatch = 1000;

/** The movements of one account posted in [since, before), in journal order. */
export async function accountMovements(db: Kysely<Database>, account_code: string, since: string, before: string): Promise<AccountMovement[]> {
  const account = await db.selectFrom('ledger_accounts').select('id').where('code', '=', account_code).executeTakeFirst();
  if (account === undefined) return [];
  const movements: AccountMovement[] = [];
  let after = 0n;
  for (;;) {
    const rows = await db
      .selectFrom('ledger_postings as p')
      .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
      .select(['p.transaction_id', 'p.amount_minor', 't.posted_at', 't.idempotency_key', 't.metadata_json'])
      .where('p.account_id', '=', account.id)
      .where('p.transaction_id', '>', after)
      .where('t.posted_at', '>=', since)
      .where('t.posted_at', '<', before)
      .orderBy('p.transaction_id')
      .orderBy('p.leg_index')
      .limit(movementsPerBatch)
      .execute();
    for (const row of rows) {
      const metadata = JSON.parse(row.metadata_json) as Record<string, string>;
      movements.push({
        transaction_id: row.transaction_id,
        posted_at: row.posted_at,
        amount_minor: row.amount_minor,
        reference: metadata.payment_reference ?? metadata.payout_reference ?? row.idempotency_key,
      });
    }
    if (rows.length < movementsPerBatch) return movements;
    after = rows.at(-1)!.transaction_id;
  }
}
