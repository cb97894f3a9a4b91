import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountGuards, accountTypes, type Account } from '../../ledger/account.js';
import { getAccount, getTransaction, listAccounts, openAccount, postTransfer, reverseTransaction, type PostResult } from '../../ledger/ledger.js';
import { verifyJournal } from '../../ledger/verify-journal.js';
import type { Clock } from '../../services/clock.js';
import type { Store } from '../../store/store.js';
import { requireRoles } from '../auth.js';
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

function transactionJson(transaction: PostResult['transaction']) {
  return {
    ...transaction,
    id: transaction.id.toString(),
    reverses_id: transaction.reverses_id?.toString() ?? null,
    metadata: { ...transaction.metadata },
    legs: transaction.legs.map((leg) => ({ ...leg, amount_minor: leg.amount_minor.toString() })),
  };
}

export function ledgerRoutes(app: FastifyInstance, store: Store, clock: Clock): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const readers = requireRoles('operator', 'auditor');
  const writers = requireRoles('operator');

  api.post(
    '/api/ledger/accounts',
    {
      preHandler: writers,
      schema: {
        tags: ['ledger'],
        summary: 'Open an account (idempotent for an identical definition)',
        body: z.object({
          code: z.string().max(128),
          name: z.string().max(200),
          type: z.enum(accountTypes),
          currency: z.string().length(3),
          guard: z.enum(accountGuards).default('none'),
        }),
        response: { 200: z.object({ account: accountSchema }), ...errorResponses },
      },
    },
    async (request) => ({ account: accountJson(await openAccount(store, request.body, clock.now().toISOString())) }),
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
      preHandler: writers,
      schema: {
        tags: ['ledger'],
        summary: 'Post a balanced transaction; replaying its idempotency key returns the first result',
        body: z.object({
          idempotency_key: z.string().min(1).max(200),
          description: z.string().max(500).default(''),
          currency: z.string().length(3),
          legs: z.array(legSchema).min(2).max(1000),
          metadata: z.record(z.string().max(64), z.string().max(500)).optional(),
        }),
        response: { 200: z.object({ transaction: transactionSchema, replayed: z.boolean() }), 201: z.object({ transaction: transactionSchema, replayed: z.boolean() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result = await postTransfer(
        store,
        { ...body, legs: body.legs.map((leg) => ({ ...leg, amount_minor: BigInt(leg.amount_minor) })) },
        clock.now().toISOString(),
      );
      return reply.status(result.replayed ? 200 : 201).send({ transaction: transactionJson(result.transaction), replayed: result.replayed });
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
      preHandler: writers,
      schema: {
        tags: ['ledger'],
        summary: 'Correct a transaction by posting its reversal (once)',
        params: z.object({ id: idString }),
        body: z.object({ idempotency_key: z.string().min(1).max(200), description: z.string().max(500).optional() }),
        response: { 200: z.object({ transaction: transactionSchema, replayed: z.boolean() }), 201: z.object({ transaction: transactionSchema, replayed: z.boolean() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await reverseTransaction(
        store,
        { transaction_id: BigInt(request.params.id), idempotency_key: request.body.idempotency_key, description: request.body.description },
        clock.now().toISOString(),
      );
      return reply.status(result.replayed ? 200 : 201).send({ transaction: transactionJson(result.transaction), replayed: result.replayed });
    },
  );

  api.get(
    '/api/ledger/verify',
    {
      preHandler: requireRoles('auditor'),
      schema: {
        tags: ['ledger'],
        summary: 'Recompute the journal hash chain and every balance',
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
