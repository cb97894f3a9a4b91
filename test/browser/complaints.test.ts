/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLoginPassword } from '../../src/services/demo/demo-logins.js';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * A complaint on the demo server, end to end in the browser: demo-member opens her own claim,
 * follows its "file a complaint" link and files one; demo-reviewer finds it in the queue, assigns
 * it to herself and answers it; demo-member reads the answer and disputes it. demo-prepaid, another
 * member, opening the same complaint's address sees the "not found" page, and the API refuses her too.
 */
describe.runIf(chromiumAvailable())('complaint pages', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  const contexts: BrowserContext[] = [];

  async function as(username: string, language: Language = 'en', viewport: ViewportName = 'phone'): Promise<Page> {
    const context = await newContext(chromium.browser, server.url, language, viewport);
    contexts.push(context);
    const response = await context.request.post('/api/auth/login', { data: { username, password: demoLoginPassword } });
    expect(response.status(), await response.text()).toBe(200);
    return context.newPage();
  }

  /** Clicks a button and waits for the POST it sends, so the next step sees its effect. */
  async function submit(page: Page, button: string, path: RegExp, status: number): Promise<unknown> {
    const answered = page.waitForResponse((response) => response.request().method() === 'POST' && path.test(new URL(response.url()).pathname));
    await page.getByRole('button', { name: button, exact: true }).click();
    const response = await answered;
    expect(response.status(), await response.text()).toBe(status);
    return response.json();
  }

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await chromium?.close();
    await server?.stop();
  });

  it('a member files a complaint about her claim, staff assign and answer it, she disputes the answer; another member cannot see it', async () => {
    const member = await as('demo-member');
    await member.goto('/me/claims');
    await member.locator('main a[href^="/me/claims/"]:not([href$="/new"])').first().click();
    await member.getByRole('link', { name: 'Unhappy with this claim? File a complaint' }).click();
    await member.locator('main form textarea').waitFor();
    expect(new URL(member.url()).searchParams.get('kind')).toBe('claim');
    // Too short: the form says so and sends nothing.
    await member.getByLabel('Your complaint').fill('Too slow');
    await member.getByRole('button', { name: 'File the complaint', exact: true }).click();
    await member.getByText('Please write 10 to 2000 characters.').waitFor();
    await member.getByLabel('Your complaint').fill('Nobody told me the investigation had started. Please explain.');
    const filed = (await submit(member, 'File the complaint', /^\/api\/complaints$/, 201)) as { complaint: { complaint_id: string; subject_kind: string } };
    const id = filed.complaint.complaint_id;
    expect(filed.complaint.subject_kind).toBe('claim');
    await member.waitForURL(`**/complaints/${id}`);
    await member.locator('.badge', { hasText: 'Filed' }).waitFor();
    expect(await axeViolations(member)).toEqual([]);
    await screenshot(member, 'complaint-filed', 'en', 'phone');

    const outsider = await as('demo-prepaid');
    await outsider.goto(`/complaints/${id}`);
    await outsider.getByRole('heading', { name: 'Complaint not found' }).waitFor();
    expect(await outsider.getByText('Nobody told me').count()).toBe(0);
    const probed = await outsider.context().request.get(`/api/complaints/${id}`);
    expect(probed.status()).toBe(404);

    const reviewer = await as('demo-reviewer', 'en', 'desktop');
    await reviewer.goto('/staff/complaints?owner=unassigned');
    await reviewer.locator(`table.complaints-table a[href="/staff/complaints/${id}"]`).click();
    await reviewer.getByRole('heading', { name: `Complaint #${id}` }).waitFor();
    // The owner list starts at the reviewer herself.
    await submit(reviewer, 'Assign', new RegExp(`^/api/complaints/${id}/assign$`), 200);
    await reviewer.getByRole('button', { name: 'Hand over', exact: true }).waitFor();
    await reviewer.getByLabel('Partly upheld').check();
    await reviewer.getByLabel('Text of the answer').fill('You are right: the message was not sent. We now send one at every step.');
    await submit(reviewer, 'Send the answer', new RegExp(`^/api/complaints/${id}/respond$`), 200);
    await reviewer.locator('.badge', { hasText: 'Answered' }).waitFor();
    expect(await axeViolations(reviewer)).toEqual([]);
    // Staff read who took each step by name, and the member's text under its own heading.
    const steps = reviewer.locator('section[aria-labelledby="complaint-trail"] li');
    await expect.poll(() => steps.allInnerTexts()).toEqual([
      expect.stringMatching(/^Complaint filed .* · the member$/),
      expect.stringMatching(/^Owner assigned .* · demo-reviewer$/),
      expect.stringMatching(/^Operator answered .* · demo-reviewer$/),
    ]);
    await reviewer.getByRole('heading', { name: 'The member’s complaint' }).waitFor();
    await screenshot(reviewer, 'complaint-staff-answered', 'en', 'desktop');

    await member.reload();
    await member.getByText('You are right: the message was not sent.').waitFor();
    await member.getByLabel('A note (optional)').fill('A message is not enough; the investigation was late.');
    await submit(member, 'Dispute the answer', new RegExp(`^/api/complaints/${id}/reply$`), 200);
    await member.locator('.badge', { hasText: 'Disputed' }).waitFor();
    expect(await member.getByRole('button', { name: 'Accept the answer' }).count()).toBe(0);
    const trail = await member.locator('section[aria-labelledby="complaint-trail"] li strong').allTextContents();
    expect(trail).toEqual(['Complaint filed', 'Owner assigned', 'Operator answered', 'Member replied']);
    expect(await axeViolations(member)).toEqual([]);
    await screenshot(member, 'complaint-disputed', 'en', 'phone');

    await member.goto('/complaints');
    await member.locator(`.complaints-list a[href="/complaints/${id}"]`).waitFor();
  });

  it('the public page shows the operator’s licence and the custody account masked, linked from the footer', async () => {
    const context = await newContext(chromium.browser, server.url, 'zh-CN', 'phone');
    contexts.push(context);
    const visitor = await context.newPage();
    await visitor.goto('/');
    await visitor.locator('footer.app-footer a[href="/about/operator"]').click();
    await visitor.getByRole('heading', { name: '关于运营方' }).waitFor();
    await visitor.getByText('DEMO-HZ-2025-0001').waitFor();
    await visitor.getByText('**** **** 4321').waitFor();
    expect(await visitor.locator('main').textContent()).not.toContain('6200 0000');
    expect(await axeViolations(visitor)).toEqual([]);
  });
});
