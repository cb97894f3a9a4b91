import { sql } from 'kysely';
import { isInt64 } from '../core/money/checked-int64.js';
import { guardHolds, type AccountGuard, type AccountType } from './account.js';
import type { Store } from '../store/store.js';
import { genesisHash, journalHash } from './journal-hash.js';
import { manualKinds } from './manual-posting-policy.js';

export type JournalProblemCode =
  | 'JOURNAL_SEQUENCE_GAP'
  | 'JOURNAL_CHAIN_BROKEN'
  | 'JOURNAL_HASH_MISMATCH'
  | 'JOURNAL_HEAD_MISMATCH'
  | 'JOURNAL_UNBALANCED'
  | 'JOURNAL_TOO_FEW_LEGS'
  | 'JOURNAL_ORPHAN_POSTING'
  | 'JOURNAL_CURRENCY_MISMATCH'
  | 'JOURNAL_BALANCE_MISMATCH'
  | 'JOURNAL_BALANCE_OUT_OF_RANGE'
  | 'JOURNAL_GUARD_VIOLATED'
  | 'JOURNAL_MANUAL_UNAPPROVED';

export interface JournalProblem {
  readonly code: JournalProblemCode;
  readonly message: string;
  readonly transaction_id?: string;
  readonly account_code?: string;
}

export interface JournalReport {
  readonly ok: boolean;
  readonly transactions: number;
  readonly postings: number;
  readonly accounts: number;
  readonly head_seq: string;
  readonly head_hash: string;
  readonly problems: readonly JournalProblem[];
}

/** Problems listed past this many are only counted, so a wrecked journal cannot exhaust memory. */
const maxProblemsListed = 1000;
const pageSize = 5000;

/**
 * Recomputes the whole hash chain in bounded pages, sums each account's postings in bigint on the
 * way, then checks, a page of accounts at a time, that every stored balance equals the sum of its
 * postings and holds its guard, and (set-based) that no posting is orphaned.
 */
