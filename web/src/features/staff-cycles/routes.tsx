import type { RouteObject } from 'react-router';

// The feature's staff pages (web/README.md), under /staff: lazy, so they cost the first load nothing.
export const routes: RouteObject[] = [
  { path: '/staff/cycles', lazy: async () => ({ Component: (await import('./pages/cycles-page')).StaffCyclesPage }) },
  { path: '/staff/cycles/jobs/:job_id', lazy: async () => ({ Component: (await import('./pages/job-page')).CycleJobPage }) },
  { path: '/staff/cycles/:cycle_id', lazy: async () => ({ Component: (await import('./pages/cycle-report-page')).StaffCycleReportPage }) },
  { path: '/staff/payouts', lazy: async () => ({ Component: (await import('./pages/payouts-page')).StaffPayoutsPage }) },
  { path: '/staff/payouts/advances', lazy: async () => ({ Component: (await import('./pages/advances-page')).StaffAdvancesPage }) },
];
