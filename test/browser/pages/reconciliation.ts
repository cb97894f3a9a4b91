import type { PageEntry } from './page-entry.js';

/** The auditor's reconciliation view (web/src/features/reconciliation): the demo's statement, its days and its one break. */
export const pages: PageEntry[] = [
  {
    name: 'staff-reconciliation',
    viewer: 'auditor',
    path: '/staff/reconciliation',
    // staffAccess.reconciliation (web/src/shared/auth/staff-access.ts); the web code is not in the tests' TypeScript project.
    roles: ['auditor', 'operator'],
    viewports: ['desktop', 'tablet', 'phone'],
    ready: async (page) => {
      await page.locator('table.recon-days tbody tr').first().waitFor();
      await page.locator('table.recon-breaks tbody tr').first().waitFor();
    },
  },
];
