import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api/client';

export type LedgerAccount = Awaited<ReturnType<typeof fetchAccount>>['account'];
export type LedgerTransaction = Awaited<ReturnType<typeof fetchTransaction>>['transaction'];
export type AccountEntry = Awaited<ReturnType<typeof fetchEntries>>['entries'][number];
export type ManualPosting = Awaited<ReturnType<typeof fetchPosting>>['manual_posting'];
export type LedgerAuditEvent = Awaited<ReturnType<typeof fetchPosting>>['events'][number];
export type CustodyFigures = Awaited<ReturnType<typeof fetchCustody>>['currencies'][number];
export type JournalReport = Awaited<ReturnType<typeof fetchVerify>>;
export type PostingStatus = ManualPosting['status'];

export interface TransactionFilter {
  readonly account?: string;
  readonly kind?: string;
  readonly posted_from?: string;
  readonly posted_before?: string;
}

/** Page sizes: a table screenful; "show more" asks for the next. */
const accountsPage = 100;
const transactionsPage = 50;
const postingsPage = 100;

const keys = {
  all: ['ledger'] as const,
  accounts: (prefix: string) => ['ledger', 'accounts', prefix] as const,
  account: (code: string) => ['ledger', 'account', code] as const,
  entries: (code: string, limit: number) => ['ledger', 'entries', code, limit] as const,
  transactions: (filter: TransactionFilter) => ['ledger', 'transactions', filter] as const,
  transaction: (id: string) => ['ledger', 'transaction', id] as const,
  postings: (status: PostingStatus | undefined) => ['ledger', 'postings', status ?? 'all'] as const,
  posting: (id: string) => ['ledger', 'posting', id] as const,
  custody: ['ledger', 'custody'] as const,
  verify: ['ledger', 'verify'] as const,
};

const fetchAccount = (code: string) => unwrap(api.GET('/api/ledger/accounts/{code}', { params: { path: { code } } }));
const fetchTransaction = (id: string) => unwrap(api.GET('/api/ledger/transactions/{id}', { params: { path: { id } } }));
const fetchEntries = (code: string, limit: number, before?: string) =>
  unwrap(api.GET('/api/ledger/accounts/{code}/transactions', { params: { path: { code }, query: { limit, ...(before === undefined ? {} : { before }) } } }));
const fetchPosting = (id: string) => unwrap(api.GET('/api/ledger/manual-postings/{id}', { params: { path: { id } } }));
const fetchCustody = () => unwrap(api.GET('/api/ledger/custody'));
const fetchVerify = () => unwrap(api.GET('/api/ledger/verify'));

/** Accounts by code, optionally those whose code starts with `prefix`, a page at a time. */
export function useAccounts(prefix: string) {
  return useInfiniteQuery({
    queryKey: keys.accounts(prefix),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/ledger/accounts', {
          params: { query: { limit: accountsPage, ...(prefix === '' ? {} : { prefix }), ...(pageParam === undefined ? {} : { after: pageParam }) } },
        }),
      ),
    getNextPageParam: (last) => (last.accounts.length === accountsPage ? last.accounts.at(-1)?.code : undefined),
  });
}

export function useAccount(code: string) {
  return useQuery({ queryKey: keys.account(code), queryFn: () => fetchAccount(code) });
}

/** One account's transactions newest first with the balance after each; `limit` a page. */
export function useAccountEntries(code: string, limit = transactionsPage) {
  return useInfiniteQuery({
    queryKey: keys.entries(code, limit),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchEntries(code, limit, pageParam),
    getNextPageParam: (last) => last.next_before ?? undefined,
  });
}

export function useTransactions(filter: TransactionFilter) {
  return useInfiniteQuery({
    queryKey: keys.transactions(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/ledger/transactions', { params: { query: { ...filter, limit: transactionsPage, ...(pageParam === undefined ? {} : { before: pageParam }) } } })),
    getNextPageParam: (last) => last.next_before ?? undefined,
  });
}

export function useTransaction(id: string) {
  return useQuery({ queryKey: keys.transaction(id), queryFn: () => fetchTransaction(id) });
}

export function useManualPostings(status: PostingStatus | undefined) {
  return useInfiniteQuery({
    queryKey: keys.postings(status),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/ledger/manual-postings', {
          params: { query: { limit: postingsPage, ...(status === undefined ? {} : { status }), ...(pageParam === undefined ? {} : { after: pageParam }) } },
        }),
      ),
    getNextPageParam: (last) => last.next_after ?? undefined,
  });
}

export function useManualPosting(id: string) {
  return useQuery({ queryKey: keys.posting(id), queryFn: () => fetchPosting(id) });
}

export function useCustody() {
  return useQuery({ queryKey: keys.custody, queryFn: fetchCustody });
}

/** The journal verification reads the whole journal: it runs when asked (`enabled`), not on every visit. */
export function useVerify(enabled: boolean) {
  return useQuery({ queryKey: keys.verify, queryFn: fetchVerify, enabled, staleTime: Infinity, gcTime: 0 });
}

/** After a ledger write every list may have changed: balances, postings, the journal. */
function useRefreshLedger() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export interface ProposedPosting {
  readonly description: string;
  readonly currency: string;
  readonly debit_account: string;
  readonly credit_account: string;
  readonly amount_minor: string;
}

export function useProposePosting() {
  const refresh = useRefreshLedger();
  return useMutation({
    mutationFn: ({ posting, idempotency_key }: { posting: ProposedPosting; idempotency_key: string }) =>
      unwrap(
        api.POST('/api/ledger/transactions', {
          params: { header: { 'idempotency-key': idempotency_key } },
          body: {
            description: posting.description,
            currency: posting.currency,
            legs: [
              { account_code: posting.debit_account, side: 'debit', amount_minor: posting.amount_minor },
              { account_code: posting.credit_account, side: 'credit', amount_minor: posting.amount_minor },
            ],
          },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useApprovePosting() {
  const refresh = useRefreshLedger();
  return useMutation({
    mutationFn: ({ id, idempotency_key }: { id: string; idempotency_key: string }) =>
      unwrap(api.POST('/api/ledger/manual-postings/{id}/approve', { params: { path: { id }, header: { 'idempotency-key': idempotency_key } } })),
    onSettled: refresh,
  });
}

export function useRejectPosting() {
  const refresh = useRefreshLedger();
  return useMutation({
    mutationFn: ({ id, reason, idempotency_key }: { id: string; reason: string; idempotency_key: string }) =>
      unwrap(api.POST('/api/ledger/manual-postings/{id}/reject', { params: { path: { id }, header: { 'idempotency-key': idempotency_key } }, body: { reason } })),
    onSettled: refresh,
  });
}

export interface NewOperatorAccount {
  readonly code: string;
  readonly name: string;
  readonly type: LedgerAccount['type'];
  readonly currency: string;
  readonly guard: LedgerAccount['guard'];
}

export function useOpenAccount() {
  const refresh = useRefreshLedger();
  return useMutation({
    mutationFn: ({ account, idempotency_key }: { account: NewOperatorAccount; idempotency_key: string }) =>
      unwrap(api.POST('/api/ledger/accounts', { params: { header: { 'idempotency-key': idempotency_key } }, body: account })),
    onSuccess: refresh,
  });
}