export async function verifyJournal(store: Store): Promise<JournalReport> {
  const problems: JournalProblem[] = [];
  let problemCount = 0;
  const note = (problem: JournalProblem) => {
    problemCount += 1;
    if (problems.length < maxProblemsListed) problems.push(problem);
  };

  const db = store.db;
  let expected_id = 1n;
  let prev_hash = genesisHash;
  let transactions = 0;
  let postings = 0;
  let after_id = 0n;
  // Each account's postings summed in bigint as the pages go by: an SQL sum() would throw on
  // SQLite (`integer overflow`) once a total passed 2^63 − 1, and the journal under inspection
  // is exactly what may hold such totals. One entry per account that has postings.
  const posted_minor = new Map<bigint, bigint>();
  for (;;) {
    const rows = await db.selectFrom('ledger_transactions').selectAll().where('id', '>', after_id).orderBy('id').limit(pageSize).execute();
    if (rows.length === 0) break;
    const first = rows[0]!.id;
    const last = rows[rows.length - 1]!.id;
    const postingRows = await db
      .selectFrom('ledger_postings as p')
      .leftJoin('ledger_accounts as a', 'a.id', 'p.account_id')
      .select(['p.transaction_id', 'p.leg_index', 'p.account_id', 'p.amount_minor', 'a.currency'])
      .where('p.transaction_id', '>=', first)
      .where('p.transaction_id', '<=', last)
      .orderBy('p.transaction_id')
      .orderBy('p.leg_index')
      .execute();
    const byTransaction = new Map<bigint, typeof postingRows>();
    for (const posting of postingRows) {
      const list = byTransaction.get(posting.transaction_id) ?? [];
      list.push(posting);
      byTransaction.set(posting.transaction_id, list);
    }
    for (const row of rows) {
      const id = row.id.toString();
      if (row.id !== expected_id) {
        note({ code: 'JOURNAL_SEQUENCE_GAP', message: `expected transaction ${expected_id}, found ${row.id}: rows were deleted or inserted`, transaction_id: id });
      }
      if (row.prev_hash !== prev_hash) {
        note({ code: 'JOURNAL_CHAIN_BROKEN', message: `transaction ${row.id} does not follow the hash of the transaction before it`, transaction_id: id });
      }
      const legs = byTransaction.get(row.id) ?? [];
      const recomputed = journalHash(row.prev_hash, {
        ...row,
        postings: legs.map((leg) => ({ leg_index: Number(leg.leg_index), account_id: leg.account_id, amount_minor: leg.amount_minor })),
      });
      if (recomputed !== row.hash) {
        note({ code: 'JOURNAL_HASH_MISMATCH', message: `transaction ${row.id} or its postings were changed after posting`, transaction_id: id });
      }
      if (legs.length < 2) note({ code: 'JOURNAL_TOO_FEW_LEGS', message: `transaction ${row.id} has ${legs.length} postings`, transaction_id: id });
      for (const leg of legs) posted_minor.set(leg.account_id, (posted_minor.get(leg.account_id) ?? 0n) + leg.amount_minor);
      const sum = legs.reduce((total, leg) => total + leg.amount_minor, 0n);
      if (sum !== 0n) note({ code: 'JOURNAL_UNBALANCED', message: `transaction ${row.id} is off by ${sum}`, transaction_id: id });
      if (legs.some((leg) => leg.currency !== row.currency)) {
        note({ code: 'JOURNAL_CURRENCY_MISMATCH', message: `transaction ${row.id} posts to an account of another currency`, transaction_id: id });
      }
      transactions += 1;
      postings += legs.length;
      prev_hash = row.hash;
      expected_id = row.id + 1n;
    }
    after_id = last;
  }

  const head = await db.selectFrom('ledger_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const head_seq = head?.seq ?? -1n;
  if (head === undefined || head.seq !== expected_id - 1n || head.hash !== prev_hash) {
    note({
      code: 'JOURNAL_HEAD_MISMATCH',
      message: `the journal head says ${head_seq}/${head?.hash ?? 'none'} but the last transaction is ${expected_id - 1n}/${prev_hash}: transactions were deleted from or added to the end`,
    });
  }

  const orphans = await db
    .selectFrom('ledger_postings as p')
    .leftJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
    .select((eb) => eb.fn.countAll<bigint>().as('count'))
    .where('t.id', 'is', null)
    .executeTakeFirstOrThrow();
  if (BigInt(orphans.count) > 0n) note({ code: 'JOURNAL_ORPHAN_POSTING', message: `${orphans.count} postings belong to no transaction` });

  // Every stored balance against the sum of its postings, and every guard, a page of accounts at a time.
  let accounts = 0;
  let after_account_id = 0n;
  for (;;) {
    const rows = await db
      .selectFrom('ledger_accounts')
      .select(['id', 'code', 'type', 'guard', 'net_debit_minor'])
      .where('id', '>', after_account_id)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const stored = BigInt(row.net_debit_minor);
      const posted = posted_minor.get(row.id) ?? 0n;
      if (stored !== posted) {
        note({ code: 'JOURNAL_BALANCE_MISMATCH', message: `account ${row.code} stores ${stored} (debits − credits) but its postings sum to ${posted}`, account_code: row.code });
      } else if (!isInt64(posted)) {
        note({ code: 'JOURNAL_BALANCE_OUT_OF_RANGE', message: `account ${row.code}'s postings sum to ${posted}, outside the signed 64-bit range`, account_code: row.code });
      } else if (!guardHolds({ type: row.type as AccountType, guard: row.guard as AccountGuard }, stored)) {
        note({ code: 'JOURNAL_GUARD_VIOLATED', message: `account ${row.code} is below zero despite its guard`, account_code: row.code });
      }
    }
    accounts += rows.length;
    after_account_id = rows[rows.length - 1]!.id;
  }
  // A posting of a manual kind that no approved manual posting (with a checker other than its
  // maker) accounts for was written around maker–checker: by code that posted it directly.
  const unapproved = await sql<{ id: bigint }>`
    select t.id from ledger_transactions t
    left join manual_postings m on m.transaction_id = t.id and m.status = 'approved' and m.decided_by <> m.requested_by
    where t.kind in (${sql.join(Object.values(manualKinds))}) and m.id is null
    order by t.id
    limit ${maxProblemsListed}`.execute(db);
  for (const row of unapproved.rows) {
    note({ code: 'JOURNAL_MANUAL_UNAPPROVED', message: `transaction ${row.id} is a manual posting that no second staff member approved`, transaction_id: row.id.toString() });
  }

  if (problemCount > problems.length) {
    problems.push({ code: problems[0]!.code, message: `… and ${problemCount - problems.length} more problems` });
  }
  return {
    ok: problemCount === 0,
    transactions,
    postings,
    accounts,
    head_seq: head_seq.toString(),
    head_hash: head?.hash ?? '',
    problems,
  };
}
