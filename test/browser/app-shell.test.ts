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

  it('a lost connection or a server failure shows the reason and a retry, never a blank page, and the retry loads the page', async () => {
    const context = await newContext(chromium.browser, server.url, 'zh-CN');
    const page = await context.newPage();
    // The plans request never reaches the server (as when the connection drops).
    await page.route('**/api/plans', (route) => route.abort('internetdisconnected'));
    await page.goto('/');
    const alert = page.getByRole('main').getByRole('alert');
    await alert.getByText('连不上服务器。请检查网络后重试。').waitFor();
    await alert.getByRole('button', { name: '重试' }).waitFor();
    // The server answers, but with a failure.
    await page.unroute('**/api/plans');
    await page.route('**/api/plans', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: { code: 'INTERNAL', message: 'boom', details: null } }) }),
    );
    await alert.getByRole('button', { name: '重试' }).click();
    await alert.getByText('服务器出错了，已记录。请稍后重试。').waitFor();
    // The connection is back: the retry shows the plans.
    await page.unroute('**/api/plans');
    await alert.getByRole('button', { name: '重试' }).click();
    await page.getByRole('heading', { level: 2, name: '互助计划' }).waitFor();
    expect(await page.getByRole('main').getByRole('alert').count()).toBe(0);
    await context.close();
  });
});
