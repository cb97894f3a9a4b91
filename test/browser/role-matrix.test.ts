/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, newContext, type LaunchedBrowser } from './support/browser.js';
import { forbiddenFor, leaks } from './support/personal-data.js';
import { pageEntries, untranslatedKey } from './support/page-registry.js';
import { startServer, type RunningServer } from './support/server.js';
import { viewerLogins, type PageEntry, type Viewer } from './pages/page-entry.js';

/** One viewer per role: anonymous, member, juror and each staff role (prepaid and operator2 repeat a role). */
const matrixViewers = ['visitor', 'member', 'juror', 'reviewer', 'investigator', 'operator', 'auditor', 'admin'] as const satisfies readonly Viewer[];
type MatrixViewer = (typeof matrixViewers)[number];

/** The roles each demo login holds (src/services/demo/demo-staff.ts; test/http/demo-logins.test.ts checks them). */
const rolesOf: Readonly<Record<MatrixViewer, readonly string[]>> = {
  visitor: [],
  member: ['member'],
  juror: ['member'],
  reviewer: ['reviewer'],
  investigator: ['investigator'],
  operator: ['operator'],
  auditor: ['auditor'],
  admin: ['admin'],
};

/** The one request a page may make before it knows who is looking: the session check. */
const sessionCheck = '/api/auth/me';

const entries = await pageEntries();

type Expectation = 'shown' | 'login' | 'not-allowed';

/** What the viewer must get on the page: staff pages by role (admins pass every check), member pages after logging in. */
function expectationFor(entry: PageEntry, viewer: MatrixViewer): Expectation {
  if (entry.roles !== undefined) {
    if (viewer === 'visitor') return 'login';
    const held = rolesOf[viewer];
    return held.includes('admin') || held.some((role) => entry.roles!.includes(role)) ? 'shown' : 'not-allowed';
  }
  if (entry.viewer === 'visitor' || entry.public === true) return 'shown';
  return viewer === 'visitor' ? 'login' : 'shown';
}

/**
 * The role × page matrix: every registered page (test/browser/pages) opened by one viewer of each
 * role. A page the role may open shows itself (a heading, no "not allowed"); a staff page of another
 * role shows "not allowed" and fetches nothing but the session check; a visitor is sent to the login
 * page. No response any page fetched, nor the page itself, shows personal data the viewer may not see.
 */
describe.runIf(chromiumAvailable())('role × page matrix', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  const contexts = new Map<MatrixViewer | Viewer, BrowserContext>();
  const pages = new Map<MatrixViewer, Page>();
  const secrets = new Map<MatrixViewer, string[]>();

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
    for (const viewer of matrixViewers) {
      secrets.set(viewer, await forbiddenFor(server.dir, viewer === 'visitor' ? null : viewerLogins[viewer]));
    }
    // Not vacuous: the demo's people are in the list the pages are searched for, for staff too.
    expect(secrets.get('operator')!.length).toBeGreaterThan(4 * 1000);
  }, 180_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  async function contextFor(viewer: MatrixViewer | Viewer): Promise<BrowserContext> {
    const existing = contexts.get(viewer);
    if (existing !== undefined) return existing;
    const context = await newContext(chromium.browser, server.url, 'zh-CN', 'desktop');
    if (viewer !== 'visitor') {
      const response = await context.request.post('/api/auth/login', { data: { username: viewerLogins[viewer], password: 'demo-password' } });
      expect(response.status(), `demo login ${viewerLogins[viewer]}: ${await response.text()}`).toBe(200);
    }
    contexts.set(viewer, context);
    return context;
  }

  async function pageFor(viewer: MatrixViewer): Promise<Page> {
    const existing = pages.get(viewer);
    if (existing !== undefined) return existing;
    const page = await (await contextFor(viewer)).newPage();
    pages.set(viewer, page);
    return page;
  }

  /** The entry's path as its own viewer finds it (a claim id, a cycle id…), so every role opens the same address. */
  async function pathOf(entry: PageEntry): Promise<string> {
    if (typeof entry.path === 'string') return entry.path;
    const context = await contextFor(entry.viewer);
    return entry.path({
      baseUrl: server.url,
      api: async <T,>(path: string) => {
        const response = await context.request.get(path);
        expect(response.ok(), `GET ${path}: ${response.status()}`).toBe(true);
        return (await response.json()) as T;
      },
    });
  }

  /** Opens the path; returns the API paths it requested and every response body and the page's text. */
  async function visit(page: Page, path: string, settled: (page: Page) => Promise<void>): Promise<{ requested: string[]; texts: string[] }> {
    const requested: string[] = [];
    const bodies: Array<Promise<string>> = [];
    const onRequest = (request: { url(): string }) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) requested.push(url.pathname);
    };
    const onResponse = (response: { headers(): Record<string, string>; text(): Promise<string> }) => {
      const type = response.headers()['content-type'] ?? '';
      if (/json|html|text|ndjson/.test(type)) bodies.push(response.text().catch(() => ''));
    };
    page.on('request', onRequest);
    page.on('response', onResponse);
    try {
      // A full load each time: nothing the previous page cached in the app answers for this one.
      await page.goto(path);
      await settled(page);
      await page.waitForLoadState('networkidle');
      bodies.push(page.evaluate(() => document.body.innerText));
      return { requested, texts: await Promise.all(bodies) };
    } finally {
      page.off('request', onRequest);
      page.off('response', onResponse);
    }
  }

  it('has staff pages and member pages registered', () => {
    expect(entries.filter((entry) => entry.roles !== undefined).length).toBeGreaterThan(0);
    expect(entries.filter((entry) => entry.roles === undefined && entry.viewer !== 'visitor').length).toBeGreaterThan(0);
  });

  for (const entry of entries) {
    it(`${entry.name}: ${matrixViewers.map((viewer) => `${viewer} ${expectationFor(entry, viewer)}`).join(', ')}`, async () => {
      const path = await pathOf(entry);
      // The viewers in parallel, each in its own browser context: their waits for a quiet network overlap.
      await Promise.all(matrixViewers.map(async (viewer) => {
        const expected = expectationFor(entry, viewer);
        const page = await pageFor(viewer);
        const where = `${path} as ${viewer}`;
        const notAllowed = page.locator('[data-testid="not-allowed"]');
        const { requested, texts } = await visit(page, path, async (opened) => {
          if (expected === 'login') await opened.waitForURL((url) => url.pathname === '/login');
          else if (expected === 'not-allowed') await notAllowed.waitFor();
          else await opened.locator('main h1').first().waitFor();
        });
        if (expected === 'login') {
          const asked = new URL(path, server.url);
          expect(new URL(page.url()).searchParams.get('next'), where).toBe(asked.pathname + asked.search);
        }
        if (expected !== 'shown') {
          // Neither "not allowed" nor the login page asks the API for anything but who is looking.
          expect(requested.filter((requestedPath) => requestedPath !== sessionCheck), `${where}: requests`).toEqual([]);
        } else {
          expect(await notAllowed.count(), `${where}: shown`).toBe(0);
          await page.waitForFunction(() => document.querySelector('main .loading') === null);
        }
        const shown = await page.evaluate(() => document.body.innerText);
        expect(shown.match(untranslatedKey) ?? [], `${where}: keys shown instead of texts`).toEqual([]);
        expect(texts.flatMap((text) => leaks(text, secrets.get(viewer) ?? [])), `${where}: another person's data`).toEqual([]);
      }));
    }, 240_000);
  }
});
