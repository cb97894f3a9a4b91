import type { Page } from 'playwright-core';
import type { PageEntry, PageScene } from './page-entry.js';

/** The memberships and wallet pages (web/src/features/memberships, web/src/features/wallet). */
interface Household {
  persons: Array<{ relationship: string; memberships: Array<{ membership_id: string; funding_model: 'post_paid' | 'prepaid'; status: string }> }>;
}

async function loaded(page: Page): Promise<void> {
  await page.locator('main h1').waitFor();
  await page.waitForFunction(() => document.querySelector('main .loading') === null);
}

/** The viewer's first membership of a funding model (demo-member: post-paid; demo-prepaid: prepaid, her own first). */
async function membershipOf(scene: PageScene, funding_model: 'post_paid' | 'prepaid'): Promise<string> {
  const household = await scene.api<Household>('/api/members/me');
  const persons = [...household.persons].sort((a, b) => Number(b.relationship === 'self') - Number(a.relationship === 'self'));
  const membership = persons.flatMap((person) => person.memberships).find((candidate) => candidate.funding_model === funding_model);
  if (membership === undefined) throw new Error(`the viewer has no ${funding_model} membership`);
  return membership.membership_id;
}

export const pages: PageEntry[] = [
  {
    name: 'me',
    viewer: 'member',
    path: '/me',
    async ready(page) {
      await loaded(page);
      await page.locator('main .membership-item').first().waitFor();
    },
  },
  {
    name: 'me-prepaid',
    viewer: 'prepaid',
    path: '/me',
    async ready(page) {
      await loaded(page);
      await page.locator('main .membership-item').first().waitFor();
    },
  },
  {
    name: 'join',
    viewer: 'member',
    path: '/join/critical-illness',
    async ready(page) {
      await loaded(page);
      await page.locator('main form.join-form').waitFor();
    },
  },
  {
    name: 'membership',
    viewer: 'member',
    path: async (scene) => `/me/memberships/${await membershipOf(scene, 'post_paid')}`,
    async ready(page) {
      await loaded(page);
      await page.locator('main .timeline').waitFor();
    },
  },
  {
    name: 'shares',
    viewer: 'member',
    path: '/me/shares',
    async ready(page) {
      await loaded(page);
      await page.locator('main table, main .card').first().waitFor();
    },
  },
  {
    name: 'bills',
    viewer: 'member',
    path: async (scene) => `/me/memberships/${await membershipOf(scene, 'post_paid')}/bills`,
    async ready(page) {
      await loaded(page);
      await page.locator('main table, main .card').first().waitFor();
    },
  },
  {
    name: 'wallet',
    viewer: 'prepaid',
    path: async (scene) => `/me/memberships/${await membershipOf(scene, 'prepaid')}/wallet`,
    async ready(page) {
      await loaded(page);
      await page.getByTestId('wallet-balance').waitFor();
    },
  },
];
