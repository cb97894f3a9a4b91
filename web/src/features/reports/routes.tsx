import type { RouteObject } from 'react-router';

// The feature's staff page (web/README.md), under /staff: lazy, so it costs the first load nothing.
export const routes: RouteObject[] = [
  { path: '/staff/reports', lazy: async () => ({ Component: (await import('./pages/reports-page')).ReportsPage }) },
];
