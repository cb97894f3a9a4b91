import type { RouteObject } from 'react-router';

// A membership's money pages, loaded on demand.
export const routes: RouteObject[] = [
  { path: '/me/memberships/:membership_id/wallet', lazy: async () => ({ Component: (await import('./pages/wallet-page')).WalletPage }) },
  { path: '/me/memberships/:membership_id/bills', lazy: async () => ({ Component: (await import('./pages/bills-page')).BillsPage }) },
];
