import type { RouteObject } from 'react-router';

// The feature's pages (web/README.md), lazy, so they cost the first load nothing.

/** The public health page of a plan, beside the plan's own page (which links to it by path). */
export const routes: RouteObject[] = [
  { path: 'plans/:plan_id/health', lazy: async () => ({ Component: (await import('./pages/health-page')).HealthPage }) },
];

/** The staff pages, under /staff. */
export const staffRoutes: RouteObject[] = [
  { path: '/staff/sustainability', lazy: async () => ({ Component: (await import('./pages/metrics-page')).MetricsPage }) },
  { path: '/staff/sustainability/simulator', lazy: async () => ({ Component: (await import('./pages/simulator-page')).SimulatorPage }) },
  { path: '/staff/sustainability/simulations/:id', lazy: async () => ({ Component: (await import('./pages/run-page')).RunPage }) },
  { path: '/staff/sustainability/compare', lazy: async () => ({ Component: (await import('./pages/compare-page')).ComparePage }) },
];
