import type { RouteObject } from 'react-router';

export const routes: RouteObject[] = [
  { path: 'plans', lazy: async () => ({ Component: (await import('./pages/plans-page')).PlansPage }) },
  { path: 'plans/:plan_id', lazy: async () => ({ Component: (await import('./pages/plan-page')).PlanPage }) },
];
