import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { RejectionError, assert, reject, unwrap } from '../core/rejection.js';
import type { LedgerAuditEventsTable, ManualPostingsTable } from '../store/schema.js';
import type { Store } from '../store/store.js';
import type { Account, AccountDefinition } from './account.js';
import { getTransactionIn, openAccountIn, postTransfersIn, reversalOfIn, type PostedTransaction, type Trx } from './ledger.js';
import { lockLedgerIn } from './ledger-reads.js';
import { checkManualAccountCode, checkManualLegs, manualKinds, reservedMetadataKeys } from './manual-posting-policy.js';
import { validateTransfer, type TransferLeg } from './transfer.js';

/**
 * Manual postings under maker–checker: a staff member asks for a posting between the operator's
 * own accounts (or for the reversal of one that was posted this way), another staff member
 * approves it, and only then does the ledger write it. Every staff action on the ledger — a
 * request, an approval, a rejection, an account opened by hand — writes one row of the ledger's
 * audit trail in the same store transaction as its effect; that row also keeps the action's
 * Idempotency-Key and the hash of what was asked, so a replay finds the first answer and the same
 * key with another request is refused.
 */

export interface Actor {
  readonly user_id: bigint;
}

export interface ManualTransferRequest {
  readonly description: string;
  readonly currency: string;
  readonly legs: readonly TransferLeg[];
  readonly metadata: Readonly<Record<string, string>>;
}

export interface UserRef {
  readonly user_id: bigint;
  readonly username: string;
}

export interface ManualPosting {
  readonly id: bigint;
  readonly kind: 'transfer' | 'reversal';
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly idempotency_key: string;
  readonly request: ManualTransferRequest;
  readonly reverses_id: bigint | null;
  readonly requested_by: UserRef;
  readonly requested_at: string;
  readonly decided_by: UserRef | null;
  readonly decided_at: string | null;
  readonly decision_reason: string | null;
  readonly transaction_id: bigint | null;
}

export type LedgerAuditAction = LedgerAuditEventsTable['action'];

export interface LedgerAuditEvent {
  readonly id: bigint;
  readonly action: LedgerAuditAction;
  readonly actor: UserRef;
  readonly at: string;
  readonly reason: string | null;
  readonly manual_posting_id: bigint | null;
  readonly account_code: string | null;
  readonly transaction_id: bigint | null;
}

/** Page sizes of the staff lists; a caller may ask for fewer. */
export const maxManualPostingsPage = 500;

type PostingRow = Selectable<ManualPostingsTable>;
type EventRow = Selectable<LedgerAuditEventsTable>;

