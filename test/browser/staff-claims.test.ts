/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLoginPassword } from '../../src/services/demo/demo-logins.js';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot, type LaunchedBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The claims console on the demo server (whose end leaves claims waiting in every queue): a
 * reviewer takes a submitted claim from the queue, starts the review and assigns demo-investigator,
 * who records her findings in her own browser; the reviewer approves the claim for notice,
 * publishes the notice, and dismisses the open objection of a claim in notice. Then two reviewers
 * act on one claim at once: the second is told it changed, shown its current state, and looks again.
 */
describe.runIf(chromiumAvailable())('staff claims pages', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  const contexts: BrowserContext[] = [];

  async function staff(username: string): Promise<Page> {
    const context = await newContext(chromium.browser, server.url, 'en', 'desktop');
    contexts.push(context);
    const response = await context.request.post('/api/auth/login', { data: { username, password: demoLoginPassword } });
    expect(response.status(), await response.text()).toBe(200);
    return context.newPage();
  }

  const stateBadge = (page: Page, text: string) => page.locator('.staff-claims-head .badge', { hasText: text }).first().waitFor();
  /** Clicks a decision button and waits for the API's answer, so the next step sees the new state. */
  async function decide(page: Page, button: string, path: string): Promise<void> {
    const answered = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes(path));
    await page.getByRole('button', { name: button, exact: true }).click();
    expect((await answered).status()).toBe(200);
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

  it('takes a claim from the queue through review, investigation, notice, and resolves an objection', async () => {
    const reviewer = await staff('demo-reviewer');
    await reviewer.goto('/staff/claims?state=submitted');
    await reviewer.locator('table.staff-claims-table tbody tr').first().waitFor();
    expect(await reviewer.getByLabel('State', { exact: true }).inputValue()).toBe('submitted');
    await reviewer.locator('table.staff-claims-table tbody tr a').first().click();
    await reviewer.locator('section[aria-labelledby="wb-checks"] tbody tr').first().waitFor();
    const claimUrl = new URL(reviewer.url()).pathname;
    const claim_id = claimUrl.split('/').at(-1)!;
    // The evidence shows inline: the scan as an image, the report in a frame.
    await reviewer.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('img.staff-claims-image')).some((image) => image.complete && image.naturalWidth > 0));
    expect(await reviewer.locator('iframe.staff-claims-pdf').count()).toBeGreaterThan(0);
    expect(await reviewer.locator('section[aria-labelledby="wb-checks"] .badge.bad').count()).toBe(0);
    expect(await axeViolations(reviewer)).toEqual([]);
    await screenshot(reviewer, 'staff-claims-workbench-submitted', 'en', 'desktop');

    // A double click sends one request: the button holds while the first is on its way.
    let starts = 0;
    reviewer.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/start-review')) starts += 1;
    });
    const started = reviewer.waitForResponse((response) => response.url().endsWith('/start-review'));
    await reviewer.getByRole('button', { name: 'Start the review', exact: true }).dblclick();
    expect((await started).status()).toBe(200);
    await stateBadge(reviewer, 'In review');
    expect(starts).toBe(1);

    await reviewer.getByLabel('Assign an investigator').selectOption({ label: 'demo-investigator' });
    await decide(reviewer, 'Assign', '/investigation');
    await stateBadge(reviewer, 'Investigating');

    const investigator = await staff('demo-investigator');
    await investigator.goto('/staff/claims');
    await investigator.locator(`table.staff-claims-table a[href="${claimUrl}"]`).click();
    await investigator.getByLabel('Findings').fill('Called the hospital: the pathology report is theirs and matches the diagnosis.');
    await investigator.getByLabel('Recommendation').selectOption('approve');
    await decide(investigator, 'Submit the findings', '/findings');
    await stateBadge(investigator, 'In review');
    await investigator.getByText('Called the hospital', { exact: false }).first().waitFor();

    await reviewer.reload();
    await stateBadge(reviewer, 'In review');
    await reviewer.getByText('Called the hospital', { exact: false }).first().waitFor();
    await decide(reviewer, 'Approve for notice', '/approve-for-notice');
    await stateBadge(reviewer, 'Approved for notice');
    await decide(reviewer, 'Publish the notice', '/publish-notice');
    await stateBadge(reviewer, 'In notice');
    await reviewer.getByRole('button', { name: 'End the notice (no open objection)' }).waitFor();
    const trail = reviewer.locator('section[aria-labelledby="wb-audit"] tbody tr');
    await trail.filter({ hasText: 'Notice published' }).waitFor();
    expect(await trail.count()).toBe(6);

    // A note for colleagues.
    await reviewer.getByLabel('New note (colleagues read it; notes are never edited)').fill('Notice published after the investigation.');
    const noted = reviewer.waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith(`/api/claims/${claim_id}/notes`));
    await reviewer.getByRole('button', { name: 'Add the note' }).click();
    expect((await noted).status()).toBe(201);
    await reviewer.locator('section[aria-labelledby="wb-notes"] li', { hasText: 'Notice published after the investigation.' }).waitFor();

    // A claim in notice with an open objection: the reviewer dismisses it and the notice goes on.
    await reviewer.goto('/staff/claims?state=objected');
    await reviewer.locator('table.staff-claims-table tbody tr a').first().click();
    await stateBadge(reviewer, 'Objected');
    await reviewer.getByRole('combobox', { name: 'Resolve by' }).first().selectOption('dismiss');
    await reviewer.getByLabel('Resolution text').first().fill('The hospital record confirms the diagnosis date.');
    await decide(reviewer, 'Resolve', '/resolve');
    await stateBadge(reviewer, 'In notice');
    await reviewer.locator('section[aria-labelledby="wb-objections"] .badge', { hasText: 'Dismissed' }).first().waitFor();
  }, 120_000);

  it('shows a reviewer that the claim changed meanwhile, with its current state, and reloads it', async () => {
    const first = await staff('demo-reviewer');
    const second = await staff('demo-reviewer');
    await first.goto('/staff/claims?state=submitted');
    await first.locator('table.staff-claims-table tbody tr a').first().click();
    await first.locator('section[aria-labelledby="wb-checks"]').waitFor();
    await second.goto(new URL(first.url()).pathname);
    await stateBadge(second, 'Submitted');

    await decide(first, 'Start the review', '/start-review');
    await stateBadge(first, 'In review');

    const refused = second.waitForResponse((response) => response.url().endsWith('/start-review'));
    await second.getByRole('button', { name: 'Start the review', exact: true }).click();
    expect((await refused).status()).toBe(409);
    const changed = second.getByTestId('claim-changed');
    await changed.waitFor();
    expect(await changed.textContent()).toContain('it is now “In review”');
    // Every decision holds until the reviewer has looked again.
    expect(await second.getByRole('button', { name: 'Start the review', exact: true }).isDisabled()).toBe(true);
    await screenshot(second, 'staff-claims-changed', 'en', 'desktop');
    await second.getByRole('button', { name: 'Look at it again' }).click();
    await stateBadge(second, 'In review');
    await changed.waitFor({ state: 'detached' });
    await second.getByRole('button', { name: 'Approve for notice', exact: true }).waitFor();
  }, 120_000);
});
