import type { PageEntry } from './page-entry.js';

/** The administrator's pages (web/src/features/admin), seen by demo-admin. */
export const pages: PageEntry[] = [
  {
    name: 'admin-users',
    viewer: 'admin',
    roles: ['admin'],
    viewports: ['desktop', 'tablet'],
    path: '/staff/admin/users',
    ready: (page) => page.locator('table.admin-users-table tbody tr').first().waitFor(),
  },
  {
    name: 'admin-persons',
    viewer: 'admin',
    roles: ['admin'],
    viewports: ['desktop', 'tablet'],
    // No personal data before a lookup: the form and the audit log (empty on the demo, or its rows).
    path: '/staff/admin/persons',
    ready: (page) => page.locator('section[aria-labelledby="admin-log"] :is(table.admin-log-table, p.admin-log-empty)').first().waitFor(),
  },
];
