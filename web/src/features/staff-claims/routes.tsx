import type { RouteObject } from 'react-router';

// The feature's staff pages (web/README.md), under /staff: lazy, so they cost the first load nothing.
export const routes: RouteObject[] = [
  { path: '/staff/claims', lazy: async () => ({ Component: (await import('./pages/queue-page')).QueuePage }) },
  { path: '/staff/claims/:claim_id', lazy: async () => ({ Component: (await import('./pages/workbench-page')).WorkbenchPage }) },
];
