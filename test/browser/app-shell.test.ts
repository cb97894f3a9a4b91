/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, launchChromium, newContext, type LaunchedBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe.runIf(chromiumAvailable())('the web app shell', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('is served at / and at every client route from the same origin, while /api/* stays JSON', async () => {
    for (const path of ['/', '/plans/critical-illness', '/no/such/page']) {
      const response = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<div id="root">');
    }
    const api = await fetch(`${server.url}/api/no-such-route`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await fetch(`${server.url}/missing.js`)).status).toBe(404);
  });

  it('opens in Chinese by default, switches to English and remembers it, with <html lang> following', async () => {
    const context = await chromium.browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/no/such/page');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByRole('heading', { level: 1, name: '没有这个页面' }).waitFor();
    await page.getByRole('button', { name: '切换语言：English' }).click();
    await page.getByRole('heading', { level: 1, name: 'No such page' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'No such page' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await context.close();
  });

  it('has no accessibility violations in its frame, in both languages', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const context = await newContext(chromium.browser, server.url, language);
      const page = await context.newPage();
      await page.goto('/no/such/page');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await axeViolations(page), language).toEqual([]);
      await context.close();
    }
  });
});
