/// <reference lib="dom" />
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { chromiumAvailable, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser, type ViewportName } from '../support/browser.js';
import { startServer, type RunningServer } from '../support/server.js';

/**
 * Issue 11's first acceptance path, followed in the browser as a person would, once on a phone in
 * Chinese and once on a desktop in English: a newcomer opens the home page, signs up with her
 * e-mail address, reads the one-time code in the dev mailbox in another tab, types a wrong code
 * first (the error shows at the code field), confirms, lands logged in, finds the plans through
 * the pages' links, joins the post-paid sample plan for herself (a double click sends one
 * request) and enrols her child from /me, and sees both memberships waiting on /me until the day
 * the plan's waiting period gives.
 *
 * The plan is `critical-illness`, the sample post-paid plan: the demo community's people all sit
 * in `community-critical-illness` (the demo's own plan, named "(demo)"), while the sample plans
 * are created open and empty for real members (src/services/demo/demo-plans.ts), so that is the
 * one a real newcomer joins.
 *
 * Nothing waits for a time: every step waits for an element or a response.
 */

const planId = 'critical-illness';
const password = 'newcomer-journey-password';

/** The words a person reads on the pages, in each language. */
const words = {
  'zh-CN': {
    homeTitle: '互助：一人患病，众人分担',
    login: '登录',
    signup: '注册',
    contact: '邮箱或手机号',
    displayName: '昵称',
    password: '密码',
    sendCode: '发送验证码',
    confirmTitle: '输入验证码',
    code: '验证码',
    confirm: '确认',
    mailboxLink: '打开开发信箱（新标签页）',
    mailboxTitle: '开发信箱',
    mailboxTo: (to: string) => `发往 ${to} 的邮件`,
    signupSubject: /注册/,
    wrongCode: '验证码错误或已失效。请检查，或重新获取。',
    accountTitle: '我的账户',
    welcome: (name: string) => `欢迎，${name}！账户已开通，您已登录。`,
    meTab: '我的',
    meTitle: '我的互助',
    startHere: '从这里开始：加入一个计划',
    allPlans: '全部计划',
    plansTitle: '互助计划',
    planName: '大病互助计划',
    detailsOf: (plan: string) => `计划详情：${plan}`,
    postPaid: '后付费',
    waitingDays: (days: number) => `${days} 天`,
    joinThis: '加入这个计划',
    joinTitle: (plan: string) => `加入：${plan}`,
    myself: '本人',
    newFamily: '新的家人（由我缴费）',
    realName: '真实姓名',
    idNumber: '居民身份证号（18位）',
    derived: (birth: string, gender: 'female' | 'male') => `出生于 ${birth}，${gender === 'female' ? '女' : '男'}`,
    phone: '手机号码',
    province: '省份',
    relationship: '与您的关系',
    no: '否',
    agree: '我已阅读并接受计划规则，并保证以上告知真实。',
    submitJoin: '确认加入',
    welcomePlan: (plan: string) => `欢迎加入${plan}`,
    joinAnother: (plan: string) => `加入${plan}`,
    backToMe: '返回我的互助',
    self: '(本人)',
    child: '(子女)',
    waiting: '等待期',
    waitingUntil: '等待期至',
  },
  en: {
    homeTitle: 'Mutual aid: when one falls ill, all share',
    login: 'Log in',
    signup: 'Sign up',
    contact: 'E-mail or mobile number',
    displayName: 'Display name',
    password: 'Password',
    sendCode: 'Send me a code',
    confirmTitle: 'Enter your code',
    code: 'Code',
    confirm: 'Confirm',
    mailboxLink: 'Open the dev mailbox (in a new tab)',
    mailboxTitle: 'Dev mailbox',
    mailboxTo: (to: string) => `E-mail to ${to}`,
    signupSubject: /sign-up code/,
    wrongCode: 'The code is wrong or no longer valid. Check it, or ask for a new one.',
    accountTitle: 'My account',
    welcome: (name: string) => `Welcome, ${name}! Your account is ready and you are logged in.`,
    meTab: 'Me',
    meTitle: 'My memberships',
    startHere: 'Start here: join a plan',
    allPlans: 'All plans',
    plansTitle: 'Plans',
    planName: 'Critical illness mutual aid plan',
    detailsOf: (plan: string) => `Details of ${plan}`,
    postPaid: 'Post-paid',
    waitingDays: (days: number) => `${days} days`,
    joinThis: 'Join this plan',
    joinTitle: (plan: string) => `Join: ${plan}`,
    myself: 'Myself',
    newFamily: 'A new family member I pay for',
    realName: 'Real name',
    idNumber: 'Resident ID number (18 characters)',
    derived: (birth: string, gender: 'female' | 'male') => `Born ${birth}, ${gender}`,
    phone: 'Mobile number',
    province: 'Province',
    relationship: 'Relationship to you',
    no: 'No',
    agree: 'I have read the plan’s rules, accept them, and my answers are true.',
    submitJoin: 'Join the plan',
    welcomePlan: (plan: string) => `Welcome to ${plan}`,
    joinAnother: (plan: string) => `Join ${plan}`,
    backToMe: 'Back to my memberships',
    self: '(myself)',
    child: '(child)',
    waiting: 'Waiting period',
    waitingUntil: 'Waiting period until',
  },
} as const;

