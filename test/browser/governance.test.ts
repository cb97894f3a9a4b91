/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, languages, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const demoPassword = 'demo-password';
const plan_id = 'community-critical-illness';

interface MemberProposal {
  id: string;
  status: string;
  voted: boolean;
  can_vote: boolean;
  changes: Array<{ path: string }>;
}

/**
 * The members' vote on the demo server, which seeds an open proposal on the community plan (and a
 * closed one): demo-member finds it from her page, reads its diff in plain words, votes with a
 * confirm step and sees that she voted (not how); a second vote is refused with the API's message;
 * the plan's public page shows the closed count. Screenshots of every governance page in both
 * languages at phone and desktop size.
 */
describe.runIf(chromiumAvailable())('governance pages', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  /** Each user logs in once (logins are rate-limited); later contexts reuse the session cookie. */
  const sessions = new Map<string, Awaited<ReturnType<BrowserContext['cookies']>>>();

  async function open(username: string | null, language: Language = 'en', viewport: ViewportName = 'desktop'): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(chromium.browser, server.url, language, viewport);
    if (username !== null) {
      const kept = sessions.get(username);
      if (kept === undefined) {
        const login = await context.request.post('/api/auth/login', { data: { username, password: demoPassword } });
        expect(login.status(), await login.text()).toBe(200);
        sessions.set(username, await context.cookies());
      } else {
        await context.addCookies(kept);
      }
    }
    return { context, page: await context.newPage() };
  }

  it('a member votes on an open proposal and sees that she voted; a second vote is refused', async () => {
    const { context, page } = await open('demo-member', 'en', 'phone');
    const listed = (await (await context.request.get('/api/proposals')).json()) as { proposals: MemberProposal[] };
    const proposal = listed.proposals.find((entry) => entry.status === 'voting');
    expect(proposal, 'the demo seeds an open proposal demo-member may vote on').toMatchObject({ can_vote: true, voted: false });

    await page.goto('/me');
    await page.getByRole('link', { name: 'Votes on rule changes' }).click();
    await page.getByRole('link', { name: `Proposal ${proposal!.id}` }).click();
    await page.locator('table.governance-diff').waitFor();
    // The diff reads as rules and money, not as JSON paths only.
    await expect(page.locator('table.governance-diff tbody th').first().textContent()).resolves.toMatch(/Management fee|Cap per member per year/);
    await expect(page.locator('table.governance-diff').textContent()).resolves.toMatch(/CN¥|%/);
    expect(await axeViolations(page)).toEqual([]);

    // Review without a choice: the form says what is missing and sends nothing.
    await page.getByRole('button', { name: 'Review my vote' }).click();
    await page.getByText('Choose yes, no or abstain.').waitFor();
    await page.getByRole('radio', { name: 'No, keep the rules' }).check();
    await page.getByRole('button', { name: 'Review my vote' }).click();
    await page.getByText('You are about to vote: No, keep the rules.').waitFor();
    await page.getByRole('button', { name: 'Send my vote' }).click();
    const done = page.getByTestId('governance-voted');
    await done.waitFor();
    await expect(done.textContent()).resolves.toMatch(/You voted\./);
    // The page says that she voted, never how.
    await page.getByTestId('governance-already-voted').waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/No, keep the rules/);
    await expect(page.getByRole('button', { name: 'Review my vote' }).count()).resolves.toBe(0);

    const again = await context.request.post(`/api/proposals/${proposal!.id}/vote`, { data: { choice: 'yes' } });
    expect(again.status()).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('GOV_ALREADY_VOTED');
    await page.reload();
    await page.getByTestId('governance-already-voted').waitFor();
    const view = (await (await context.request.get(`/api/proposals/${proposal!.id}`)).json()) as { proposal: MemberProposal };
    expect(view.proposal).toMatchObject({ voted: true, can_vote: false });
    await context.close();
  });

  it('shows the plan’s closed votes with their counts to everyone', async () => {
    const { context, page } = await open(null);
    await page.goto(`/plans/${plan_id}`);
    await page.getByTestId('plan-votes-link').click();
    await page.locator('.governance-public').first().waitFor();
    await expect(page.locator('.governance-count').first().textContent()).resolves.toMatch(/Eligible/);
    await expect(page.locator('.governance-public').first().textContent()).resolves.toMatch(/short of quorum/);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('takes screenshots of every governance page (phone and desktop, both languages)', async () => {
    const shots: Array<{ name: string; user: string | null; path: (context: BrowserContext) => Promise<string>; ready: string }> = [
      { name: 'governance-proposals', user: 'demo-member', path: async () => '/proposals', ready: '.governance-list' },
      {
        name: 'governance-proposal',
        user: 'demo-member',
        path: async (context) => {
          const { proposals } = (await (await context.request.get('/api/proposals')).json()) as { proposals: MemberProposal[] };
          return `/proposals/${proposals.find((entry) => entry.status === 'voting')?.id ?? proposals[0]?.id ?? '1'}`;
        },
        ready: 'table.governance-diff',
      },
      { name: 'governance-public', user: null, path: async () => `/plans/${plan_id}/proposals`, ready: '.governance-public' },
      { name: 'governance-staff', user: 'demo-operator', path: async () => `/staff/proposals?plan=${plan_id}`, ready: 'article .governance-diff' },
    ];
    for (const shot of shots) {
      for (const language of languages) {
        for (const viewport of ['phone', 'desktop'] as const) {
          const { context, page } = await open(shot.user, language, viewport);
          await page.goto(await shot.path(context));
          await page.locator(shot.ready).first().waitFor();
          await screenshot(page, shot.name, language, viewport);
          await context.close();
        }
      }
    }
  });
});
