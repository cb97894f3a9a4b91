import { sql, type Kysely } from 'kysely';
import { chunks } from '../store/chunks.js';
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

/** Each balance is split at this power of two so the SQL sums of both halves stay far inside int64. */
const splitFactor = 2n ** 32n;

/**
 * The sum of the net debits (debits − credits) of every account whose code starts with `prefix`,
 * in one currency. Set-based but exact for any balances: a plain sum() throws on SQLite
 * (`integer overflow`) once the total passes 2^63 − 1, so each balance x is summed as
 * x / 2^32 and x % 2^32 (both databases truncate towards zero, so x = q·2^32 + r with |q| ≤ 2^31
 * and |r| < 2^32); neither sum can overflow below 2^31 accounts, and the total is put together
 * in bigint.
 */
export async function netDebitOfPrefix(db: Kysely<Database>, prefix: string, currency: string): Promise<bigint> {
  // ESCAPE is explicit: PostgreSQL defaults to backslash, SQLite has no default escape character.
  const pattern = `${prefix.replace(/[%_\\]/g, '\\$&')}%`;
  const factor = sql.lit(splitFactor.toString());
  const result = await sql<{ high: bigint | string | null; low: bigint | string | null }>`
    select sum(net_debit_minor / ${factor}) as high, sum(net_debit_minor % ${factor}) as low
    from ledger_accounts where code like ${pattern} escape '\\' and currency = ${currency}`.execute(db);
  const row = result.rows[0];
  // PostgreSQL's sum(bigint) is a numeric (a string here); SQLite's an integer.
  return BigInt(row?.high ?? 0n) * splitFactor + BigInt(row?.low ?? 0n);
}
