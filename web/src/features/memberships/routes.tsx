import type { RouteObject } from 'react-router';

// Member pages load on demand: a visitor's first page carries none of their code.
export const routes: RouteObject[] = [
  { path: '/me', lazy: async () => ({ Component: (await import('./pages/me-page')).MePage }) },
  { path: '/me/shares', lazy: async () => ({ Component: (await import('./pages/shares-page')).SharesPage }) },
  { path: '/me/memberships/:membership_id', lazy: async () => ({ Component: (await import('./pages/membership-page')).MembershipPage }) },
  { path: '/join/:plan_id', lazy: async () => ({ Component: (await import('./pages/join-page')).JoinPage }) },
];