function rejectWith(code: Parameters<typeof reject>[0], message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** The idempotency key of the ledger transaction a manual posting becomes: one posting, one transaction. */
export function manualTransactionKey(manual_posting_id: bigint): string {
  return `manual-posting:${manual_posting_id}`;
}

/**
 * Runs one staff action under the ledger's writer lock. Every ledger writer takes it, so two
 * actions with one key, or two approvals of one request, run one after the other, and the second
 * sees what the first committed (PostgreSQL reads committed rows after the lock; SQLite has one
 * writer). Staff actions are rare, so holding the lock for one of them costs the flows nothing.
 * Returns the replayed first answer when the key was used for this very request.
 */
async function staffAction<T>(
  store: Store,
  idempotency_key: string,
  request_sha256: string,
  replay: (trx: Trx, event: EventRow) => Promise<T>,
  act: (trx: Trx) => Promise<T>,
): Promise<{ result: T; replayed: boolean }> {
  return store.db.transaction().execute(async (trx) => {
    await lockLedgerIn(trx);
    const earlier = await trx.selectFrom('ledger_audit_events').selectAll().where('idempotency_key', '=', idempotency_key).executeTakeFirst();
    if (earlier !== undefined) {
      if (earlier.request_sha256 !== request_sha256) {
        rejectWith('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for another request.', {
          idempotency_key,
          first_action: earlier.action,
        });
      }
      return { result: await replay(trx, earlier), replayed: true };
    }
    return { result: await act(trx), replayed: false };
  });
}

type OptionalEventColumns = 'reason' | 'manual_posting_id' | 'account_code' | 'transaction_id';

async function audit(trx: Trx, event: Omit<EventRow, 'id' | OptionalEventColumns> & Partial<Pick<EventRow, OptionalEventColumns>>): Promise<void> {
  await trx
    .insertInto('ledger_audit_events')
    .values({ reason: null, manual_posting_id: null, account_code: null, transaction_id: null, ...event })
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Requests

/** Checks a requested transfer as far as it can be checked before approval: shape, policy, accounts. */
async function checkTransferIn(trx: Trx, request: ManualTransferRequest, kind: string): Promise<ManualTransferRequest> {
  const reserved = Object.keys(request.metadata).filter((key) => (reservedMetadataKeys as readonly string[]).includes(key));
  if (reserved.length > 0) {
    rejectWith('LEDGER_BAD_TRANSFER', `Metadata keys ${reserved.join(', ')} are written by the ledger itself.`, { keys: reserved });
  }
  // The key is a placeholder: the transaction's own key is derived from the manual posting's id.
  const valid = unwrap(validateTransfer({ ...request, idempotency_key: 'manual-posting:new', kind }));
  unwrap(checkManualLegs(valid.legs));
  const codes = [...new Set(valid.legs.map((leg) => leg.account_code))];
  const accounts = await trx.selectFrom('ledger_accounts').select(['code', 'currency']).where('code', 'in', codes).execute();
  for (const [leg_index, leg] of valid.legs.entries()) {
    const account = accounts.find((row) => row.code === leg.account_code);
    if (account === undefined) {
      rejectWith('LEDGER_UNKNOWN_ACCOUNT', `No account ${leg.account_code}.`, { leg_index, account_code: leg.account_code });
    }
    if (account.currency !== valid.currency) {
      rejectWith('LEDGER_CURRENCY_MISMATCH', `Account ${account.code} holds ${account.currency}, not ${valid.currency}.`, {
        leg_index,
        account_code: account.code,
        account_currency: account.currency,
        currency: valid.currency,
      });
    }
  }
  return { description: valid.description, currency: valid.currency, legs: valid.legs, metadata: valid.metadata };
}

function requestJson(request: ManualTransferRequest): string {
  return JSON.stringify({
    description: request.description,
    currency: request.currency,
    metadata: request.metadata,
    legs: request.legs.map((leg) => ({ account_code: leg.account_code, side: leg.side, amount_minor: leg.amount_minor.toString() })),
  });
}

function parseRequest(json: string): ManualTransferRequest {
  const parsed = JSON.parse(json) as {
    description: string;
    currency: string;
    metadata: Record<string, string>;
    legs: Array<{ account_code: string; side: 'debit' | 'credit'; amount_minor: string }>;
  };
  return { ...parsed, legs: parsed.legs.map((leg) => ({ ...leg, amount_minor: BigInt(leg.amount_minor) })) };
}

async function insertRequestIn(
  trx: Trx,
  actor: Actor,
  idempotency_key: string,
  request_sha256: string,
  kind: ManualPostingsTable['kind'],
  request: ManualTransferRequest,
  reverses_id: bigint | null,
  at: string,
): Promise<ManualPosting> {
  const row = await trx
    .insertInto('manual_postings')
    .values({
      kind,
      idempotency_key,
      request_json: requestJson(request),
      request_sha256,
      reverses_id,
      status: 'pending',
      requested_by: actor.user_id,
      requested_at: at,
      decided_by: null,
      decided_at: null,
      decision_reason: null,
      transaction_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, {
    action: 'manual_posting_requested',
    idempotency_key,
    request_sha256,
    actor_user_id: actor.user_id,
    at,
    manual_posting_id: row.id,
  });
  return manualPostingIn(trx, row.id);
}

async function replayedPosting(trx: Trx, event: EventRow): Promise<ManualPosting> {
  assert(event.manual_posting_id !== null, 'a manual posting action names its manual posting');
  return manualPostingIn(trx, event.manual_posting_id);
}

/** Asks for a transfer between the operator's own accounts; nothing is posted until another staff member approves it. */
export async function requestManualTransfer(
  store: Store,
  actor: Actor,
  input: ManualTransferRequest & { idempotency_key: string },
  at: string,
): Promise<{ posting: ManualPosting; replayed: boolean }> {
  const { idempotency_key, ...request } = input;
  const request_sha256 = sha256([
    'manual_transfer',
    request.description,
    request.currency,
    Object.entries(request.metadata).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    request.legs.map((leg) => [leg.account_code, leg.side, leg.amount_minor.toString()]),
  ]);
  const { result, replayed } = await staffAction(store, idempotency_key, request_sha256, replayedPosting, async (trx) => {
    const checked = await checkTransferIn(trx, request, manualKinds.transfer);
    return insertRequestIn(trx, actor, idempotency_key, request_sha256, 'transfer', checked, null, at);
  });
  return { posting: result, replayed };
}

/**
 * The reversal of `transaction_id` as a transfer, if it may be reversed by hand: only a
 * transaction an approved manual posting wrote, never a flow's (a hold, a deduction, a payout:
 * its flow keeps its own records of it, which a reversal would leave pointing at money that is no
 * longer there), never a reversal, and only once.
 */
async function reversalRequestIn(trx: Trx, transaction_id: bigint, description: string | undefined): Promise<ManualTransferRequest> {
  const original = await getTransactionIn(trx, transaction_id);
  const manual = await trx.selectFrom('manual_postings').select(['id', 'kind']).where('transaction_id', '=', transaction_id).executeTakeFirst();
  if (manual === undefined) {
    const message = `Transaction ${transaction_id} (${original.kind}) was posted by a flow, not by hand; only its flow may correct it.`;
    rejectWith('LEDGER_FLOW_POSTING_NOT_REVERSIBLE', message, {
      transaction_id: transaction_id.toString(),
      kind: original.kind,
    });
  }
  if (original.reverses_id !== null) {
    rejectWith('LEDGER_CANNOT_REVERSE_REVERSAL', `Transaction ${transaction_id} is itself a reversal; post a new transfer instead.`, {
      transaction_id: transaction_id.toString(),
    });
  }
  const reversed_by = await reversalOfIn(trx, transaction_id);
  if (reversed_by !== undefined) {
    rejectWith('LEDGER_ALREADY_REVERSED', `Transaction ${transaction_id} was already reversed by transaction ${reversed_by}.`, {
      transaction_id: transaction_id.toString(),
      reversed_by: reversed_by.toString(),
    });
  }
  const metadata = Object.fromEntries(
    Object.entries(original.metadata).filter(([key]) => !(reservedMetadataKeys as readonly string[]).includes(key)),
  );
  const request: ManualTransferRequest = {
    description: description ?? `Reversal of transaction ${original.id}`,
    currency: original.currency,
    metadata,
    legs: original.legs.map((leg) => ({ ...leg, side: leg.side === 'debit' ? 'credit' : 'debit' })),
  };
  return checkTransferIn(trx, request, manualKinds.reversal);
}

/** Asks for the reversal of a manual posting; like any manual posting it waits for approval. */
export async function requestManualReversal(
  store: Store,
  actor: Actor,
  input: { idempotency_key: string; transaction_id: bigint; description?: string },
  at: string,
): Promise<{ posting: ManualPosting; replayed: boolean }> {
  const request_sha256 = sha256(['manual_reversal', input.transaction_id.toString(), input.description ?? null]);
  const { result, replayed } = await staffAction(store, input.idempotency_key, request_sha256, replayedPosting, async (trx) => {
    const request = await reversalRequestIn(trx, input.transaction_id, input.description);
    return insertRequestIn(trx, actor, input.idempotency_key, request_sha256, 'reversal', request, input.transaction_id, at);
  });
  return { posting: result, replayed };
}

// ---------------------------------------------------------------------------------------------
// Decisions

async function pendingPostingIn(trx: Trx, id: bigint): Promise<PostingRow> {
  const row = await trx.selectFrom('manual_postings').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) rejectWith('LEDGER_MANUAL_POSTING_NOT_FOUND', `No manual posting ${id}.`, { manual_posting_id: id.toString() });
  if (row.status !== 'pending') {
    rejectWith('LEDGER_MANUAL_POSTING_ALREADY_DECIDED', `Manual posting ${id} was already ${row.status}.`, {
      manual_posting_id: id.toString(),
      status: row.status,
      decided_by: row.decided_by?.toString() ?? null,
      transaction_id: row.transaction_id?.toString() ?? null,
    });
  }
  return row;
}

/**
 * Approves a pending manual posting and posts it, both in one store transaction with the audit
 * row. Every check runs again now (the policy, the accounts, a reversal's target, the balances):
 * if one fails, nothing is written and the request stays pending, to be approved once it can be
 * posted or rejected.
 */
export async function approveManualPosting(
  store: Store,
  actor: Actor,
  input: { idempotency_key: string; manual_posting_id: bigint },
  at: string,
): Promise<{ posting: ManualPosting; transaction: PostedTransaction; replayed: boolean }> {
  const request_sha256 = sha256(['manual_posting_approve', input.manual_posting_id.toString()]);
  const { result, replayed } = await staffAction(
    store,
    input.idempotency_key,
    request_sha256,
    async (trx, event) => {
      assert(event.transaction_id !== null, 'an approval names the transaction it posted');
      return { posting: await replayedPosting(trx, event), transaction: await getTransactionIn(trx, event.transaction_id) };
    },
    async (trx) => {
      const row = await pendingPostingIn(trx, input.manual_posting_id);
      if (row.requested_by === actor.user_id) {
        rejectWith('LEDGER_SAME_APPROVER', 'Another staff member must approve this manual posting: its maker may not.', {
          manual_posting_id: row.id.toString(),
          requested_by: row.requested_by.toString(),
        });
      }
      const request =
        row.kind === 'reversal'
          ? await reversalRequestIn(trx, row.reverses_id!, parseRequest(row.request_json).description)
          : await checkTransferIn(trx, parseRequest(row.request_json), manualKinds.transfer);
      const [posted] = await postTransfersIn(
        trx,
        [
          {
            ...request,
            idempotency_key: manualTransactionKey(row.id),
            kind: row.kind === 'reversal' ? manualKinds.reversal : manualKinds.transfer,
            // In the hash-chained journal itself: who asked and who approved cannot be edited unseen.
            metadata: {
              ...request.metadata,
              manual_posting_id: row.id.toString(),
              requested_by: row.requested_by.toString(),
              approved_by: actor.user_id.toString(),
            },
            ...(row.reverses_id === null ? {} : { reverses_id: row.reverses_id }),
          },
        ],
        at,
      );
      assert(posted !== undefined && !posted.replayed, 'a pending manual posting has not been posted yet');
      const transaction = posted.transaction;
      await trx
        .updateTable('manual_postings')
        .set({ status: 'approved', decided_by: actor.user_id, decided_at: at, transaction_id: transaction.id })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .execute();
      await audit(trx, {
        action: 'manual_posting_approved',
        idempotency_key: input.idempotency_key,
        request_sha256,
        actor_user_id: actor.user_id,
        at,
        manual_posting_id: row.id,
        transaction_id: transaction.id,
      });
      return { posting: await manualPostingIn(trx, row.id), transaction };
    },
  );
  return { ...result, replayed };
}

/**
 * Rejects a pending manual posting with a reason; nothing is posted. The maker may reject
 * (withdraw) their own request: a rejection moves no money, so it needs no second pair of eyes.
 */
export async function rejectManualPosting(
  store: Store,
  actor: Actor,
  input: { idempotency_key: string; manual_posting_id: bigint; reason: string },
  at: string,
): Promise<{ posting: ManualPosting; replayed: boolean }> {
  const request_sha256 = sha256(['manual_posting_reject', input.manual_posting_id.toString(), input.reason]);
  const { result, replayed } = await staffAction(store, input.idempotency_key, request_sha256, replayedPosting, async (trx) => {
    const row = await pendingPostingIn(trx, input.manual_posting_id);
    await trx
      .updateTable('manual_postings')
      .set({ status: 'rejected', decided_by: actor.user_id, decided_at: at, decision_reason: input.reason })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .execute();
    await audit(trx, {
      action: 'manual_posting_rejected',
      idempotency_key: input.idempotency_key,
      request_sha256,
      actor_user_id: actor.user_id,
      at,
      reason: input.reason,
      manual_posting_id: row.id,
    });
    return manualPostingIn(trx, row.id);
  });
  return { posting: result, replayed };
}

/**
 * Opens an account by hand, only in the operator's namespace (manual-posting-policy.ts), so no
 * hand-opened account can take the name of an account a flow will open. An identical definition
 * returns the existing account.
 */
export async function openManualAccount(
  store: Store,
  actor: Actor,
  input: AccountDefinition & { idempotency_key: string },
  at: string,
): Promise<{ account: Account; replayed: boolean }> {
  const { idempotency_key, ...definition } = input;
  const request_sha256 = sha256(['account_open', definition.code, definition.name, definition.type, definition.currency, definition.guard]);
  const { result, replayed } = await staffAction(
    store,
    idempotency_key,
    request_sha256,
    async (trx) => openAccountIn(trx, definition, at),
    async (trx) => {
      unwrap(checkManualAccountCode(definition.code));
      const account = await openAccountIn(trx, definition, at);
      await audit(trx, { action: 'account_opened', idempotency_key, request_sha256, actor_user_id: actor.user_id, at, account_code: account.code });
      return account;
    },
  );
  return { account: result, replayed };
}

// ---------------------------------------------------------------------------------------------
// Reads

async function usersIn(db: Trx | Store['db'], ids: readonly bigint[]): Promise<Map<bigint, UserRef>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'username']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, { user_id: row.id, username: row.username }]));
}

