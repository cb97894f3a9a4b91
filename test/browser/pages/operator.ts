import type { PageEntry } from './page-entry.js';

/** staffAccess (web/src/shared/auth/staff-access.ts) of the operator's sections. */
const dashboard = ['operator'];
const plans = ['operator'];
const members = ['operator'];
const viewports = ['desktop', 'tablet'] as const;

/** A demo membership, as the operator finds it (masked data only). */
async function firstMembership(scene: Parameters<Exclude<PageEntry['path'], string>>[0]) {
  const page = await scene.api<{ memberships: Array<{ membership_id: string; member_code: string }> }>('/api/memberships?limit=1');
  const membership = page.memberships[0];
  if (membership === undefined) throw new Error('the demo community has no membership');
  return membership;
}

/** The operator's pages (web/src/features/operator), seen by demo-operator on the demo community. */
export const pages: PageEntry[] = [
  {
    name: 'operator-dashboard',
    viewer: 'operator',
    roles: dashboard,
    viewports,
    path: '/staff/operator',
    ready: (page) => page.locator('[data-testid="operator-next-cycle"]').waitFor(),
  },
  {
    name: 'operator-plans',
    viewer: 'operator',
    roles: plans,
    viewports,
    path: '/staff/plans',
    ready: (page) => page.locator('table tbody tr').first().waitFor(),
  },
  {
    name: 'operator-plan-new',
    viewer: 'operator',
    roles: plans,
    viewports,
    path: '/staff/plans/new',
    ready: (page) => page.locator('input[name="caps.per_case_minor"]').waitFor(),
  },
  {
    name: 'operator-plan-history',
    viewer: 'operator',
    roles: plans,
    viewports,
    path: '/staff/plans/critical-illness',
    ready: (page) => page.locator('[data-testid="operator-version-1"]').waitFor(),
  },
  {
    name: 'operator-version-new',
    viewer: 'operator',
    roles: plans,
    viewports,
    path: '/staff/plans/critical-illness/versions/new',
    ready: (page) => page.locator('table.operator-diff tbody tr').first().waitFor(),
  },
  {
    name: 'operator-members',
    viewer: 'operator',
    roles: members,
    viewports,
    path: async (scene) => `/staff/members?code=${(await firstMembership(scene)).member_code.slice(0, 5)}`,
    ready: (page) => page.locator('table caption').waitFor(),
  },
  {
    name: 'operator-member',
    viewer: 'operator',
    roles: members,
    viewports,
    path: async (scene) => `/staff/members/${(await firstMembership(scene)).membership_id}`,
    ready: (page) => page.locator('section[aria-labelledby="operator-memberships-title"] li').first().waitFor(),
  },
  {
    name: 'operator-closure',
    viewer: 'operator',
    roles: ['operator'],
    viewports,
    path: '/staff/closure',
    ready: (page) => page.locator('main select option').nth(1).waitFor({ state: 'attached' }),
  },
];
