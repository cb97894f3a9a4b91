import type { PageEntry } from './page-entry.js';

/** The supervisor report page (web/src/features/reports): last month's report of the demo community, its tables and downloads. */
export const pages: PageEntry[] = [
  {
    name: 'staff-reports',
    viewer: 'auditor',
    path: '/staff/reports',
    // staffAccess.reports (web/src/shared/auth/staff-access.ts); the web code is not in the tests' TypeScript project.
    roles: ['auditor', 'operator'],
    viewports: ['desktop', 'tablet', 'phone'],
    ready: (page) => page.locator('section[aria-labelledby="report-members"] table tbody tr').first().waitFor(),
  },
];
