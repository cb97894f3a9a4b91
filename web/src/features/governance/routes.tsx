import type { RouteObject } from 'react-router';

// The members' votes on rule changes (issue 14): lazy, so they cost the first load nothing.
export const routes: RouteObject[] = [
  { path: '/proposals', lazy: async () => ({ Component: (await import('./pages/proposals-page')).ProposalsPage }) },
  { path: '/proposals/:id', lazy: async () => ({ Component: (await import('./pages/proposal-page')).ProposalPage }) },
  /** Public, beside the plan's page (which links to it by path). */
  { path: '/plans/:plan_id/proposals', lazy: async () => ({ Component: (await import('./pages/public-proposals-page')).PublicProposalsPage }) },
];

/** The staff page, under /staff. */
export const staffRoutes: RouteObject[] = [
  { path: '/staff/proposals', lazy: async () => ({ Component: (await import('./pages/staff-proposals-page')).StaffProposalsPage }) },
];