function userRef(users: ReadonlyMap<bigint, UserRef>, id: bigint): UserRef {
  return users.get(id) ?? { user_id: id, username: '' };
}

async function toPostings(db: Trx | Store['db'], rows: readonly PostingRow[]): Promise<ManualPosting[]> {
  const users = await usersIn(db, rows.flatMap((row) => (row.decided_by === null ? [row.requested_by] : [row.requested_by, row.decided_by])));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    status: row.status,
    idempotency_key: row.idempotency_key,
    request: parseRequest(row.request_json),
    reverses_id: row.reverses_id,
    requested_by: userRef(users, row.requested_by),
    requested_at: row.requested_at,
    decided_by: row.decided_by === null ? null : userRef(users, row.decided_by),
    decided_at: row.decided_at,
    decision_reason: row.decision_reason,
    transaction_id: row.transaction_id,
  }));
}

async function manualPostingIn(db: Trx | Store['db'], id: bigint): Promise<ManualPosting> {
  const row = await db.selectFrom('manual_postings').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) rejectWith('LEDGER_MANUAL_POSTING_NOT_FOUND', `No manual posting ${id}.`, { manual_posting_id: id.toString() });
  const [posting] = await toPostings(db, [row]);
  return posting!;
}

/** One manual posting with its audit trail, oldest action first. */
export async function getManualPosting(store: Store, id: bigint): Promise<{ posting: ManualPosting; events: LedgerAuditEvent[] }> {
  const posting = await manualPostingIn(store.db, id);
  const events = await listLedgerAuditEvents(store, { manual_posting_id: id, limit: maxManualPostingsPage });
  return { posting, events };
}

