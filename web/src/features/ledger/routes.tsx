import type { RouteObject } from 'react-router';

// The ledger's staff pages (web/README.md), under /staff: lazy, so they cost the first load nothing.
export const routes: RouteObject[] = [
  { path: '/staff/ledger', lazy: async () => ({ Component: (await import('./pages/accounts-page')).AccountsPage }) },
  { path: '/staff/ledger/accounts/:code', lazy: async () => ({ Component: (await import('./pages/account-page')).AccountPage }) },
  { path: '/staff/ledger/transactions', lazy: async () => ({ Component: (await import('./pages/transactions-page')).TransactionsPage }) },
  { path: '/staff/ledger/transactions/:id', lazy: async () => ({ Component: (await import('./pages/transaction-page')).TransactionPage }) },
  { path: '/staff/ledger/postings', lazy: async () => ({ Component: (await import('./pages/postings-page')).PostingsPage }) },
  { path: '/staff/ledger/postings/:id', lazy: async () => ({ Component: (await import('./pages/posting-page')).PostingPage }) },
  { path: '/staff/ledger/custody', lazy: async () => ({ Component: (await import('./pages/custody-page')).CustodyPage }) },
  { path: '/staff/ledger/verify', lazy: async () => ({ Component: (await import('./pages/verify-page')).VerifyPage }) },
];
