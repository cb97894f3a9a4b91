import { sql } from 'kysely';
import type { Trx } from '../../ledger/ledger.js';

/**
 * Takes the ledger's writer lock (its head row) at the start of a funding transaction. The ledger
 * takes it anyway when posting; taking it first means the wallet balances read here are the ones
 * the posting will see (only the ledger changes them, under this lock), and every funding
 * transaction locks in one order — ledger head, then memberships and charges — so two of them
 * cannot deadlock on PostgreSQL. On SQLite it takes the write lock up front, so a read is never
 * upgraded to a write mid-transaction.
 */
export async function lockLedgerIn(trx: Trx): Promise<void> {
  await trx.updateTable('ledger_head').set({ seq: sql`seq` }).where('id', '=', 1).execute();
}
