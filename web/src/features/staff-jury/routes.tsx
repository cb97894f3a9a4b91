import type { RouteObject } from 'react-router';

// The operator's jury administration (web/README.md), under /staff: lazy, so it costs the first load nothing.
export const routes: RouteObject[] = [
  { path: '/staff/jury', lazy: async () => ({ Component: (await import('./pages/juries-page')).JuriesPage }) },
  { path: '/staff/jury/:claim_id', lazy: async () => ({ Component: (await import('./pages/jury-admin-page')).JuryAdminPage }) },
];