/**
 * A resident ID number per GB 11643-1999: 6 digits of area, the birth date as YYYYMMDD, a 3-digit
 * sequence (odd for a man, even for a woman), then the check character: the 17 digits weighted
 * by 2^(17-i) mod 11 and summed, the sum mod 11 mapped through "10X98765432". Computed here on
 * its own, not with the server's code, so a mistake in either shows.
 */
function residentId(area: string, birth: string, sequence: string): string {
  const body = `${area}${birth.replaceAll('-', '')}${sequence}`;
  if (!/^\d{17}$/.test(body)) throw new Error(`not 17 digits: ${body}`);
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return body + '10X98765432'[sum % 11]!;
}
const genderOf = (sequence: string): 'female' | 'male' => (Number(sequence.at(-1)) % 2 === 1 ? 'male' : 'female');

// The check character of a well-known published example, 11010519491231002X, keeps the helper honest.
if (residentId('110105', '1949-12-31', '002') !== '11010519491231002X') throw new Error('the GB 11643 check character is computed wrongly');

/** The steps photographed, in order (the phone goes through "me-start"; the desktop's header links to the plans). */
const steps = ['home', 'login', 'signup', 'code', 'mailbox', 'wrong-code', 'account', 'me-start', 'plans', 'plan', 'join-self', 'joined-self', 'me-self', 'join-child', 'joined-child', 'me-both'] as const;

/** Any six digits but the right ones. */
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** The UTC calendar day (as the server counts days) `days` after `from`. */
function dayAfter(from: Date, days: number): string {
  const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days));
  return date.toISOString().slice(0, 10);
}

/** A calendar day as the pages show it (shared/format/dates.ts formats it this way). */
const shownDay = (day: string, language: Language) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** Resolves once the page shows its content: its heading, and no loading state left. */
async function loaded(page: Page, heading: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  await page.waitForFunction(() => document.querySelector('main .loading') === null);
}

interface Journey {
  readonly language: Language;
  readonly viewport: ViewportName;
  readonly email: string;
  readonly masked: string;
  readonly displayName: string;
  readonly self: { name: string; area: string; birth: string; sequence: string; phone: string; province: string };
  readonly child: { name: string; area: string; birth: string; sequence: string; phone: string; province: string };
}

const journeys: readonly Journey[] = [
  {
    language: 'zh-CN',
    viewport: 'phone',
    email: 'xiaoman.lin@example.com',
    masked: 'x***@example.com',
    displayName: '小满',
    self: { name: '林小满', area: '330106', birth: '1990-05-17', sequence: '402', phone: '139 1234 5678', province: '浙江' },
    child: { name: '林朵朵', area: '330106', birth: '2019-03-08', sequence: '513', phone: '13912345678', province: '浙江' },
  },
  {
    language: 'en',
    viewport: 'desktop',
    email: 'wang.fang@example.com',
    masked: 'w***@example.com',
    displayName: 'Fang',
    self: { name: '王芳', area: '510104', birth: '1986-11-02', sequence: '286', phone: '13812345678', province: '四川' },
    child: { name: '王小宇', area: '510104', birth: '2014-07-30', sequence: '357', phone: '13812345678', province: '四川' },
  },
];

