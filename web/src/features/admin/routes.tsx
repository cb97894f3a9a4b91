import type { RouteObject } from 'react-router';

// The administrator's pages (web/README.md), under /staff: lazy, so they cost the first load nothing.
export const routes: RouteObject[] = [
  { path: '/staff/admin/users', lazy: async () => ({ Component: (await import('./pages/users-page')).UsersPage }) },
  { path: '/staff/admin/persons', lazy: async () => ({ Component: (await import('./pages/persons-page')).PersonsPage }) },
];
