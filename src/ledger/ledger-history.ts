import { sql, type Kysely } from 'kysely';
import { exactSumOf, exactSumParts, type SumParts } from '../store/exact-sum.js';
import type { Database } from '../store/schema.js';

/**
 * Point-in-time and per-period reads of the journal (the supervisor report): set-based sums of
 * postings by the transactions' posting time, so a past month reads as the books stood then.
 */

type Count = string | number | bigint;
const big = (value: Count | null | undefined) => BigInt(value ?? 0);

/**
 * Net debits (debits − credits) of accounts up to an instant, summed by currency: the wallets
 * (`wallet:` codes, only the plan's members' when a plan is given) or one account code per currency.
 */
export async function walletNetDebitsAt(db: Kysely<Database>, before_at: string, plan_id: string | null): Promise<Map<string, bigint>> {
  const members = plan_id === null ? sql`` : sql`and a.code in (select 'wallet:' || m.member_code from memberships m where m.plan_id = ${plan_id})`;
  const rows = await sql<SumParts & { currency: string }>`
    select a.currency as currency, ${exactSumParts('p.amount_minor')}
    from ledger_postings p join ledger_transactions t on t.id = p.transaction_id join ledger_accounts a on a.id = p.account_id
    where a.code like 'wallet:%' and t.posted_at < ${before_at} ${members}
    group by a.currency`.execute(db);
  return new Map(rows.rows.map((row) => [row.currency, exactSumOf(row)]));
}

/** The net debit of each of these accounts up to an instant (accounts without postings are absent). */
export async function netDebitsAt(db: Kysely<Database>, codes: readonly string[], before_at: string): Promise<Map<string, bigint>> {
  if (codes.length === 0) return new Map();
  const rows = await sql<SumParts & { code: string }>`
    select a.code as code, ${exactSumParts('p.amount_minor')}
    from ledger_postings p join ledger_transactions t on t.id = p.transaction_id join ledger_accounts a on a.id = p.account_id
    where a.code in (${sql.join(codes)}) and t.posted_at < ${before_at}
    group by a.code`.execute(db);
  return new Map(rows.rows.map((row) => [row.code, exactSumOf(row)]));
}

export interface AccountFlow {
  readonly code: string;
  readonly debits_minor: bigint;
  readonly credits_minor: bigint;
}

/** Debits and credits (both as positive amounts) posted to these accounts in [from_at, to_at). */
export async function accountFlowsIn(db: Kysely<Database>, codes: readonly string[], from_at: string, to_at: string): Promise<Map<string, AccountFlow>> {
  if (codes.length === 0) return new Map();
  const rows = await sql<{ code: string; debits: Count | null; credits: Count | null }>`
    select a.code as code,
      sum(case when p.amount_minor > 0 then p.amount_minor else 0 end) as debits,
      sum(case when p.amount_minor < 0 then -p.amount_minor else 0 end) as credits
    from ledger_postings p join ledger_transactions t on t.id = p.transaction_id join ledger_accounts a on a.id = p.account_id
    where a.code in (${sql.join(codes)}) and t.posted_at >= ${from_at} and t.posted_at < ${to_at}
    group by a.code`.execute(db);
  return new Map(rows.rows.map((row) => [row.code, { code: row.code, debits_minor: big(row.debits), credits_minor: big(row.credits) }]));
}