describe.runIf(chromiumAvailable())('journey: a newcomer signs up, confirms the code, joins the post-paid plan and enrols a family member', () => {
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

  for (const journey of journeys) {
    const { language, viewport } = journey;
    const w = words[language];

    it(`${language} on a ${viewport}`, async () => {
      const context: BrowserContext = await newContext(chromium.browser, server.url, language, viewport);
      const page = await context.newPage();
      /** A screenshot of this step (numbered in the path's order), and no axe violation in this page state. */
      const look = async (target: Page, name: (typeof steps)[number]) => {
        // From the top, as the page opens: filling a form scrolls it, and what then sits under the
        // sticky header or the tab bar would count for axe as a target too small to touch.
        await target.evaluate(() => window.scrollTo(0, 0));
        await screenshot(target, `journey-newcomer-${String(steps.indexOf(name) + 1).padStart(2, '0')}-${name}`, language, viewport);
        expect(await axeViolations(target), `${name} (${language}, ${viewport})`).toEqual([]);
      };
      const enrolments: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && /\/api\/members\/(enrol|persons\/[^/]+\/join)$/.test(request.url())) enrolments.push(request.url());
      });

      // The home page, as a visitor.
      await page.goto('/');
      await loaded(page, w.homeTitle);
      await page.getByRole('heading', { level: 3, name: w.planName, exact: true }).waitFor();
      await look(page, 'home');

      // To sign up, through the page's own links: "Log in" in the header, then "Sign up".
      await page.getByRole('banner').getByRole('link', { name: w.login, exact: true }).click();
      await loaded(page, w.login);
      await look(page, 'login');
      await page.getByRole('main').getByRole('link', { name: w.signup, exact: true }).click();
      await loaded(page, w.signup);
      await page.getByLabel(w.contact).fill(journey.email);
      await page.getByLabel(w.displayName).fill(journey.displayName);
      await page.getByLabel(w.password, { exact: true }).fill(password);
      await look(page, 'signup');
      const signedUp = page.waitForResponse((response) => response.url().endsWith('/api/auth/signup') && response.request().method() === 'POST');
      await page.getByRole('button', { name: w.sendCode }).click();
      expect((await signedUp).status()).toBe(202);
      await loaded(page, w.confirmTitle);
      // The contact is filled in from the sign-up page; the link to the dev mailbox is there.
      expect(await page.getByLabel(w.contact).inputValue()).toBe(journey.email);
      await page.getByRole('link', { name: w.mailboxLink }).waitFor();
      await look(page, 'code');

      // The code, in the dev mailbox opened in another tab from the page's link.
      const [mailbox] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: w.mailboxLink }).click()]);
      await loaded(mailbox, w.mailboxTitle);
      const message = mailbox
        .getByRole('listitem')
        .filter({ hasText: w.mailboxTo(journey.masked) })
        .filter({ has: mailbox.getByRole('heading', { name: w.signupSubject }) })
        .first();
      await message.waitFor();
      await look(mailbox, 'mailbox');
      const text = await message.innerText();
      expect(text).not.toContain(journey.email);
      const code = /\b(\d{6})\b/.exec(text)?.[1];
      if (code === undefined) throw new Error(`no code in: ${text}`);
      await mailbox.close();
      await page.bringToFront();

      // A wrong code first: the API's refusal is shown at the code field.
      const codeField = page.getByLabel(w.code, { exact: true });
      await codeField.fill(wrongCode(code));
      const refused = page.waitForResponse((response) => response.url().endsWith('/api/auth/signup/confirm'));
      await page.getByRole('button', { name: w.confirm, exact: true }).click();
      expect((await refused).status()).toBe(400);
      const codeError = page.locator('.field', { has: codeField }).getByRole('alert');
      await codeError.getByText(w.wrongCode).waitFor();
      expect(await codeField.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await codeField.getAttribute('aria-describedby')) ?? '';
      expect(await codeError.getAttribute('id'), 'the code field is described by its error').toSatisfy((id: string | null) => id !== null && describedBy.split(' ').includes(id));
      await look(page, 'wrong-code');

      // The right code: she lands on her account page, logged in.
      await codeField.fill(code);
      const confirmed = page.waitForResponse((response) => response.url().endsWith('/api/auth/signup/confirm'));
      await page.getByRole('button', { name: w.confirm, exact: true }).click();
      expect((await confirmed).status()).toBe(200);
      await loaded(page, w.accountTitle);
      await page.getByText(w.welcome(journey.displayName)).waitFor();
      await page.getByText(journey.masked).waitFor();
      await page.getByRole('banner').getByRole('link', { name: journey.displayName, exact: true }).waitFor();
      await look(page, 'account');

      // To the plans: on a phone through the "Me" tab (a new account starts there) and its link to
      // all plans; on a desktop through the header's "Plans".
      if (viewport === 'phone') {
        await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: w.meTab }).click();
        await loaded(page, w.meTitle);
        await page.getByRole('heading', { level: 2, name: w.startHere }).waitFor();
        await look(page, 'me-start');
        await page.getByRole('main').getByRole('link', { name: w.allPlans, exact: true }).click();
      } else {
        await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Plans', exact: true }).click();
      }
      await loaded(page, w.plansTitle);
      const card = page.getByRole('article', { name: w.planName, exact: true });
      await card.getByText(w.postPaid).waitFor();
      await look(page, 'plans');

      // The sample post-paid plan, in plain words; its waiting period is what the dates follow.
      const planAnswer = page.waitForResponse((response) => new URL(response.url()).pathname === `/api/plans/${planId}`);
      await card.getByRole('link', { name: w.detailsOf(w.planName) }).click();
      const plan = (await (await planAnswer).json()) as { plan: { current_version: { rules: { waiting_days: number; funding: { model: string } } } } };
      const rules = plan.plan.current_version.rules;
      expect(rules.funding.model).toBe('post_paid');
      await loaded(page, w.planName);
      expect(new URL(page.url()).pathname).toBe(`/plans/${planId}`);
      await page.getByRole('main').getByText(w.waitingDays(rules.waiting_days), { exact: false }).first().waitFor();
      await look(page, 'plan');

      // She joins it for herself, filling the real form.
      await page.getByRole('link', { name: w.joinThis }).click();
      await loaded(page, w.joinTitle(w.planName));
      expect(await page.getByRole('radio', { name: w.myself, exact: true }).isChecked()).toBe(true);
      const self = journey.self;
      const selfId = residentId(self.area, self.birth, self.sequence);
      await page.getByLabel(w.realName).fill(self.name);
      await page.getByLabel(w.idNumber).fill(selfId);
      await page.getByText(w.derived(self.birth, genderOf(self.sequence))).waitFor();
      await page.getByLabel(w.phone).fill(self.phone);
      await page.getByLabel(w.province).selectOption(self.province);
      const noes = page.getByRole('radio', { name: w.no, exact: true });
      expect(await noes.count()).toBeGreaterThan(0);
      for (const radio of await noes.all()) await radio.check();
      await page.getByLabel(w.agree).check();
      await look(page, 'join-self');

      // A double click on the join button sends one request.
      const before = new Date();
      const joined = page.waitForResponse((response) => response.url().endsWith('/api/members/enrol'));
      await page.getByRole('button', { name: w.submitJoin }).dblclick();
      const selfAnswer = await joined;
      expect(selfAnswer.status()).toBe(201);
      // The welcome, or the refusal a second request would bring (already joined) in its place.
      const welcome = page.getByRole('heading', { level: 2, name: w.welcomePlan(w.planName) });
      await welcome.or(page.locator('main [role="alert"]')).first().waitFor();
      const after = new Date();
      expect(enrolments, 'POSTs sent by the double click').toHaveLength(1);
      await welcome.waitFor();
      const selfJoin = (await selfAnswer.json()) as { status: string; waiting_until: string };
      // The day cover begins: the plan's waiting days from today (as the server counts days).
      const expected = [dayAfter(before, rules.waiting_days), dayAfter(after, rules.waiting_days)];
      expect(selfJoin.status).toBe('waiting');
      expect(expected).toContain(selfJoin.waiting_until);
      await page.getByRole('main').locator(`time[datetime="${selfJoin.waiting_until}"]`).waitFor();
      await look(page, 'joined-self');

      // Back to /me: her membership, and the link to join again for a family member.
      await page.getByRole('link', { name: w.backToMe }).click();
      await loaded(page, w.meTitle);
      await page.getByRole('region', { name: new RegExp(literal(w.self)) }).waitFor();
      await look(page, 'me-self');
      await page.getByRole('main').getByRole('link', { name: w.joinAnother(w.planName), exact: true }).click();
      await loaded(page, w.joinTitle(w.planName));
      // Herself is already a member: the form starts with a new family member.
      expect(await page.getByRole('radio', { name: w.newFamily }).isChecked()).toBe(true);
      const child = journey.child;
      await page.getByLabel(w.realName).fill(child.name);
      await page.getByLabel(w.idNumber).fill(residentId(child.area, child.birth, child.sequence));
      await page.getByText(w.derived(child.birth, genderOf(child.sequence))).waitFor();
      await page.getByLabel(w.phone).fill(child.phone);
      await page.getByLabel(w.province).selectOption(child.province);
      await page.getByLabel(w.relationship).selectOption('child');
      for (const radio of await noes.all()) await radio.check();
      await page.getByLabel(w.agree).check();
      await look(page, 'join-child');
      // Her own join's day may lie before midnight and the child's after it: each is checked against its own time.
      const childBefore = new Date();
      const childJoined = page.waitForResponse((response) => response.url().endsWith('/api/members/enrol'));
      await page.getByRole('button', { name: w.submitJoin }).click();
      const childAnswer = await childJoined;
      const childAfter = new Date();
      expect(childAnswer.status()).toBe(201);
      await page.getByRole('heading', { level: 2, name: w.welcomePlan(w.planName) }).waitFor();
      expect(enrolments).toHaveLength(2);
      const childJoin = (await childAnswer.json()) as { status: string; waiting_until: string };
      expect(childJoin.status).toBe('waiting');
      const childExpected = [dayAfter(childBefore, rules.waiting_days), dayAfter(childAfter, rules.waiting_days)];
      expect(childExpected).toContain(childJoin.waiting_until);
      await look(page, 'joined-child');

      // Both memberships on /me: waiting, until the day the waiting period ends.
      await page.getByRole('link', { name: w.backToMe }).click();
      await loaded(page, w.meTitle);
      for (const [relationship, waitingUntil] of [
        [w.self, selfJoin.waiting_until],
        [w.child, childJoin.waiting_until],
      ] as const) {
        const person = page.getByRole('region', { name: new RegExp(literal(relationship)) });
        await person.waitFor();
        const membership = person.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: w.planName, exact: true }) });
        expect(await membership.count(), relationship).toBe(1);
        expect(await membership.locator('.badge').innerText(), relationship).toBe(w.waiting);
        const until = membership.getByText(w.waitingUntil);
        expect(await until.locator('time').getAttribute('datetime'), relationship).toBe(waitingUntil);
        expect(await until.locator('time').innerText(), relationship).toBe(shownDay(waitingUntil, language));
      }
      // Nobody else's membership: exactly these two people.
      expect(await page.locator('section.person-card').count()).toBe(2);
      await look(page, 'me-both');
      expect(enrolments).toHaveLength(2);
      await context.close();
    }, 300_000);
  }
});

/** A string as a literal in a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
