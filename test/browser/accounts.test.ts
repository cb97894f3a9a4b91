/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, languages, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const email = 'newcomer@example.com';
const masked = 'n***@example.com';
const firstPassword = 'newcomer-password-1';
const resetPassword = 'newcomer-password-2';

/** Any six digits but the right ones. */
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** The code field's own error: the alert inside the same .field as the input labelled "Code". */
const codeFieldError = (page: Page) => page.locator('.field', { has: page.getByLabel('Code', { exact: true }) }).getByRole('alert');

describe.runIf(chromiumAvailable())('accounts in the browser: sign-up with a code, log in and out, password reset, an expired session', () => {
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

  /** Opens the dev mailbox in a new tab from the link on the page, reads the newest code sent to `to`, closes the tab. */
  const readCodeInMailbox = async (context: BrowserContext, page: Page, to: string, subject: RegExp): Promise<string> => {
    const [mailbox] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /dev mailbox/ }).click()]);
    await mailbox.getByRole('heading', { level: 1, name: 'Dev mailbox' }).waitFor();
    const message = mailbox.getByRole('listitem').filter({ hasText: `E-mail to ${to}` }).filter({ has: mailbox.getByRole('heading', { name: subject }) }).first();
    await message.waitFor();
    const text = await message.innerText();
    expect(text).not.toContain(email);
    const code = /\b(\d{6})\b/.exec(text)?.[1];
    if (code === undefined) throw new Error(`no code in: ${text}`);
    await mailbox.close();
    return code;
  };

  it('a newcomer signs up by e-mail, reads the code in the dev mailbox, a wrong code is shown at the code field, confirms, is logged in, logs out and in with the e-mail', async () => {
    const context = await newContext(chromium.browser, server.url, 'en', 'phone');
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Log in' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign up' }).waitFor();

    // The form checks before sending.
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByText('Enter an e-mail address (name@example.com) or a mobile number').first().waitFor();

    await page.getByLabel('E-mail or mobile number').fill(email);
    await page.getByLabel('Display name').fill('New Comer');
    await page.getByLabel('Password').fill(firstPassword);
    const signedUp = page.waitForResponse((response) => response.url().endsWith('/api/auth/signup'));
    await page.getByRole('button', { name: 'Send me a code' }).click();
    expect((await signedUp).status()).toBe(202);
    await page.getByRole('heading', { level: 1, name: 'Enter your code' }).waitFor();
    await page.getByText(`We sent a six-digit code to ${masked}`).waitFor();
    // The cooldown is shown on the resend button.
    expect(await page.getByRole('button', { name: /New code in \d+ s/ }).isDisabled()).toBe(true);

    const code = await readCodeInMailbox(context, page, masked, /sign-up code/);
    // The server's log printed the same code with the masked address.
    expect(await server.line(/one-time code \d{6} for n\*\*\*@example\.com/)).toContain(code);

    await page.getByLabel('Code', { exact: true }).fill(wrongCode(code));
    const refused = page.waitForResponse((response) => response.url().endsWith('/api/auth/signup/confirm'));
    await page.getByRole('button', { name: 'Confirm' }).click();
    expect((await refused).status()).toBe(400);
    await codeFieldError(page).getByText('The code is wrong or no longer valid').waitFor();
    expect(await page.getByLabel('Code', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'account-signup-confirm-wrong-code', 'en', 'phone');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Code', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByText('Welcome, New Comer!').waitFor();
    await page.getByText(`E-mail: ${masked}`).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'New Comer' }).waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Log in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    await page.getByRole('banner').getByRole('link', { name: 'Log in' }).click();
    await page.getByLabel('Username, e-mail or mobile number').fill('Newcomer@Example.com');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('Wrong account or password').or(page.getByText('Wrong username or password')).waitFor();
    await page.getByLabel('Password').fill(firstPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'New Comer' }).waitFor();
    await context.close();
  });

  it('resets the password with the code from the dev mailbox', async () => {
    const context = await newContext(chromium.browser, server.url, 'en', 'phone');
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reset your password' }).waitFor();
    await page.getByLabel('E-mail or mobile number').fill(email);
    await page.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByText(`If ${masked} belongs to an account, a six-digit code is on its way.`).waitFor();
    const code = await readCodeInMailbox(context, page, masked, /password reset code/);

    await page.getByLabel('Code', { exact: true }).fill(code);
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('A password needs at least 10 characters.').waitFor();
    await screenshot(page, 'account-password-reset-code', 'en', 'phone');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('New password').fill(resetPassword);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your password is changed').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();

    await page.getByLabel('Username, e-mail or mobile number').fill(email);
    await page.getByLabel('Password').fill(resetPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await context.close();
  });

  it('an expired session on a member page returns to the login page and, after logging in, back to that page', async () => {
    const context = await newContext(chromium.browser, server.url, 'en', 'phone');
    const page = await context.newPage();
    // Straight to the member page: a visitor goes to the login page, and back afterwards.
    await page.goto('/account');
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/account');
    await page.getByText('Log in to continue').waitFor();
    await page.getByLabel('Username, e-mail or mobile number').fill(email);
    await page.getByLabel('Password').fill(resetPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/account');
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();

    // The session goes while the page is open: the next request finds it gone.
    await context.clearCookies();
    await page.getByLabel('Current password').fill(resetPassword);
    await page.getByLabel('New password').fill('newcomer-password-3');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/account');
    await page.getByLabel('Username, e-mail or mobile number').fill(email);
    await page.getByLabel('Password').fill(resetPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/account');
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await context.close();
  });

  const headings: Record<string, Record<Language, string>> = {
    login: { 'zh-CN': '登录', en: 'Log in' },
    signup: { 'zh-CN': '注册', en: 'Sign up' },
    'signup-confirm': { 'zh-CN': '输入验证码', en: 'Enter your code' },
    'password-reset': { 'zh-CN': '重置密码', en: 'Reset your password' },
    account: { 'zh-CN': '我的账户', en: 'My account' },
    'dev-mailbox': { 'zh-CN': '开发信箱', en: 'Dev mailbox' },
  };
  const paths: Record<string, string> = {
    login: '/login',
    signup: '/signup',
    'signup-confirm': '/signup/confirm',
    'password-reset': '/password-reset',
    account: '/account',
    'dev-mailbox': '/dev/mailbox',
  };

  for (const viewport of ['phone', 'desktop'] as ViewportName[]) {
    for (const language of languages) {
      it(`every account page, ${language} at ${viewport} size: screenshots, and no axe violations`, async () => {
        const context = await newContext(chromium.browser, server.url, language, viewport);
        const page = await context.newPage();
        for (const [name, path] of Object.entries(paths)) {
          if (name === 'account') {
            // The context's request shares its cookies: this logs the browser in.
            const login = await context.request.post(`${server.url}/api/auth/login`, { data: { username: email, password: resetPassword } });
            expect(login.status()).toBe(200);
          }
          await page.goto(path);
          await page.getByRole('heading', { level: 1, name: headings[name]![language], exact: true }).waitFor();
          if (name === 'account') await page.getByText(masked).waitFor();
          if (name === 'dev-mailbox') await page.getByRole('listitem').first().waitFor();
          if (name === 'signup-confirm') await page.getByRole('link', { name: /开发信箱|dev mailbox/ }).waitFor();
          await screenshot(page, `account-${name}`, language, viewport);
          expect(await axeViolations(page), `${name} ${language} ${viewport}`).toEqual([]);
        }
        await context.close();
      });
    }
  }
});
