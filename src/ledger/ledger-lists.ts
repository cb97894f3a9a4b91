import { sql, type Kysely } from 'kysely';
import { RejectionError, assert, reject } from '../core/rejection.js';
import { exactSumOf, exactSumParts, type SumParts } from '../store/exact-sum.js';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { normalBalance, type AccountType } from './account.js';
import { getTransactionsIn, type PostedTransaction } from './ledger.js';

/**
 * The staff console's lists of the journal: newest first, in bounded pages keyed by transaction id
 * (the journal's sequence number), so a page costs the same on the first day and on the millionth.
 */

/** The largest page a caller may ask for; each transaction carries its legs (up to 1000 each). */
export const maxTransactionsPage = 200;

export interface TransactionFilter {
  /** Only transactions with a leg on this account. */
  readonly account_code?: string;
  /** Only transactions of this kind (the flow that posted them: wallet_top_up, share_deduction, manual…). */
  readonly kind?: string;
  /** posted_at ≥ this instant (ISO 8601, UTC). */
  readonly posted_from?: string;
  /** posted_at < this instant. */
  readonly posted_before?: string;
  /** Only transactions older than this id (the previous page's next_before). */
  readonly before_id?: bigint;
  readonly limit: number;
}

async function accountIdOf(db: Kysely<Database>, code: string): Promise<{ id: bigint; type: AccountType }> {
  const row = await db.selectFrom('ledger_accounts').select(['id', 'type']).where('code', '=', code).executeTakeFirst();
  if (row === undefined) throw new RejectionError(reject('LEDGER_UNKNOWN_ACCOUNT', `No account ${code}.`, { account_code: code }).rejection);
  return { id: row.id, type: row.type as AccountType };
}

/**
 * Transactions newest first with their legs. With an account, the account's postings lead
 * (the index on ledger_postings (account_id, transaction_id) walks them in order); otherwise the
 * journal itself, by id, with the kind index (0020) when a kind is asked for.
 */
export async function listTransactions(store: Store, filter: TransactionFilter): Promise<{ transactions: PostedTransaction[]; next_before: bigint | null }> {
  const db = store.db;
  const limit = Math.min(filter.limit, maxTransactionsPage);
  let ids: bigint[];
  if (filter.account_code !== undefined) {
    const account = await accountIdOf(db, filter.account_code);
    let query = db
      .selectFrom('ledger_postings as p')
      .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
      .select('p.transaction_id')
      .where('p.account_id', '=', account.id)
      .groupBy('p.transaction_id')
      .orderBy('p.transaction_id', 'desc')
      .limit(limit);
    if (filter.kind !== undefined) query = query.where('t.kind', '=', filter.kind);
    if (filter.posted_from !== undefined) query = query.where('t.posted_at', '>=', filter.posted_from);
    if (filter.posted_before !== undefined) query = query.where('t.posted_at', '<', filter.posted_before);
    if (filter.before_id !== undefined) query = query.where('p.transaction_id', '<', filter.before_id);
    ids = (await query.execute()).map((row) => BigInt(row.transaction_id));
  } else {
    let query = db.selectFrom('ledger_transactions').select('id').orderBy('id', 'desc').limit(limit);
    if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
    if (filter.posted_from !== undefined) query = query.where('posted_at', '>=', filter.posted_from);
    if (filter.posted_before !== undefined) query = query.where('posted_at', '<', filter.posted_before);
    if (filter.before_id !== undefined) query = query.where('id', '<', filter.before_id);
    ids = (await query.execute()).map((row) => BigInt(row.id));
  }
  const transactions = await getTransactionsIn(db, ids);
  return { transactions, next_before: ids.length === limit ? ids.at(-1)! : null };
}

export interface AccountEntry {
  readonly transaction: PostedTransaction;
  /** What the transaction did to the account, on its normal side: positive raises the balance. */
  readonly change_minor: bigint;
  /** The account's balance (normal side) right after the transaction. */
  readonly balance_after_minor: bigint;
}

/**
 * One account's transactions newest first, each with the balance right after it. The balance
 * after the page's newest transaction is the stored balance less every later posting, read in
 * one statement (one snapshot on PostgreSQL too, so a posting landing meanwhile is in both or in
 * neither); walking down the page, each older balance is the newer one less the newer change.
 */
export async function listAccountEntries(
  store: Store,
  code: string,
  options: { before_id?: bigint; limit: number },
): Promise<{ entries: AccountEntry[]; next_before: bigint | null }> {
  const db = store.db;
  const account = await accountIdOf(db, code);
  const limit = Math.min(options.limit, maxTransactionsPage);
  let query = db
    .selectFrom('ledger_postings')
    .select(['transaction_id', (eb) => eb.fn.sum<bigint | number | string>('amount_minor').as('net_debit_minor')])
    .where('account_id', '=', account.id)
    .groupBy('transaction_id')
    .orderBy('transaction_id', 'desc')
    .limit(limit);
  if (options.before_id !== undefined) query = query.where('transaction_id', '<', options.before_id);
  // One transaction's legs on one account sum inside int64: at most 1000 legs of at most 10^15 each.
  const rows = (await query.execute()).map((row) => ({ id: BigInt(row.transaction_id), net_debit_minor: BigInt(row.net_debit_minor) }));
  if (rows.length === 0) return { entries: [], next_before: null };

  const newest_id = rows[0]!.id;
  const later = await sql<SumParts & { stored_minor: bigint | number | string }>`
    select a.net_debit_minor as stored_minor, ${exactSumParts('p.amount_minor')}
    from ledger_accounts a left join ledger_postings p on p.account_id = a.id and p.transaction_id > ${newest_id}
    where a.id = ${account.id}
    group by a.net_debit_minor`.execute(db);
  const row = later.rows[0];
  assert(row !== undefined, 'the account was found above and accounts are never deleted');
  let net_debit_after_minor = BigInt(row.stored_minor) - exactSumOf(row);

  const transactions = new Map((await getTransactionsIn(db, rows.map((entry) => entry.id))).map((transaction) => [transaction.id, transaction]));
  const entries: AccountEntry[] = [];
  for (const entry of rows) {
    const transaction = transactions.get(entry.id);
    assert(transaction !== undefined, 'every posting belongs to a transaction (verify-journal checks it)');
    entries.push({
      transaction,
      change_minor: normalBalance(account.type, entry.net_debit_minor),
      balance_after_minor: normalBalance(account.type, net_debit_after_minor),
    });
    net_debit_after_minor -= entry.net_debit_minor;
  }
  return { entries, next_before: rows.length === limit ? rows.at(-1)!.id : null };
}
