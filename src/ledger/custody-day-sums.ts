import { sql, type Kysely } from 'kysely';
import { exactSumOf, exactSumParts, type SumParts } from '../store/exact-sum.js';
import type { Database } from '../store/schema.js';

/**
 * Set-based reads of one account's balance by day, for the custody reconciliation: sums in SQL,
 * one row per day, never a row per transfer. Days are UTC calendar days of `posted_at`.
 */
type Db = Kysely<Database>;

async function accountId(db: Db, account_code: string): Promise<bigint | undefined> {
  return (await db.selectFrom('ledger_accounts').select('id').where('code', '=', account_code).executeTakeFirst())?.id;
}

const dayStart = (day: string) => `${day}T00:00:00.000Z`;

/** The account's balance before `from` and its movement on each day of [from, before_day). */
export async function accountDaySums(db: Db, account_code: string, from: string, before_day: string): Promise<{ opening_minor: bigint; by_day: Map<string, bigint> }> {
  const id = await accountId(db, account_code);
  if (id === undefined) return { opening_minor: 0n, by_day: new Map() };
  const opening = await sql<SumParts>`select ${exactSumParts('p.amount_minor')} from ledger_postings p join ledger_transactions t on t.id = p.transaction_id
    where p.account_id = ${id} and t.posted_at < ${dayStart(from)}`.execute(db);
  const perDay = await sql<SumParts & { day: string }>`select substr(t.posted_at, 1, 10) as day, ${exactSumParts('p.amount_minor')}
    from ledger_postings p join ledger_transactions t on t.id = p.transaction_id
    where p.account_id = ${id} and t.posted_at >= ${dayStart(from)} and t.posted_at < ${dayStart(before_day)} group by substr(t.posted_at, 1, 10)`.execute(db);
  return { opening_minor: exactSumOf(opening.rows[0]), by_day: new Map(perDay.rows.map((row) => [row.day, exactSumOf(row)])) };
}

/**
 * The account's movement per day in [since, before_day) of transfers no bank line is matched to
 * and no break names or is settled by: what is still in transit to the bank.
 */
export async function unreconciledDaySums(db: Db, account_code: string, since: string, before_day: string): Promise<Map<string, bigint>> {
  const id = await accountId(db, account_code);
  if (id === undefined) return new Map();
  const rows = await sql<SumParts & { day: string }>`select substr(t.posted_at, 1, 10) as day, ${exactSumParts('p.amount_minor')}
    from ledger_postings p join ledger_transactions t on t.id = p.transaction_id
    where p.account_id = ${id} and t.posted_at >= ${dayStart(since)} and t.posted_at < ${dayStart(before_day)}
      and not exists (select 1 from reconciliation_matches m where m.ledger_transaction_id = p.transaction_id)
      and not exists (select 1 from reconciliation_breaks b where b.ledger_transaction_id = p.transaction_id or b.resolution_transaction_id = p.transaction_id)
    group by substr(t.posted_at, 1, 10)`.execute(db);
  return new Map(rows.rows.map((row) => [row.day, exactSumOf(row)]));
}

/** A transaction's day and what it moved on the account (0 when it did not touch it); undefined when there is no such transaction. */
export async function transactionEffectOn(db: Db, account_code: string, transaction_id: bigint): Promise<{ on: string; amount_minor: bigint } | undefined> {
  const transaction = await db.selectFrom('ledger_transactions').select('posted_at').where('id', '=', transaction_id).executeTakeFirst();
  if (transaction === undefined) return undefined;
  const sum = await sql<SumParts>`select ${exactSumParts('p.amount_minor')} from ledger_postings p join ledger_accounts a on a.id = p.account_id
    where p.transaction_id = ${transaction_id} and a.code = ${account_code}`.execute(db);
  return { on: transaction.posted_at.slice(0, 10), amount_minor: exactSumOf(sum.rows[0]) };
}
