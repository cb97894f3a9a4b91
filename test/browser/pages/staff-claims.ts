import type { PageEntry } from './page-entry.js';

const roles = ['reviewer', 'investigator', 'operator', 'auditor'] as const;

/** The staff claims pages (web/src/features/staff-claims): the queue and the workbench, desktop-first. */
export const pages: PageEntry[] = [
  {
    name: 'staff-claims-queue',
    viewer: 'reviewer',
    path: '/staff/claims',
    roles,
    viewports: ['desktop', 'tablet'],
    ready: (page) => page.locator('table.staff-claims-table tbody tr').first().waitFor(),
  },
  {
    // demo-investigator sees only the claims assigned to her (the demo leaves one open).
    name: 'staff-claims-queue-investigator',
    viewer: 'investigator',
    path: '/staff/claims',
    roles,
    viewports: ['desktop', 'tablet'],
    ready: (page) => page.locator('table.staff-claims-table tbody tr').first().waitFor(),
  },
  {
    name: 'staff-claims-workbench',
    viewer: 'reviewer',
    path: async (scene) => {
      const queue = await scene.api<{ claims: Array<{ claim_id: string }> }>('/api/claims/queue?state=objected');
      const claim = queue.claims[0];
      if (claim === undefined) throw new Error('the demo has no objected claim');
      return `/staff/claims/${claim.claim_id}`;
    },
    roles,
    viewports: ['desktop', 'tablet'],
    ready: (page) => page.locator('section[aria-labelledby="wb-checks"] tbody tr').first().waitFor(),
  },
];
