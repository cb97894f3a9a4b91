import type { PageEntry } from './page-entry.js';

/** The auditor's page (web/src/features/audit): its read-only links and every CSV table with its columns. */
export const pages: PageEntry[] = [
  {
    name: 'staff-audit',
    viewer: 'auditor',
    path: '/staff/audit',
    // staffAccess.audit (web/src/shared/auth/staff-access.ts); the web code is not in the tests' TypeScript project.
    roles: ['auditor', 'operator'],
    viewports: ['desktop', 'tablet'],
    ready: (page) => page.locator('section#claim_audit table tbody tr').first().waitFor(),
  },
];
