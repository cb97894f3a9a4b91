import type { RouteObject } from 'react-router';

// Member pages (the claim and wallet pages link to /complaints/new?kind=…&id=…), loaded on demand.
export const routes: RouteObject[] = [
  { path: '/complaints', lazy: async () => ({ Component: (await import('./pages/my-complaints-page')).MyComplaintsPage }) },
  { path: '/complaints/new', lazy: async () => ({ Component: (await import('./pages/new-complaint-page')).NewComplaintPage }) },
  { path: '/complaints/:complaint_id', lazy: async () => ({ Component: (await import('./pages/complaint-page')).ComplaintPage }) },
];

// Staff pages, under /staff.
export const staffRoutes: RouteObject[] = [
  { path: '/staff/complaints', lazy: async () => ({ Component: (await import('./pages/staff-queue-page')).StaffQueuePage }) },
  { path: '/staff/complaints/:complaint_id', lazy: async () => ({ Component: (await import('./pages/staff-complaint-page')).StaffComplaintPage }) },
];
