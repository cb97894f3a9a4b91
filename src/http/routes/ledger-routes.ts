import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountGuards, accountTypes, type Account } from '../../ledger/account.js';
import { getAccount, getTransaction, listAccounts, type PostedTransaction } from '../../ledger/ledger.js';
import {
  approveManualPosting,
  getManualPosting,
  listLedgerAuditEvents,
  listManualPostings,
  maxManualPostingsPage,
  openManualAccount,
  rejectManualPosting,
  requestManualReversal,
  requestManualTransfer,
  type LedgerAuditEvent,
  type ManualPosting,
  type UserRef,
} from '../../ledger/manual-postings.js';
import { verifyJournal } from '../../ledger/verify-journal.js';
import { listAccountEntries, listTransactions, maxTransactionsPage } from '../../ledger/ledger-lists.js';
import type { Clock } from '../../services/clock.js';
import { custodySummaries } from '../../services/funding/custody-summary.js';
import type { Store } from '../../store/store.js';
import { currentUser, requireRoles } from '../auth.js';
import { idempotencyHeaders, idempotencyKeyOf, idempotent } from '../idempotency.js';
import { errorResponses, idString, minorAmount, positiveMinorAmount } from '../schemas.js';

const accountSchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(accountTypes),
  currency: z.string(),
  guard: z.enum(accountGuards),
  balance_minor: minorAmount,
  created_at: z.string(),
});

const legSchema = z.object({ account_code: z.string().min(1).max(128), side: z.enum(['debit', 'credit']), amount_minor: positiveMinorAmount });

const transactionSchema = z.object({
  id: idString,
  idempotency_key: z.string(),
  kind: z.string(),
  description: z.string(),
  currency: z.string(),
  metadata: z.record(z.string(), z.string()),
  reverses_id: idString.nullable(),
  posted_at: z.string(),
  hash: z.string(),
  legs: z.array(z.object({ account_code: z.string(), side: z.enum(['debit', 'credit']), amount_minor: minorAmount })),
});

function accountJson(account: Account) {
  const { id: _id, ...rest } = account;
  return { ...rest, balance_minor: account.balance_minor.toString() };
}

const userSchema = z.object({ user_id: idString, username: z.string() });

const manualPostingSchema = z.object({
  id: idString,
  kind: z.enum(['transfer', 'reversal']),
  status: z.enum(['pending', 'approved', 'rejected']),
  idempotency_key: z.string(),
  request: z.object({
    description: z.string(),
    currency: z.string(),
    metadata: z.record(z.string(), z.string()),
    legs: z.array(z.object({ account_code: z.string(), side: z.enum(['debit', 'credit']), amount_minor: minorAmount })),
  }),
  reverses_id: idString.nullable(),
  requested_by: userSchema,
  requested_at: z.string(),
  decided_by: userSchema.nullable(),
  decided_at: z.string().nullable(),
  decision_reason: z.string().nullable(),
  transaction_id: idString.nullable(),
});

const auditEventSchema = z.object({
  id: idString,
  action: z.enum(['manual_posting_requested', 'manual_posting_approved', 'manual_posting_rejected', 'account_opened']),
  actor: userSchema,
  at: z.string(),
  reason: z.string().nullable(),
  manual_posting_id: idString.nullable(),
  account_code: z.string().nullable(),
  transaction_id: idString.nullable(),
});

function userJson(user: UserRef) {
  return { user_id: user.user_id.toString(), username: user.username };
}

function manualPostingJson(posting: ManualPosting) {
  return {
    ...posting,
    id: posting.id.toString(),
    request: {
      ...posting.request,
      metadata: { ...posting.request.metadata },
      legs: posting.request.legs.map((leg) => ({ ...leg, amount_minor: leg.amount_minor.toString() })),
    },
    reverses_id: posting.reverses_id?.toString() ?? null,
    requested_by: userJson(posting.requested_by),
    decided_by: posting.decided_by === null ? null : userJson(posting.decided_by),
    transaction_id: posting.transaction_id?.toString() ?? null,
  };
}

function auditEventJson(event: LedgerAuditEvent) {
  return {
    ...event,
    id: event.id.toString(),
    actor: userJson(event.actor),
    manual_posting_id: event.manual_posting_id?.toString() ?? null,
    transaction_id: event.transaction_id?.toString() ?? null,
  };
}

function transactionJson(transaction: PostedTransaction) {
  return {
    ...transaction,
    id: transaction.id.toString(),
    reverses_id: transaction.reverses_id?.toString() ?? null,
    metadata: { ...transaction.metadata },
    legs: transaction.legs.map((leg) => ({ ...leg, amount_minor: leg.amount_minor.toString() })),
  };
}

