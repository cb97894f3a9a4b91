import type { RouteObject } from 'react-router';

// The public closure status and a member's own refund line (web/README.md).
export const routes: RouteObject[] = [
  { path: '/plans/:plan_id/closure', lazy: async () => ({ Component: (await import('./pages/closure-status-page')).ClosureStatusPage }) },
  { path: '/memberships/:id/closure', lazy: async () => ({ Component: (await import('./pages/my-refund-page')).MyRefundPage }) },
];

// The operator's console page, under /staff.
export const staffRoutes: RouteObject[] = [{ path: '/staff/closure', lazy: async () => ({ Component: (await import('./pages/closure-console-page')).ClosureConsolePage }) }];
