import { sql, type Selectable, type Transaction } from 'kysely';
import { checkedSum, int64MaxMinor, isInt64 } from '../core/money/checked-int64.js';
import { RejectionError, assert, reject, unwrap, type Rejection } from '../core/rejection.js';
import { chunks } from '../store/chunks.js';
import type { Database, LedgerAccountsTable } from '../store/schema.js';
import type { Store } from '../store/store.js';
import {
  guardHolds,
  normalBalance,
  validateAccountDefinition,
  type Account,
  type AccountDefinition,
  type AccountGuard,
  type AccountType,
} from './account.js';
import { journalHash } from './journal-hash.js';
import { signedAmount, validateTransfer, type Side, type TransferInput, type ValidTransfer } from './transfer.js';

export interface PostedLeg {
  readonly account_code: string;
  readonly side: Side;
  readonly amount_minor: bigint;
}

export interface PostedTransaction {
  readonly id: bigint;
  readonly idempotency_key: string;
  readonly kind: string;
  readonly description: string;
  readonly currency: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly reverses_id: bigint | null;
  readonly posted_at: string;
  readonly hash: string;
  readonly legs: readonly PostedLeg[];
}

export interface PostResult {
  readonly transaction: PostedTransaction;
  /** True when the idempotency key had already been posted with the same payload. */
  readonly replayed: boolean;
}

export type Trx = Transaction<Database>;
type AccountRow = Selectable<LedgerAccountsTable>;

// Bound parameters per statement stay well under SQLite's 32766 and PostgreSQL's 65535.
const keysPerLookup = 500;
const rowsPerInsert = 1000;

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type as AccountType,
    currency: row.currency,
    guard: row.guard as AccountGuard,
    balance_minor: normalBalance(row.type as AccountType, row.net_debit_minor),
    created_at: row.created_at,
  };
}

/** Opens an account, or returns the existing one when its definition is identical (so setup can be re-run). */
export async function openAccount(store: Store, input: AccountDefinition, created_at: string): Promise<Account> {
  return store.db.transaction().execute((trx) => openAccountIn(trx, input, created_at));
}