/** Manual postings by id, paged, optionally of one status. */
export async function listManualPostings(
  store: Store,
  options: { status?: ManualPostingsTable['status']; after_id?: bigint; limit: number },
): Promise<ManualPosting[]> {
  let query = store.db.selectFrom('manual_postings').selectAll().orderBy('id').limit(Math.min(options.limit, maxManualPostingsPage));
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  if (options.after_id !== undefined) query = query.where('id', '>', options.after_id);
  return toPostings(store.db, await query.execute());
}

/** The ledger's audit trail by id (oldest first), paged, optionally of one manual posting. */
export async function listLedgerAuditEvents(
  store: Store,
  options: { manual_posting_id?: bigint; after_id?: bigint; limit: number },
): Promise<LedgerAuditEvent[]> {
  let query = store.db.selectFrom('ledger_audit_events').selectAll().orderBy('id').limit(Math.min(options.limit, maxManualPostingsPage));
  if (options.manual_posting_id !== undefined) query = query.where('manual_posting_id', '=', options.manual_posting_id);
  if (options.after_id !== undefined) query = query.where('id', '>', options.after_id);
  const rows = await query.execute();
  const users = await usersIn(store.db, rows.map((row) => row.actor_user_id));
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    actor: userRef(users, row.actor_user_id),
    at: row.at,
    reason: row.reason,
    manual_posting_id: row.manual_posting_id,
    account_code: row.account_code,
    transaction_id: row.transaction_id,
  }));
}
