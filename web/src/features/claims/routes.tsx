import type { RouteObject } from 'react-router';

// Member pages, loaded on demand (web/README.md lists the paths).
export const routes: RouteObject[] = [
  { path: '/me/claims', lazy: async () => ({ Component: (await import('./pages/my-claims-page')).MyClaimsPage }) },
  { path: '/me/claims/new', lazy: async () => ({ Component: (await import('./pages/new-claim-page')).NewClaimPage }) },
  { path: '/me/claims/:claim_id', lazy: async () => ({ Component: (await import('./pages/claim-page')).ClaimPage }) },
];
