import type { PageEntry } from './page-entry.js';

const jury = ['operator'] as const;

/** The operator's jury administration (web/src/features/staff-jury), seen by demo-operator on the demo's juries. */
export const pages: PageEntry[] = [
  {
    name: 'staff-jury',
    viewer: 'operator',
    roles: jury,
    viewports: ['desktop', 'tablet'],
    path: '/staff/jury',
    ready: (page) => page.locator('table.staff-jury-table tbody tr, p.staff-jury-empty').first().waitFor(),
  },
  {
    name: 'staff-jury-detail',
    viewer: 'operator',
    roles: jury,
    viewports: ['desktop', 'tablet'],
    // The demo's open jury (demo-juror has a seat on it): the seed, the draw and the vote count.
    path: async (scene) => {
      const voting = await scene.api<{ juries: Array<{ claim_id: string }> }>('/api/juries?phase=voting&limit=1');
      const first = voting.juries[0] ?? (await scene.api<{ juries: Array<{ claim_id: string }> }>('/api/juries?limit=1')).juries[0];
      if (first === undefined) throw new Error('the demo has no jury');
      return `/staff/jury/${first.claim_id}`;
    },
    ready: (page) => page.locator('section[aria-labelledby="staff-jury-seed"] [role="status"]').waitFor(),
  },
];
