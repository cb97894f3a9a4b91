import type { RouteObject } from 'react-router';

// The feature's staff pages (web/README.md), under /staff: lazy, so they cost the first load nothing.
export const routes: RouteObject[] = [
  { path: '/staff/operator', lazy: async () => ({ Component: (await import('./pages/dashboard-page')).DashboardPage }) },
  { path: '/staff/plans', lazy: async () => ({ Component: (await import('./pages/plans-page')).PlansPage }) },
  { path: '/staff/plans/new', lazy: async () => ({ Component: (await import('./pages/new-plan-page')).NewPlanPage }) },
  { path: '/staff/plans/:plan_id', lazy: async () => ({ Component: (await import('./pages/plan-history-page')).PlanHistoryPage }) },
  { path: '/staff/plans/:plan_id/versions/new', lazy: async () => ({ Component: (await import('./pages/new-version-page')).NewVersionPage }) },
  { path: '/staff/members', lazy: async () => ({ Component: (await import('./pages/members-page')).MembersPage }) },
  { path: '/staff/members/:membership_id', lazy: async () => ({ Component: (await import('./pages/member-page')).MemberPage }) },
];
