import type { PageEntry } from './page-entry.js';

/** The members' votes on rule changes (web/src/features/governance); the demo seeds one closed and one open proposal. */
const plan_id = 'community-critical-illness';

export const pages: PageEntry[] = [
  {
    name: 'proposals',
    viewer: 'member',
    path: '/proposals',
    ready: (page) => page.locator('.governance-list, main p.muted').first().waitFor(),
  },
  {
    name: 'proposal',
    viewer: 'member',
    path: async (scene) => {
      const { proposals } = await scene.api<{ proposals: Array<{ id: string; status: string }> }>('/api/proposals');
      const open = proposals.find((proposal) => proposal.status === 'voting') ?? proposals[0];
      if (open === undefined) throw new Error('demo-member sees no proposal');
      return `/proposals/${open.id}`;
    },
    ready: (page) => page.locator('table.governance-diff').first().waitFor(),
  },
  {
    name: 'plan-proposals',
    viewer: 'visitor',
    path: `/plans/${plan_id}/proposals`,
    ready: (page) => page.locator('.governance-public, main p.muted').first().waitFor(),
  },
  {
    name: 'staff-proposals',
    viewer: 'operator',
    roles: ['operator'],
    viewports: ['desktop', 'tablet'],
    path: `/staff/proposals?plan=${plan_id}`,
    ready: (page) => page.locator('article .governance-diff, #governance-create ~ h2 ~ p.muted').first().waitFor(),
  },
];
