import type { PageEntry } from './page-entry.js';

/** The juror's pages (web/src/features/jury), seen by demo-juror: a qualified juror drawn on a panel. */
export const pages: PageEntry[] = [
  {
    name: 'jury',
    viewer: 'juror',
    path: '/jury',
    ready: (page) => page.locator('section[aria-labelledby="jury-panels"] :is(.jury-list, p.muted)').first().waitFor(),
  },
  {
    name: 'jury-quiz',
    viewer: 'juror',
    path: '/jury/quiz',
    ready: (page) => page.getByRole('radio').first().waitFor(),
  },
  {
    name: 'jury-panel',
    viewer: 'juror',
    path: async (scene) => {
      const mine = await scene.api<{ panels: Array<{ claim_id: string }> }>('/api/jury/panels/mine');
      const seat = mine.panels[0];
      if (seat === undefined) throw new Error('demo-juror sits on no panel');
      return `/jury/panels/${seat.claim_id}`;
    },
    ready: (page) => page.locator('section[aria-labelledby="jury-rules"]').waitFor(),
  },
];