/** The same as openAccount, in a store transaction the caller holds (with its audit row, say). */
export async function openAccountIn(trx: Trx, input: AccountDefinition, created_at: string): Promise<Account> {
  const definition = unwrap(validateAccountDefinition(input));
  const existing = await trx.selectFrom('ledger_accounts').selectAll().where('code', '=', definition.code).executeTakeFirst();
  if (existing !== undefined) {
    const same =
      existing.name === definition.name &&
      existing.type === definition.type &&
      existing.currency === definition.currency &&
      existing.guard === definition.guard;
    if (!same) {
      throw new RejectionError(reject('LEDGER_ACCOUNT_EXISTS', `Account ${definition.code} exists with another definition.`, { code: definition.code }).rejection);
    }
    return toAccount(existing);
  }
  const row = await trx
    .insertInto('ledger_accounts')
    .values({ ...definition, net_debit_minor: 0n, created_at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAccount(row);
}

export async function findAccount(store: Store, code: string): Promise<Account | undefined> {
  const row = await store.db.selectFrom('ledger_accounts').selectAll().where('code', '=', code).executeTakeFirst();
  return row === undefined ? undefined : toAccount(row);
}

export async function getAccount(store: Store, code: string): Promise<Account> {
  const account = await findAccount(store, code);
  if (account === undefined) throw new RejectionError(reject('LEDGER_UNKNOWN_ACCOUNT', `No account ${code}.`, { account_code: code }).rejection);
  return account;
}

export async function listAccounts(store: Store, options: { prefix?: string; limit?: number; after_code?: string } = {}): Promise<Account[]> {
  let query = store.db.selectFrom('ledger_accounts').selectAll().orderBy('code').limit(options.limit ?? 100);
  // ESCAPE is explicit: PostgreSQL defaults to backslash, SQLite has no default escape character.
  if (options.prefix !== undefined) query = query.where(sql<boolean>`code like ${`${options.prefix.replace(/[%_\\]/g, '\\$&')}%`} escape '\\'`);
  if (options.after_code !== undefined) query = query.where('code', '>', options.after_code);
  return (await query.execute()).map(toAccount);
}

function rejected(result: { ok: false; rejection: import('../core/rejection.js').Rejection }): never {
  throw new RejectionError(result.rejection);
}

/**
 * Posts transfers atomically, in order: all of them or none. Each is balanced, in one currency,
 * keeps every guarded account at or above zero after it, and is chained into the journal.
 * Rejections are thrown as RejectionError after the store transaction has rolled back.
 */
export async function postTransfers(store: Store, inputs: readonly TransferInput[], posted_at: string): Promise<PostResult[]> {
  const transfers = inputs.map((input) => {
    const result = validateTransfer(input);
    return result.ok ? result.value : rejected(result);
  });
  if (transfers.length === 0) return [];
  return store.db.transaction().execute((trx) => postValidated(trx, transfers, posted_at));
}

/**
 * The same as postTransfers, inside a store transaction the caller already holds, so a service
 * can change its own rows and post money atomically. Throws RejectionError; the caller's
 * transaction then rolls back.
 */
export async function postTransfersIn(trx: Trx, inputs: readonly TransferInput[], posted_at: string): Promise<PostResult[]> {
  const transfers = inputs.map((input) => {
    const result = validateTransfer(input);
    return result.ok ? result.value : rejected(result);
  });
  return transfers.length === 0 ? [] : postValidated(trx, transfers, posted_at);
}

/** Opens many accounts in the caller's transaction (e.g. a wallet per new member); existing codes are kept as they are. */
export async function openAccountsIn(trx: Trx, inputs: readonly AccountDefinition[], created_at: string): Promise<void> {
  const definitions = inputs.map((input) => unwrap(validateAccountDefinition(input)));
  for (const rows of chunks(definitions, rowsPerInsert / 4)) {
    await trx
      .insertInto('ledger_accounts')
      .values(rows.map((definition) => ({ ...definition, net_debit_minor: 0n, created_at })))
      .onConflict((conflict) => conflict.column('code').doNothing())
      .execute();
  }
}

/**
 * Posts one transfer. Concurrent callers on the same store are grouped into one store
 * transaction (group commit): the journal head is a single hot row, so one transaction of many
 * transfers beats many transactions queued on its lock. Each caller still gets its own result
 * or rejection; a rejected transfer does not affect the others in its group.
 */
export async function postTransfer(store: Store, input: TransferInput, posted_at: string): Promise<PostResult> {
  const result = validateTransfer(input);
  if (!result.ok) rejected(result);
  let queue = postingQueues.get(store);
  if (queue === undefined) {
    queue = new PostingQueue(store);
    postingQueues.set(store, queue);
  }
  return queue.post({ transfer: result.value, posted_at });
}

/** At most this many transfers share one store transaction, so a burst cannot hold the lock unboundedly. */
const maxGroupSize = 1000;
const postingQueues = new WeakMap<Store, PostingQueue>();

class PostingQueue {
  readonly #store: Store;
  readonly #waiting: Array<{ queued: QueuedTransfer; resolve: (result: PostResult) => void; fail: (error: unknown) => void }> = [];
  #draining = false;

  constructor(store: Store) {
    this.#store = store;
  }

  post(queued: QueuedTransfer): Promise<PostResult> {
    return new Promise((resolve, fail) => {
      this.#waiting.push({ queued, resolve, fail });
      // The first caller posts at once; whoever arrives meanwhile goes in the next group.
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#waiting.length > 0) {
        const group = this.#waiting.splice(0, maxGroupSize);
        try {
          const outcomes = await this.#store.db.transaction().execute((trx) => postEach(trx, group.map((entry) => entry.queued), false));
          outcomes.forEach((outcome, index) => {
            const entry = group[index]!;
            if (outcome.ok) entry.resolve(outcome.result);
            else entry.fail(new RejectionError(outcome.rejection));
          });
        } catch (error) {
          for (const entry of group) entry.fail(error);
        }
      }
    } finally {
      this.#draining = false;
    }
  }
}

interface QueuedTransfer {
  readonly transfer: ValidTransfer;
  readonly posted_at: string;
}

type Outcome = { readonly ok: true; readonly result: PostResult } | { readonly ok: false; readonly rejection: Rejection };

async function postValidated(trx: Trx, transfers: readonly ValidTransfer[], posted_at: string): Promise<PostResult[]> {
  const outcomes = await postEach(
    trx,
    transfers.map((transfer) => ({ transfer, posted_at })),
    true,
  );
  return outcomes.map((outcome) => {
    assert(outcome.ok, 'all-or-nothing posting throws on the first rejection');
    return outcome.result;
  });
}

/**
 * The posting engine. With `allOrNothing`, the first rejection is thrown (and the caller's
 * transaction rolls back); otherwise each rejected transfer is reported and skipped, and the
 * others are posted: that is how the group-commit queue puts many callers in one transaction.
 */
async function postEach(trx: Trx, queued: readonly QueuedTransfer[], allOrNothing: boolean): Promise<Outcome[]> {
  // Taking the journal head row first serializes writers: SQLite takes its write lock here, PostgreSQL a row lock.
  const head = await trx
    .updateTable('ledger_head')
    .set({ seq: sql`seq` })
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();

  const transfers = queued.map((entry) => entry.transfer);
  const earlier = await findByIdempotencyKeys(trx, [...new Set(transfers.map((t) => t.idempotency_key))]);
  const accounts = await loadAccounts(trx, [...new Set(transfers.flatMap((t) => t.legs.map((leg) => leg.account_code)))]);
  const reversalTargets = await loadReversalTargets(trx, transfers);

  const net_debit_minor = new Map<bigint, bigint>();
  const outcomes: Outcome[] = [];
  const pendingByKey = new Map<string, { payload_sha256: string; transaction: PostedTransaction }>();
  const newTransactions: Array<Database['ledger_transactions']> = [];
  const newPostings: Array<Database['ledger_postings']> = [];
  let seq = head.seq;
  let prev_hash = head.hash;

  const refuse = (rejection: Rejection) => {
    if (allOrNothing) throw new RejectionError(rejection);
    outcomes.push({ ok: false, rejection });
  };

  for (const { transfer, posted_at } of queued) {
    const replay = earlier.get(transfer.idempotency_key) ?? pendingByKey.get(transfer.idempotency_key);
    if (replay !== undefined) {
      if (replay.payload_sha256 !== transfer.payload_sha256) {
        refuse(reject('LEDGER_IDEMPOTENCY_CONFLICT', 'This idempotency key was already used for another transaction.', { idempotency_key: transfer.idempotency_key }).rejection);
      } else {
        outcomes.push({ ok: true, result: { transaction: replay.transaction, replayed: true } });
      }
      continue;
    }
    const planned = planTransfer(transfer, accounts, net_debit_minor, reversalTargets);
    if ('code' in planned) {
      refuse(planned);
      continue;
    }
    // Only now, with every check passed, does the transfer change the running balances.
    for (const [account_id, after] of planned.balances_after) net_debit_minor.set(account_id, after);
    if (transfer.reverses_id !== null) reversalTargets.reversed.set(transfer.reverses_id, { id: seq + 1n, idempotency_key: transfer.idempotency_key });

    seq += 1n;
    const metadata_json = JSON.stringify(transfer.metadata);
    const entry = {
      id: seq,
      idempotency_key: transfer.idempotency_key,
      payload_sha256: transfer.payload_sha256,
      kind: transfer.kind,
      description: transfer.description,
      currency: transfer.currency,
      metadata_json,
      reverses_id: transfer.reverses_id,
      posted_at,
      postings: planned.postings,
    };
    const hash = journalHash(prev_hash, entry);
    const { postings: _postings, ...row } = entry;
    newTransactions.push({ ...row, prev_hash, hash });
    for (const posting of entry.postings) newPostings.push({ transaction_id: seq, ...posting });
    prev_hash = hash;
    const transaction: PostedTransaction = {
      id: seq,
      idempotency_key: transfer.idempotency_key,
      kind: transfer.kind,
      description: transfer.description,
      currency: transfer.currency,
      metadata: transfer.metadata,
      reverses_id: transfer.reverses_id,
      posted_at,
      hash,
      legs: transfer.legs,
    };
    pendingByKey.set(transfer.idempotency_key, { payload_sha256: transfer.payload_sha256, transaction });
    outcomes.push({ ok: true, result: { transaction, replayed: false } });
  }

  for (const rows of chunks(newTransactions, rowsPerInsert / 2)) await trx.insertInto('ledger_transactions').values(rows).execute();
  for (const rows of chunks(newPostings, rowsPerInsert)) await trx.insertInto('ledger_postings').values(rows).execute();
  await applyBalanceChanges(trx, accounts, net_debit_minor);
  if (seq !== head.seq) await trx.updateTable('ledger_head').set({ seq, hash: prev_hash }).where('id', '=', 1).execute();
  return outcomes;
}

interface ReversalTargets {
  /** The transactions named by reversals: whether each is itself a reversal. */
  readonly originals: Map<bigint, { reverses_id: bigint | null }>;
  /** Transactions already reversed, by the reversal that did it (including earlier ones in this batch). */
  readonly reversed: Map<bigint, { id: bigint; idempotency_key: string }>;
}

async function loadReversalTargets(trx: Trx, transfers: readonly ValidTransfer[]): Promise<ReversalTargets> {
  const targets: ReversalTargets = { originals: new Map(), reversed: new Map() };
  const ids = [...new Set(transfers.flatMap((transfer) => (transfer.reverses_id === null ? [] : [transfer.reverses_id])))];
  for (const batch of chunks(ids, keysPerLookup)) {
    for (const row of await trx.selectFrom('ledger_transactions').select(['id', 'reverses_id']).where('id', 'in', batch).execute()) {
      targets.originals.set(row.id, { reverses_id: row.reverses_id });
    }
    for (const row of await trx.selectFrom('ledger_transactions').select(['id', 'idempotency_key', 'reverses_id']).where('reverses_id', 'in', batch).execute()) {
      targets.reversed.set(row.reverses_id!, { id: row.id, idempotency_key: row.idempotency_key });
    }
  }
  return targets;
}

/**
 * Checks one transfer against the accounts and the running balances, without changing them:
 * returns its postings and the balances after it, or the rejection.
 */
function planTransfer(
  transfer: ValidTransfer,
  accounts: ReadonlyMap<string, AccountRow>,
  net_debit_minor: ReadonlyMap<bigint, bigint>,
  reversals: ReversalTargets,
): { postings: Array<{ leg_index: number; account_id: bigint; amount_minor: bigint }>; balances_after: Map<bigint, bigint> } | Rejection {
  if (transfer.reverses_id !== null) {
    const id = transfer.reverses_id;
    const original = reversals.originals.get(id);
    if (original === undefined) return reject('LEDGER_UNKNOWN_TRANSACTION', `No transaction ${id}.`, { transaction_id: id.toString() }).rejection;
    if (original.reverses_id !== null) {
      return reject('LEDGER_CANNOT_REVERSE_REVERSAL', `Transaction ${id} is itself a reversal; post a new transfer instead.`, { transaction_id: id.toString() }).rejection;
    }
    const existing = reversals.reversed.get(id);
    // A replay of the same reversal is answered by the idempotency check before this.
    if (existing !== undefined) {
      return reject('LEDGER_ALREADY_REVERSED', `Transaction ${id} was already reversed by transaction ${existing.id}.`, {
        transaction_id: id.toString(),
        reversed_by: existing.id.toString(),
      }).rejection;
    }
  }
  const postings: Array<{ leg_index: number; account_id: bigint; amount_minor: bigint }> = [];
  const legs_by_account = new Map<bigint, bigint[]>();
  const touched = new Map<bigint, AccountRow>();
  for (const [leg_index, leg] of transfer.legs.entries()) {
    const account = accounts.get(leg.account_code);
    if (account === undefined) return reject('LEDGER_UNKNOWN_ACCOUNT', `No account ${leg.account_code}.`, { leg_index, account_code: leg.account_code }).rejection;
    if (account.currency !== transfer.currency) {
      return reject('LEDGER_CURRENCY_MISMATCH', `Account ${account.code} holds ${account.currency}, not ${transfer.currency}.`, {
        leg_index,
        account_code: account.code,
        account_currency: account.currency,
        currency: transfer.currency,
      }).rejection;
    }
    const amount_minor = signedAmount(leg);
    legs_by_account.set(account.id, [...(legs_by_account.get(account.id) ?? []), amount_minor]);
    touched.set(account.id, account);
    postings.push({ leg_index, account_id: account.id, amount_minor });
  }
  // Only a balance that stays in int64 can be stored: refused here, before any SQL runs, the
  // transfer fails alone (in a group commit the others still post) instead of failing the
  // statement that updates every account of the group.
  const balances_after = new Map<bigint, bigint>();
  for (const [account_id, amounts] of legs_by_account) {
    const account = touched.get(account_id)!;
    const before = net_debit_minor.get(account_id) ?? account.net_debit_minor;
    const after = checkedSum([before, ...amounts]);
    if (!after.ok) {
      const type = account.type as AccountType;
      return reject('LEDGER_AMOUNT_OUT_OF_RANGE', `Account ${account.code} would leave the signed 64-bit range of balances.`, {
        account_code: account.code,
        balance_minor: normalBalance(type, before).toString(),
        resulting_balance_minor: normalBalance(type, before + amounts.reduce((total, amount) => total + amount, 0n)).toString(),
        max_balance_minor: int64MaxMinor.toString(),
      }).rejection;
    }
    balances_after.set(account_id, after.value);
  }
  // Guards hold after every transaction, not only at the end of a batch.
  for (const [account_id, after] of balances_after) {
    const account = touched.get(account_id)!;
    const type = account.type as AccountType;
    if (!guardHolds({ type, guard: account.guard as AccountGuard }, after)) {
      const before = net_debit_minor.get(account_id) ?? account.net_debit_minor;
      return reject('LEDGER_INSUFFICIENT_BALANCE', `Account ${account.code} would go below zero.`, {
        account_code: account.code,
        balance_minor: normalBalance(type, before).toString(),
        resulting_balance_minor: normalBalance(type, after).toString(),
      }).rejection;
    }
  }
  return { postings, balances_after };
}

async function applyBalanceChanges(trx: Trx, accounts: ReadonlyMap<string, AccountRow>, net_debit_minor: ReadonlyMap<bigint, bigint>) {
  const changes: Array<[bigint, bigint]> = [];
  for (const account of accounts.values()) {
    const after = net_debit_minor.get(account.id);
    if (after === undefined || after === account.net_debit_minor) continue;
    assert(isInt64(after), 'planTransfer keeps every balance inside int64');
    changes.push([account.id, after]);
  }
  // The new balances, not deltas: the difference of two int64 balances can itself leave int64.
  // They were read under the journal head lock, which every balance change takes, so they are current.
  // One set-based statement per chunk instead of one UPDATE per account; the same SQL runs on both backends.
  for (const rows of chunks(changes, rowsPerInsert)) {
    const values = sql.join(rows.map(([id, after]) => sql`(${id}, ${after})`));
    await sql`update ledger_accounts set net_debit_minor = change.net_debit_minor
      from (select cast(column1 as bigint) as id, cast(column2 as bigint) as net_debit_minor from (values ${values}) as v) as change
      where ledger_accounts.id = change.id`.execute(trx);
  }
}

async function loadAccounts(trx: Trx, codes: readonly string[]): Promise<Map<string, AccountRow>> {
  const accounts = new Map<string, AccountRow>();
  for (const batch of chunks(codes, keysPerLookup)) {
    const rows = await trx.selectFrom('ledger_accounts').selectAll().where('code', 'in', batch).execute();
    for (const row of rows) accounts.set(row.code, row);
  }
  return accounts;
}

async function findByIdempotencyKeys(trx: Trx, keys: readonly string[]) {
  const found = new Map<string, { payload_sha256: string; transaction: PostedTransaction }>();
  for (const batch of chunks(keys, keysPerLookup)) {
    const rows = await trx.selectFrom('ledger_transactions').selectAll().where('idempotency_key', 'in', batch).execute();
    if (rows.length === 0) continue;
    const legs = await legsOf(trx, rows.map((row) => row.id));
    for (const row of rows) found.set(row.idempotency_key, { payload_sha256: row.payload_sha256, transaction: toPosted(row, legs.get(row.id) ?? []) });
  }
  return found;
}

async function legsOf(trx: Trx | Store['db'], ids: readonly bigint[]): Promise<Map<bigint, PostedLeg[]>> {
  const legs = new Map<bigint, PostedLeg[]>();
  for (const batch of chunks(ids, keysPerLookup)) {
    const rows = await trx
      .selectFrom('ledger_postings as p')
      .innerJoin('ledger_accounts as a', 'a.id', 'p.account_id')
      .select(['p.transaction_id', 'p.leg_index', 'p.amount_minor', 'a.code'])
      .where('p.transaction_id', 'in', batch)
      .orderBy('p.transaction_id')
      .orderBy('p.leg_index')
      .execute();
    for (const row of rows) {
      const list = legs.get(row.transaction_id) ?? [];
      list.push({
        account_code: row.code,
        side: row.amount_minor > 0n ? 'debit' : 'credit',
        amount_minor: row.amount_minor > 0n ? row.amount_minor : -row.amount_minor,
      });
      legs.set(row.transaction_id, list);
    }
  }
  return legs;
}

function toPosted(row: Database['ledger_transactions'], legs: readonly PostedLeg[]): PostedTransaction {
  return {
    id: row.id,
    idempotency_key: row.idempotency_key,
    kind: row.kind,
    description: row.description,
    currency: row.currency,
    metadata: JSON.parse(row.metadata_json) as Record<string, string>,
    reverses_id: row.reverses_id,
    posted_at: row.posted_at,
    hash: row.hash,
    legs,
  };
}

export async function getTransaction(store: Store, id: bigint): Promise<PostedTransaction> {
  return getTransactionIn(store.db, id);
}

/** One transaction with its legs, read in the caller's transaction (or on the store). */
export async function getTransactionIn(db: Trx | Store['db'], id: bigint): Promise<PostedTransaction> {
  const row = await db.selectFrom('ledger_transactions').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new RejectionError(reject('LEDGER_UNKNOWN_TRANSACTION', `No transaction ${id}.`, { transaction_id: id.toString() }).rejection);
  const legs = await legsOf(db, [id]);
  return toPosted(row, legs.get(id) ?? []);
}

/** Transactions with their legs, in the order of `ids` (ids with no transaction are left out). */
export async function getTransactionsIn(db: Trx | Store['db'], ids: readonly bigint[]): Promise<PostedTransaction[]> {
  const rows = new Map<bigint, Database['ledger_transactions']>();
  for (const batch of chunks(ids, keysPerLookup)) {
    for (const row of await db.selectFrom('ledger_transactions').selectAll().where('id', 'in', batch).execute()) rows.set(row.id, row);
  }
  const legs = await legsOf(db, [...rows.keys()]);
  return ids.flatMap((id) => {
    const row = rows.get(id);
    return row === undefined ? [] : [toPosted(row, legs.get(id) ?? [])];
  });
}

/** The transaction that reversed `id`, if any. */
export async function reversalOfIn(db: Trx | Store['db'], id: bigint): Promise<bigint | undefined> {
  const row = await db.selectFrom('ledger_transactions').select('id').where('reverses_id', '=', id).executeTakeFirst();
  return row?.id;
}

/** Corrections are never edits: a reversal posts the same legs with debit and credit swapped. */
export async function reverseTransaction(
  store: Store,
  input: { transaction_id: bigint; idempotency_key: string; description?: string },
  posted_at: string,
): Promise<PostResult> {
  const original = await getTransaction(store, input.transaction_id);
  return postTransfer(
    store,
    {
      idempotency_key: input.idempotency_key,
      kind: 'reversal',
      description: input.description ?? `Reversal of transaction ${original.id}`,
      currency: original.currency,
      metadata: original.metadata,
      reverses_id: original.id,
      legs: original.legs.map((leg) => ({ ...leg, side: leg.side === 'debit' ? 'credit' : 'debit' })),
    },
    posted_at,
  );
}
