import { sql, type Kysely } from 'kysely';
import { chunks } from '../store/chunks.js';
import { exactSumOf, exactSumParts, type SumParts } from '../store/exact-sum.js';
import type { Database } from '../store/schema.js';
import { normalBalance, type AccountType } from './account.js';
import type { Trx } from './ledger.js';

// Bound parameters per statement stay well under SQLite's 32766 and PostgreSQL's 65535.
const codesPerLookup = 500;

/**
 * Takes the ledger's writer lock (its head row) at the start of a service transaction. The ledger
 * takes it anyway when posting; taking it first means the balances read here are the ones the
 * posting will see (only the ledger changes them, under this lock), and every such transaction
 * locks in one order — ledger head, then memberships and charges — so two of them cannot
 * deadlock on PostgreSQL. On SQLite it takes the write lock up front, so a read is never upgraded
 * to a write mid-transaction.
 */
export async function lockLedgerIn(trx: Trx): Promise<void> {
  await trx.updateTable('ledger_head').set({ seq: sql`seq` }).where('id', '=', 1).execute();
}

/** The journal head: the last transaction's sequence number and hash (a public, unpredictable-in-advance seed). */
export async function journalHeadIn(db: Kysely<Database>): Promise<{ seq: bigint; hash: string }> {
  return db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/**
 * Balances of ledger accounts by code, on their normal side. Read inside a transaction after
 * lockLedgerIn, they cannot change before the transaction posts.
 */
export async function balancesIn(db: Kysely<Database>, codes: readonly string[]): Promise<Map<string, bigint>> {
  const balances = new Map<string, bigint>();
  for (const batch of chunks([...new Set(codes)], codesPerLookup)) {
    const rows = await db.selectFrom('ledger_accounts').select(['code', 'type', 'net_debit_minor']).where('code', 'in', batch).execute();
    for (const row of rows) balances.set(row.code, normalBalance(row.type as AccountType, row.net_debit_minor));
  }
  return balances;
}

/**
 * The sum of the net debits (debits − credits) of every account whose code starts with `prefix`,
 * in one currency: set-based, and exact even when the total is outside int64 (see exact-sum.ts).
 */
export async function netDebitOfPrefix(db: Kysely<Database>, prefix: string, currency: string): Promise<bigint> {
  // ESCAPE is explicit: PostgreSQL defaults to backslash, SQLite has no default escape character.
  const pattern = `${prefix.replace(/[%_\\]/g, '\\$&')}%`;
  const result = await sql<SumParts>`
    select ${exactSumParts('net_debit_minor')} from ledger_accounts where code like ${pattern} escape '\\' and currency = ${currency}`.execute(db);
  return exactSumOf(result.rows[0]);
}

/** How many accounts of one currency have a code starting with `prefix` (the wallets: `wallet:`), counted in SQL. */
export async function countOfPrefix(db: Kysely<Database>, prefix: string, currency: string): Promise<bigint> {
  const pattern = `${prefix.replace(/[%_\\]/g, '\\$&')}%`;
  const result = await sql<{ count: bigint | number | string }>`
    select count(*) as count from ledger_accounts where code like ${pattern} escape '\\' and currency = ${currency}`.execute(db);
  return BigInt(result.rows[0]?.count ?? 0);
}
