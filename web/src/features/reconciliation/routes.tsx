import type { RouteObject } from 'react-router';

// The auditor's reconciliation view, under /staff: lazy, so it costs the first load nothing.
export const routes: RouteObject[] = [
  { path: '/staff/reconciliation', lazy: async () => ({ Component: (await import('./pages/reconciliation-page')).ReconciliationPage }) },
];
