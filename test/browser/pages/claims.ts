import type { PageEntry } from './page-entry.js';

/** The member's claim pages, objections and messages (web/src/features/claims, objections, notifications). */
export const pages: PageEntry[] = [
  {
    name: 'claims-list',
    viewer: 'member',
    path: '/me/claims',
    ready: (page) => page.locator('.claims-list, main .card').first().waitFor(),
  },
  {
    name: 'claims-new',
    viewer: 'member',
    path: '/me/claims/new',
    ready: (page) => page.locator('main form, main .card').first().waitFor(),
  },
  {
    name: 'claim',
    viewer: 'member',
    // The member's newest claim; with none, the page says so (its "not found" state).
    path: async (scene) => {
      const { claims } = await scene.api<{ claims: Array<{ claim_id: string }> }>('/api/claims/mine');
      return `/me/claims/${claims[0]?.claim_id ?? '0'}`;
    },
    ready: (page) => page.locator('main h1').waitFor(),
  },
  {
    name: 'objections',
    viewer: 'member',
    path: '/me/objections',
    ready: (page) => page.locator('.objections-list, main .card').first().waitFor(),
  },
  {
    name: 'notifications',
    viewer: 'member',
    path: '/me/notifications',
    ready: (page) => page.locator('.notifications-list, main .card').first().waitFor(),
  },
];
