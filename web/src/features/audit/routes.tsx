import type { RouteObject } from 'react-router';

// The feature's staff pages (web/README.md), under /staff: lazy, so they cost the first load nothing.
export const routes: RouteObject[] = [
  { path: '/staff/audit', lazy: async () => ({ Component: (await import('./pages/audit-page')).AuditPage }) },
];
