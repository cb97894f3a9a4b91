/// <reference lib="dom" />
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); never a browser downloaded by a test tool. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags that work on this kind of machine (DESIGN.md, "Web app"). */
const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * In CI a missing Chromium fails the run; elsewhere the browser tests are skipped with a loud
 * warning, as the PostgreSQL half of the suite is.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`Chromium is missing at ${chromiumPath}: .ci/run installs it (apt-get install chromium)`);
  console.warn(`\n!!! Chromium is not at ${chromiumPath}: the browser tests are SKIPPED (apt-get install chromium)\n`);
  return false;
}

export interface LaunchedBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Playwright gives every launch a new, empty profile of its own (the fresh --user-data-dir). */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
  return { browser, close: () => browser.close() };
}

export const viewports = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
  /** The staff console is desktop-first but usable on a tablet held upright. */
  tablet: { width: 820, height: 1180 },
} as const;
export type ViewportName = keyof typeof viewports;
export type Language = 'zh-CN' | 'en';
export const languages: readonly Language[] = ['zh-CN', 'en'];

/**
 * A fresh browser context (its own cookies and storage) in a language and a size. The language is
 * what the person chose in the app (remembered in localStorage), so the page opens in it.
 */
export async function newContext(browser: Browser, baseUrl: string, language: Language, viewport: ViewportName = 'phone'): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: viewports[viewport],
    locale: language,
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    ...(viewport === 'phone' ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  await context.addInitScript((chosen) => {
    if (localStorage.getItem('huzhu.language') === null) localStorage.setItem('huzhu.language', chosen);
  }, language);
  return context;
}

/** Where the test run writes its screenshots (listed in the README). */
export const screenshotDir = join(import.meta.dirname, '../../../test-results/screenshots');

/** A full-page screenshot named `<name>.<language>.<viewport>.png`. */
export async function screenshot(page: Page, name: string, language: Language, viewport: ViewportName): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.${language}.${viewport}.png`);
  // From the top: a page scrolled to a button would draw its sticky header across the middle of the picture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Switches the app's language the way a person does, and waits until the page says so. */
export async function setPageLanguage(page: Page, language: Language): Promise<void> {
  await page.evaluate((chosen) => localStorage.setItem('huzhu.language', chosen), language);
  await page.reload();
  await page.waitForFunction((chosen) => document.documentElement.lang === chosen, language);
}
