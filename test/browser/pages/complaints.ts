import type { PageEntry } from './page-entry.js';

const staffRoles = ['operator', 'reviewer'] as const;

/**
 * The complaint pages (web/src/features/complaints) and the operator's details (operator-info).
 * The demo seeds demo-member's answered complaint and demo-prepaid's overdue one.
 */
export const pages: PageEntry[] = [
  {
    name: 'complaints-mine',
    viewer: 'member',
    path: '/complaints',
    ready: (page) => page.locator('.complaints-list li, main .card').first().waitFor(),
  },
  {
    name: 'complaints-new-claim',
    viewer: 'member',
    path: async (scene) => {
      const { claims } = await scene.api<{ claims: Array<{ claim_id: string }> }>('/api/claims/mine');
      return claims[0] === undefined ? '/complaints/new' : `/complaints/new?kind=claim&id=${claims[0].claim_id}`;
    },
    ready: (page) => page.locator('main form textarea').waitFor(),
  },
  {
    name: 'complaints-new',
    viewer: 'prepaid',
    path: '/complaints/new',
    ready: (page) => page.locator('main form textarea').waitFor(),
  },
  {
    name: 'complaint',
    viewer: 'member',
    path: async (scene) => {
      const { complaints } = await scene.api<{ complaints: Array<{ complaint_id: string }> }>('/api/complaints/mine');
      return `/complaints/${complaints[0]?.complaint_id ?? '999999'}`;
    },
    ready: (page) => page.locator('main h1').waitFor(),
  },
  {
    name: 'staff-complaints-queue',
    viewer: 'operator',
    path: '/staff/complaints',
    roles: staffRoles,
    viewports: ['desktop', 'tablet'],
    ready: (page) => page.locator('table.complaints-table tbody tr, main .card').first().waitFor(),
  },
  {
    name: 'staff-complaint',
    viewer: 'reviewer',
    path: async (scene) => {
      const { complaints } = await scene.api<{ complaints: Array<{ complaint_id: string }> }>('/api/complaints?overdue=true');
      return `/staff/complaints/${complaints[0]?.complaint_id ?? '999999'}`;
    },
    roles: staffRoles,
    viewports: ['desktop', 'tablet'],
    ready: (page) => page.locator('main h1').waitFor(),
  },
  {
    name: 'operator-settings',
    viewer: 'admin',
    path: '/staff/admin/operator',
    roles: ['admin'],
    viewports: ['desktop', 'tablet'],
    ready: (page) => page.locator('form.operator-settings-form').waitFor(),
  },
  {
    name: 'about-operator',
    viewer: 'visitor',
    path: '/about/operator',
    ready: (page) => page.locator('main dl.facts, main .alert').first().waitFor(),
  },
];