/**
 * The ledger for staff. Operators and auditors read it; money moves by hand only as manual
 * postings between the operator's own accounts, asked for by one operator and posted once another
 * approves it (src/ledger/manual-postings.ts). Every POST takes an Idempotency-Key header.
 */
export function ledgerRoutes(app: FastifyInstance, store: Store, clock: Clock): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const readers = requireRoles('operator', 'auditor');
  // The generic hooks keep the first answer of each key (a replay gets it byte for byte); the manual
  // postings' own keys then make a request under the same key by another operator a replay too.
  const writers = idempotent({ store, clock }, requireRoles('operator'));
  const replayed = z.boolean().describe('true when this answers a replay of the Idempotency-Key');
  const manualPostingAnswer = z.object({ manual_posting: manualPostingSchema, replayed });

  api.post(
    '/api/ledger/accounts',
    {
      ...writers,
      schema: {
        tags: ['ledger'],
        summary: 'Open an operator account by hand: the code starts with operator: (an identical definition returns the existing account) (operator)',
        headers: idempotencyHeaders,
        body: z.object({
          code: z.string().max(128),
          name: z.string().max(200),
          type: z.enum(accountTypes),
          currency: z.string().length(3),
          guard: z.enum(accountGuards).default('none'),
        }),
        response: { 200: z.object({ account: accountSchema, replayed }), ...errorResponses },
      },
    },
    async (request) => {
      const { account, replayed: again } = await openManualAccount(
        store,
        { user_id: currentUser(request).id },
        { ...request.body, idempotency_key: idempotencyKeyOf(request) },
        clock.now().toISOString(),
      );
      return { account: accountJson(account), replayed: again };
    },
  );

  api.get(
    '/api/ledger/accounts',
    {
      preHandler: readers,
      schema: {
        tags: ['ledger'],
        summary: 'Accounts by code, paged',
        querystring: z.object({ prefix: z.string().max(128).optional(), after: z.string().max(128).optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: { 200: z.object({ accounts: z.array(accountSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const accounts = await listAccounts(store, { prefix: request.query.prefix, after_code: request.query.after, limit: request.query.limit });
      return { accounts: accounts.map(accountJson) };
    },
  );

  api.get(
    '/api/ledger/accounts/:code',
    {
      preHandler: readers,
      schema: { tags: ['ledger'], summary: 'One account and its balance', params: z.object({ code: z.string().max(128) }), response: { 200: z.object({ account: accountSchema }), ...errorResponses } },
    },
    async (request) => ({ account: accountJson(await getAccount(store, request.params.code)) }),
  );

  api.post(
    '/api/ledger/transactions',
    {
      ...writers,
      schema: {
        tags: ['ledger'],
        summary:
          "Ask for a manual posting between the operator's own accounts (operator:… and operator_equity:…); nothing is posted until another operator approves it (operator)",
        headers: idempotencyHeaders,
        body: z.object({
          description: z.string().max(500).default(''),
          currency: z.string().length(3),
          legs: z.array(legSchema).min(2).max(1000),
          metadata: z.record(z.string().max(64), z.string().max(500)).optional(),
        }),
        response: { 202: manualPostingAnswer, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await requestManualTransfer(
        store,
        { user_id: currentUser(request).id },
        {
          idempotency_key: idempotencyKeyOf(request),
          description: body.description,
          currency: body.currency,
          metadata: body.metadata ?? {},
          legs: body.legs.map((leg) => ({ ...leg, amount_minor: BigInt(leg.amount_minor) })),
        },
        clock.now().toISOString(),
      );
      return reply.status(202).send({ manual_posting: manualPostingJson(result.posting), replayed: result.replayed });
    },
  );

  api.get(
    '/api/ledger/transactions/:id',
    {
      preHandler: readers,
      schema: { tags: ['ledger'], summary: 'One transaction with its legs', params: z.object({ id: idString }), response: { 200: z.object({ transaction: transactionSchema }), ...errorResponses } },
    },
    async (request) => ({ transaction: transactionJson(await getTransaction(store, BigInt(request.params.id))) }),
  );

  api.post(
    '/api/ledger/transactions/:id/reversal',
    {
      ...writers,
      schema: {
        tags: ['ledger'],
        summary: "Ask for the reversal of a manual posting (never of a flow's posting); posted once another operator approves it (operator)",
        headers: idempotencyHeaders,
        params: z.object({ id: idString }),
        body: z.object({ description: z.string().max(500).optional() }).default({}),
        response: { 202: manualPostingAnswer, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await requestManualReversal(
        store,
        { user_id: currentUser(request).id },
        { idempotency_key: idempotencyKeyOf(request), transaction_id: BigInt(request.params.id), description: request.body.description },
        clock.now().toISOString(),
      );
      return reply.status(202).send({ manual_posting: manualPostingJson(result.posting), replayed: result.replayed });
    },
  );

  api.get(
    '/api/ledger/manual-postings',
    {
      preHandler: readers,
      schema: {
        tags: ['ledger'],
        summary: 'Manual postings by id, paged: pass next_after as after (operator, auditor)',
        querystring: z.object({
          status: z.enum(['pending', 'approved', 'rejected']).optional(),
          after: idString.optional(),
          limit: z.coerce.number().int().min(1).max(maxManualPostingsPage).default(100),
        }),
        response: { 200: z.object({ manual_postings: z.array(manualPostingSchema), next_after: idString.nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const { status, after, limit } = request.query;
      const postings = await listManualPostings(store, { status, after_id: after === undefined ? undefined : BigInt(after), limit });
      const last = postings.length === limit ? postings.at(-1) : undefined;
      return { manual_postings: postings.map(manualPostingJson), next_after: last?.id.toString() ?? null };
    },
  );

  api.get(
    '/api/ledger/manual-postings/:id',
    {
      preHandler: readers,
      schema: {
        tags: ['ledger'],
        summary: 'One manual posting and its audit trail: who asked, who decided, when and why (operator, auditor)',
        params: z.object({ id: idString }),
        response: { 200: z.object({ manual_posting: manualPostingSchema, events: z.array(auditEventSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const { posting, events } = await getManualPosting(store, BigInt(request.params.id));
      return { manual_posting: manualPostingJson(posting), events: events.map(auditEventJson) };
    },
  );

  api.post(
    '/api/ledger/manual-postings/:id/approve',
    {
      ...writers,
      schema: {
        tags: ['ledger'],
        summary:
          'Approve a pending manual posting and post it (an operator other than its maker); every check runs again, and if one fails the posting stays pending (operator)',
        headers: idempotencyHeaders,
        params: z.object({ id: idString }),
        response: { 201: z.object({ manual_posting: manualPostingSchema, transaction: transactionSchema, replayed }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await approveManualPosting(
        store,
        { user_id: currentUser(request).id },
        { idempotency_key: idempotencyKeyOf(request), manual_posting_id: BigInt(request.params.id) },
        clock.now().toISOString(),
      );
      return reply.status(201).send({
        manual_posting: manualPostingJson(result.posting),
        transaction: transactionJson(result.transaction),
        replayed: result.replayed,
      });
    },
  );

  api.post(
    '/api/ledger/manual-postings/:id/reject',
    {
      ...writers,
      schema: {
        tags: ['ledger'],
        summary: 'Reject a pending manual posting with a reason; nothing is posted (any operator, its maker too: that withdraws it) (operator)',
        headers: idempotencyHeaders,
        params: z.object({ id: idString }),
        body: z.object({ reason: z.string().trim().min(1).max(500) }),
        response: { 200: manualPostingAnswer, ...errorResponses },
      },
    },
    async (request) => {
      const result = await rejectManualPosting(
        store,
        { user_id: currentUser(request).id },
        { idempotency_key: idempotencyKeyOf(request), manual_posting_id: BigInt(request.params.id), reason: request.body.reason },
        clock.now().toISOString(),
      );
      return { manual_posting: manualPostingJson(result.posting), replayed: result.replayed };
    },
  );

  api.get(
    '/api/ledger/audit',
    {
      preHandler: readers,
      schema: {
        tags: ['ledger'],
        summary: "The ledger's audit trail, oldest first, paged: every manual posting asked for, approved or rejected and every account opened by hand (operator, auditor)",
        querystring: z.object({
          after: idString.optional(),
          limit: z.coerce.number().int().min(1).max(maxManualPostingsPage).default(100),
        }),
        response: { 200: z.object({ events: z.array(auditEventSchema), next_after: idString.nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const { after, limit } = request.query;
      const events = await listLedgerAuditEvents(store, { after_id: after === undefined ? undefined : BigInt(after), limit });
      const last = events.length === limit ? events.at(-1) : undefined;
      return { events: events.map(auditEventJson), next_after: last?.id.toString() ?? null };
    },
  );

  const accountCode = z.string().min(1).max(128);
  const pageQuery = {
    before: idString.optional().describe("the previous page's next_before: only transactions older than it"),
    limit: z.coerce.number().int().min(1).max(maxTransactionsPage).default(50),
  };

  api.get(
    '/api/ledger/transactions',
    {
      preHandler: readers,
      schema: {
        tags: ['ledger'],
        summary: 'Transactions with their legs, newest first, paged (pass next_before as before); filtered by account, kind (the flow) and posting time (operator, auditor)',
        querystring: z.object({
          account: accountCode.optional().describe('only transactions with a leg on this account code'),
          kind: z.string().regex(/^[a-z][a-z0-9_.]{0,63}$/).optional().describe('only transactions of this kind: the flow that posted them'),
          posted_from: z.iso.datetime({ offset: true }).optional().describe('posted at or after this instant'),
          posted_before: z.iso.datetime({ offset: true }).optional().describe('posted before this instant'),
          ...pageQuery,
        }),
        response: { 200: z.object({ transactions: z.array(transactionSchema), next_before: idString.nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const { account, kind, posted_from, posted_before, before, limit } = request.query;
      // Instants compare as text only in one form: the ledger stores toISOString() (UTC, milliseconds).
      const instant = (value: string | undefined) => (value === undefined ? undefined : new Date(value).toISOString());
      const page = await listTransactions(store, {
        account_code: account,
        kind,
        posted_from: instant(posted_from),
        posted_before: instant(posted_before),
        before_id: before === undefined ? undefined : BigInt(before),
        limit,
      });
      return { transactions: page.transactions.map(transactionJson), next_before: page.next_before?.toString() ?? null };
    },
  );

  api.get(
    '/api/ledger/accounts/:code/transactions',
    {
      preHandler: readers,
      schema: {
        tags: ['ledger'],
        summary: "One account's transactions newest first, each with what it changed and the balance right after it, paged (operator, auditor)",
        params: z.object({ code: accountCode }),
        querystring: z.object(pageQuery),
        response: {
          200: z.object({
            account: accountSchema,
            entries: z.array(z.object({ transaction: transactionSchema, change_minor: minorAmount, balance_after_minor: minorAmount })),
            next_before: idString.nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const account = await getAccount(store, request.params.code);
      const { before, limit } = request.query;
      const page = await listAccountEntries(store, account.code, { before_id: before === undefined ? undefined : BigInt(before), limit });
      return {
        account: accountJson(account),
        entries: page.entries.map((entry) => ({
          transaction: transactionJson(entry.transaction),
          change_minor: entry.change_minor.toString(),
          balance_after_minor: entry.balance_after_minor.toString(),
        })),
        next_before: page.next_before?.toString() ?? null,
      };
    },
  );

  api.get(
    '/api/ledger/custody',
    {
      preHandler: readers,
      schema: {
        tags: ['ledger'],
        summary:
          'Custody against the prepaid wallets per currency: custody + prepaid receivables = wallets + prepaid payables + wallet refunds in transit; the difference is 0 when they agree (operator, auditor)',
        response: {
          200: z.object({
            currencies: z.array(
              z.object({
                currency: z.string(),
                custody_account_code: z.string(),
                custody_minor: minorAmount,
                wallets_minor: minorAmount,
                wallet_count: z.number().int(),
                prepaid_receivable_minor: minorAmount,
                prepaid_payables_minor: minorAmount,
                wallet_refunds_in_transit_minor: minorAmount,
                difference_minor: minorAmount,
                ok: z.boolean(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async () => {
      const summaries = await custodySummaries(store);
      return {
        currencies: summaries.map((summary) => ({
          ...summary,
          custody_minor: summary.custody_minor.toString(),
          wallets_minor: summary.wallets_minor.toString(),
          wallet_count: Number(summary.wallet_count),
          prepaid_receivable_minor: summary.prepaid_receivable_minor.toString(),
          prepaid_payables_minor: summary.prepaid_payables_minor.toString(),
          wallet_refunds_in_transit_minor: summary.wallet_refunds_in_transit_minor.toString(),
          difference_minor: summary.difference_minor.toString(),
        })),
      };
    },
  );

  api.get(
    '/api/ledger/verify',
    {
      preHandler: readers,
      schema: {
        tags: ['ledger'],
        summary: 'Recompute the journal hash chain and every balance (operator, auditor)',
        response: {
          200: z.object({
            ok: z.boolean(),
            transactions: z.number(),
            postings: z.number(),
            accounts: z.number(),
            head_seq: z.string(),
            head_hash: z.string(),
            problems: z.array(z.object({ code: z.string(), message: z.string(), transaction_id: z.string().optional(), account_code: z.string().optional() })),
          }),
          ...errorResponses,
        },
      },
    },
    async () => {
      const report = await verifyJournal(store);
      return { ...report, problems: [...report.problems] };
    },
  );
}
