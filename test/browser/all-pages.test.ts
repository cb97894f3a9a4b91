/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, languages, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { forbiddenFor, leaks } from './support/personal-data.js';
import { pageEntries, untranslatedKey } from './support/page-registry.js';
import { startServer, type RunningServer } from './support/server.js';
import { viewerLogins as logins, type PageEntry, type Viewer } from './pages/page-entry.js';

const demoPassword = 'demo-password';
const viewportNames: readonly ViewportName[] = ['phone', 'desktop'];

const entries = await pageEntries();

type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;

/**
 * Every page of the app, as the person it is for, in both languages at the phone's and the
 * desktop's size: a screenshot (test-results/screenshots), no axe violation (WCAG 2.2 A and AA),
 * and neither the rendered page nor any response it fetched shows another person's name, ID
 * number, phone, birth date or evidence file names.
 */
describe.runIf(chromiumAvailable())('every page', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  const contexts = new Map<string, BrowserContext>();
  const secrets = new Map<Viewer, string[]>();
  const sessionCookies = new Map<Viewer, Promise<Cookies>>();

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
    for (const viewer of new Set(entries.map((entry) => entry.viewer))) {
      secrets.set(viewer, await forbiddenFor(server.dir, viewer === 'visitor' ? null : logins[viewer]));
    }
    // Not vacuous: the demo's thousands of people are in the list the pages are searched for.
    expect(secrets.get('visitor')!.length).toBeGreaterThan(4 * 1000);
  }, 180_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  async function contextFor(viewer: Viewer, language: Language, viewport: ViewportName): Promise<BrowserContext> {
    const key = `${viewer}.${language}.${viewport}`;
    const existing = contexts.get(key);
    if (existing !== undefined) return existing;
    const context = await newContext(chromium.browser, server.url, language, viewport);
    if (viewer !== 'visitor') await context.addCookies(await sessionOf(viewer));
    contexts.set(key, context);
    return context;
  }

  /** One login per viewer (the login route is rate limited), shared by the contexts opened at the same time. */
  function sessionOf(viewer: Exclude<Viewer, 'visitor'>): Promise<Cookies> {
    const known = sessionCookies.get(viewer);
    if (known !== undefined) return known;
    const login = (async () => {
      const context = await newContext(chromium.browser, server.url, 'zh-CN', 'desktop');
      try {
        const response = await context.request.post('/api/auth/login', { data: { username: logins[viewer], password: demoPassword } });
        expect(response.status(), `demo login ${logins[viewer]}: ${await response.text()}`).toBe(200);
        return await context.cookies();
      } finally {
        await context.close();
      }
    })();
    sessionCookies.set(viewer, login);
    return login;
  }

  async function pathOf(entry: PageEntry, context: BrowserContext): Promise<string> {
    if (typeof entry.path === 'string') return entry.path;
    return entry.path({
      baseUrl: server.url,
      api: async <T,>(path: string) => {
        const response = await context.request.get(path);
        expect(response.ok(), `GET ${path}: ${response.status()}`).toBe(true);
        return (await response.json()) as T;
      },
    });
  }

  /** Opens the page, recording every response's body for the personal-data scan. */
  async function visit(page: Page, path: string, entry: PageEntry): Promise<string[]> {
    const bodies: Array<Promise<string>> = [];
    page.on('response', (response) => {
      const type = response.headers()['content-type'] ?? '';
      if (/json|html|text|ndjson/.test(type)) bodies.push(response.text().catch(() => ''));
    });
    await page.goto(path);
    await entry.ready(page);
    await page.waitForLoadState('networkidle');
    bodies.push(page.evaluate(() => document.body.innerText));
    return Promise.all(bodies);
  }

  it('has pages registered by the features', () => {
    expect(entries.length).toBeGreaterThan(0);
    const names = entries.map((entry) => entry.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index), 'duplicate page names').toEqual([]);
  });

  for (const entry of entries) {
    it(`${entry.name} (${entry.viewer})`, async () => {
      // The languages and sizes of one page are opened side by side: each waits on the network and
      // the page's own settling far more than on the processor.
      const variants = languages.flatMap((language) => (entry.viewports ?? viewportNames).map((viewport) => ({ language, viewport })));
      await Promise.all(variants.map(async ({ language, viewport }) => {
        const context = await contextFor(entry.viewer, language, viewport);
        const page = await context.newPage();
        try {
          const path = await pathOf(entry, context);
          const texts = await visit(page, path, entry);
          expect(await page.evaluate(() => document.documentElement.lang), `${path} ${language}`).toBe(language);
          const shown = await page.evaluate(() => document.body.innerText);
          expect(shown.match(untranslatedKey) ?? [], `${path} ${language}: keys shown instead of texts`).toEqual([]);
          await screenshot(page, entry.name, language, viewport);
          expect(await axeViolations(page), `${path} ${language} ${viewport}`).toEqual([]);
          const found = texts.flatMap((text) => leaks(text, secrets.get(entry.viewer) ?? []));
          expect(found, `${path} shows another person's data`).toEqual([]);
        } finally {
          await page.close();
        }
      }));
    }, 300_000);
  }
});
