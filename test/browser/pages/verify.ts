import type { PageEntry } from './page-entry.js';

interface Household {
  persons: Array<{ memberships: Array<{ membership_id: string; plan_id: string }> }>;
}

interface Cycles {
  cycles: Array<{ cycle_id: string; plan_id: string; merkle_root_hex: string | null }>;
}

const operatorKeyShown = /^[0-9a-f]{64}$/;

/** The verify feature's pages (web/src/features/verify): all public, and the member's own proof. */
export const pages: PageEntry[] = [
  {
    name: 'verify',
    viewer: 'visitor',
    path: '/verify',
    async ready(page) {
      await page.getByTestId('operator-key').getByText(operatorKeyShown).waitFor();
    },
  },
  {
    name: 'verify-share',
    viewer: 'visitor',
    path: '/verify/share',
    async ready(page) {
      await page.locator('form textarea').waitFor();
    },
  },
  {
    name: 'verify-cycle',
    viewer: 'visitor',
    path: '/verify/cycle',
    async ready(page) {
      await page.getByTestId('operator-key').getByText(operatorKeyShown).waitFor();
      await page.locator('form select').waitFor();
    },
  },
  {
    // The link of the member's share history: the member's own proof, checked at once.
    name: 'verify-share-member',
    viewer: 'member',
    public: true,
    async path(scene) {
      const household = await scene.api<Household>('/api/members/me');
      const membership = household.persons.flatMap((person) => person.memberships)[0];
      if (membership === undefined) throw new Error('the demo member has no membership');
      const { cycles } = await scene.api<Cycles>(`/api/public/cycles?plan_id=${encodeURIComponent(membership.plan_id)}`);
      const cycle = cycles.find((candidate) => candidate.merkle_root_hex !== null);
      if (cycle === undefined) throw new Error(`no published cycle of plan ${membership.plan_id}`);
      return `/verify/share?membership=${membership.membership_id}&cycle=${cycle.cycle_id}`;
    },
    async ready(page) {
      await page.locator('.verify-verdict, [role="alert"]').first().waitFor();
    },
  },
];
