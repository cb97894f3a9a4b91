/// <reference lib="dom" />
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeNationalId } from '../../src/core/members/national-id.js';
import { FieldCipher } from '../../src/services/crypto/field-cipher.js';
import en from '../../web/src/shared/i18n/en.json' with { type: 'json' };
import zhCN from '../../web/src/shared/i18n/zh-CN.json' with { type: 'json' };
import { formatMoney } from '../../web/src/shared/format/money.js';
import { ApiSession } from './support/api-session.js';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, languages, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { browserAdminPassword, startServer, type RunningServer } from './support/server.js';
import { caseInNotice, cycleWithCases, pages } from './pages/public.js';
import type { PageScene } from './pages/page-entry.js';

const viewportNames: readonly ViewportName[] = ['phone', 'desktop'];
const messages = { 'zh-CN': zhCN, en } as const;

interface Card {
  case_number: string;
  state: string;
  aid_minor: string;
}

/** What a visit saw: every API answer the page fetched, and the text it rendered. */
interface Visit {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly answers: Array<{ url: string; status: number; body: string }>;
  text(): Promise<string>;
}

describe.runIf(chromiumAvailable())('the public pages, as a visitor sees them on the demo community', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  let scene: PageScene;
  /** Every demo person's name, ID number, phone and birth date, and every evidence file name. */
  let secrets: string[] = [];
  const seen: Array<{ where: string; text: string }> = [];

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
    scene = {
      baseUrl: server.url,
      async api<T>(path: string) {
        const response = await fetch(`${server.url}${path}`);
        if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
        return (await response.json()) as T;
      },
    };
    // The server's own database and key (next to it): the personal data the pages must never show.
    const cipher = new FieldCipher(Buffer.from(readFileSync(join(server.dir, 'huzhu.key'), 'utf8').trim(), 'hex'));
    const db = new Database(join(server.dir, 'huzhu.db'), { readonly: true });
    try {
      const persons = db.prepare('select name_enc, id_number_enc, phone_enc, birth_date from persons where demo = 1').all() as Array<{ name_enc: string; id_number_enc: string; phone_enc: string; birth_date: string }>;
      const files = db.prepare('select file_name from claim_evidence').all() as Array<{ file_name: string }>;
      secrets = [
        ...persons.flatMap((person) => [cipher.decrypt(person.name_enc), cipher.decrypt(person.id_number_enc), cipher.decrypt(person.phone_enc).replace(/\D/g, '').slice(-11), person.birth_date]),
        ...files.map((file) => file.file_name),
      ];
      expect(persons.length).toBeGreaterThan(100);
      expect(files.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }, 240_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  async function visit(path: string, language: Language, viewport: ViewportName = 'phone', context?: BrowserContext): Promise<Visit> {
    const own = context ?? (await newContext(chromium.browser, server.url, language, viewport));
    const page = await own.newPage();
    const pending: Array<Promise<void>> = [];
    const answers: Visit['answers'] = [];
    page.on('response', (response: Response) => {
      if (!new URL(response.url()).pathname.startsWith('/api/')) return;
      pending.push(
        response.text().then(
          (body) => void answers.push({ url: response.url(), status: response.status(), body }),
          () => undefined,
        ),
      );
    });
    await page.goto(path);
    return {
      page,
      context: own,
      answers,
      async text() {
        await Promise.all(pending);
        const text = await page.evaluate(() => document.body.innerText);
        seen.push({ where: `${path} (${language}) text`, text }, ...answers.map((answer) => ({ where: `${path} (${language}) GET ${answer.url}`, text: answer.body })));
        return text;
      },
    };
  }

  it('shows every page in both languages at both sizes, with screenshots and no accessibility violations', async () => {
    for (const entry of pages) {
      const path = typeof entry.path === 'string' ? entry.path : await entry.path(scene);
      for (const language of languages) {
        for (const viewport of viewportNames) {
          const seen_at = await visit(path, language, viewport);
          await entry.ready(seen_at.page);
          await seen_at.page.waitForFunction((chosen) => document.documentElement.lang === chosen, language);
          expect(await seen_at.page.locator('h1').count(), `${entry.name} has one h1`).toBe(1);
          await screenshot(seen_at.page, entry.name, language, viewport);
          expect(await axeViolations(seen_at.page), `${entry.name} ${language} ${viewport}`).toEqual([]);
          await seen_at.text();
          await seen_at.context.close();
        }
      }
    }
  }, 600_000);

  it('home: the plans with their aid formatted per language, people helped and the latest shares; no chart library loaded', async () => {
    const statistics = await scene.api<{ per_cycle: Array<{ plan_id: string; people_helped_to_date: number }> }>('/api/public/statistics');
    const latest = new Map(statistics.per_cycle.map((cycle) => [cycle.plan_id, cycle.people_helped_to_date]));
    const helped = [...latest.values()].reduce((sum, count) => sum + count, 0);
    expect(helped).toBeGreaterThan(0);
    for (const language of languages) {
      const home = await visit('/', language);
      const scripts: string[] = [];
      home.page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(request.url());
      });
      await home.page.locator('#home-plans').waitFor();
      const main = home.page.locator('main');
      await main.getByText(formatMoney('30000000', 'CNY', language), { exact: true }).first().waitFor();
      await main.getByText(formatMoney('10000000', 'CNY', language), { exact: true }).first().waitFor();
      await main.getByText(new Intl.NumberFormat(language).format(helped), { exact: true }).first().waitFor();
      expect(await home.page.getByRole('link', { name: messages[language].home.linkVerify }).getAttribute('href')).toBe('/verify/share');
      await home.text();
      const loaded = await home.page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
      expect([...loaded, ...scripts].filter((url) => /echart/i.test(url))).toEqual([]);
      await home.context.close();
    }
  });

  it('a plan: its rules in plain words, and what a new version changes, row by row', async () => {
    // An operator announces version 2 (a shorter waiting period), as the plan's history would show it.
    const admin = await ApiSession.login(server.url, 'admin', browserAdminPassword);
    await admin.request('POST', '/api/users', { username: 'public-pages-operator', display_name: 'Operator', password: 'operator-password-public', roles: ['operator'] });
    const operator = await ApiSession.login(server.url, 'public-pages-operator', 'operator-password-public');
    const { plan } = await scene.api<{ plan: { current_version: { rules: Record<string, unknown> & { waiting_days: number } } } }>('/api/plans/critical-illness');
    expect(plan.current_version.rules.waiting_days).toBe(90);
    await operator.request('POST', '/api/plans/critical-illness/versions', { effective_at: '2099-01-01T00:00:00+08:00', note: 'Waiting period of 60 days', rules: { ...plan.current_version.rules, waiting_days: 60 } });
    for (const language of languages) {
      const view = await visit('/plans/critical-illness', language);
      const page = view.page;
      const text = messages[language].plans;
      await page.getByRole('heading', { level: 2, name: text.history }).waitFor();
      await page.getByRole('heading', { level: 3, name: text.rules.aid }).waitFor();
      await page.locator('main').getByText(formatMoney('30000000', 'CNY', language), { exact: true }).first().waitFor();
      const changes = page.getByRole('table', { name: text.changesFrom.replace('{{version}}', '1') });
      const row = changes.getByRole('row', { name: new RegExp(text.rules.waiting) });
      await row.waitFor();
      const cells = await row.getByRole('cell').allInnerTexts();
      expect(cells[0]).toContain('90');
      expect(cells[1]).toContain('60');
      expect(await changes.getByRole('row').count()).toBe(2);
      expect(await page.getByRole('link', { name: text.joinThis }).getAttribute('href')).toBe('/join/critical-illness');
      await view.text();
      await view.context.close();
    }
  });

  it('the notice: the case in notice as a card; a visitor who objects is sent to log in and back', async () => {
    const case_number = await caseInNotice(scene);
    for (const language of languages) {
      const view = await visit('/notices', language);
      const card = view.page.locator(`#card-${case_number}`);
      await card.getByRole('link', { name: new RegExp(case_number) }).waitFor();
      // Whether this case is in the next cycle's estimate depends on the day the demo was seeded (its
      // notice may end after the next snapshot), so the test waits for the section, not the estimate.
      await view.page.getByText(messages[language].notices.nextCycle).first().waitFor();
      await view.text();
      await card.getByRole('button', { name: messages[language].notices.object.buttonFor.replace('{{case_number}}', case_number) }).click();
      await view.page.waitForURL((url) => url.pathname === '/login');
      expect(new URL(view.page.url()).searchParams.get('next')).toBe('/notices');
      await view.context.close();
    }
  });

  it('the notice: a member not in the case’s plan writes a reason, and the API’s refusal is shown beside the form', async () => {
    const admin = await ApiSession.login(server.url, 'admin', browserAdminPassword);
    await admin.request('POST', '/api/users', { username: 'senior-only', display_name: 'Senior member', password: 'senior-member-password', roles: ['member'] });
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'senior-only', password: 'senior-member-password' }) });
    const session = /huzhu_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    expect(session).toBeDefined();
    const member = new ApiSession(server.url);
    const headers = { cookie: `huzhu_session=${session}` };
    // A member of the senior plan only: the case in notice is the critical illness plan's.
    await member.request(
      'POST',
      '/api/members/enrol',
      {
        plan_id: 'senior-cancer',
        person: { name: '欧阳晓岚', id_number: makeNationalId('110105', { year: 1961, month: 3, day: 4 }, 917, 'female'), birth_date: '1961-03-04', gender: 'female', province: '北京', phone: '13912340917', relationship: 'self' },
        answers: { 'HQ-CANCER': false, 'HQ-HEART': false, 'HQ-HOSPITAL': false },
      },
      headers,
    );
    const case_number = await caseInNotice(scene);
    const { cases } = await scene.api<{ cases: Card[] }>(`/api/public/cases?plan_id=community-critical-illness&limit=50`);
    expect(cases.find((card) => card.case_number === case_number)?.state).toBe('in_notice');
    for (const language of languages) {
      const context = await newContext(chromium.browser, server.url, language, 'phone');
      await context.addCookies([{ name: 'huzhu_session', value: session!, url: server.url }]);
      const view = await visit('/notices', language, 'phone', context);
      const page = view.page;
      const text = messages[language].notices.object;
      const card = page.locator(`#card-${case_number}`);
      await card.getByRole('button', { name: text.buttonFor.replace('{{case_number}}', case_number) }).click();
      const form = page.getByRole('form', { name: text.formLabel.replace('{{case_number}}', case_number) });
      await form.getByLabel(text.membership).waitFor();
      await form.getByText(text.otherPlanOnly).waitFor();
      // Checked before sending: an empty reason never reaches the API.
      let posted = 0;
      page.on('request', (request) => {
        if (request.method() === 'POST' && request.url().includes('/objections')) posted += 1;
      });
      await form.getByRole('button', { name: text.send }).click();
      await form.getByText(text.reasonRequired).waitFor();
      expect(posted).toBe(0);
      await form.getByLabel(text.reason).fill('The diagnosis date looks earlier than the joining date.');
      const [answer] = await Promise.all([page.waitForResponse((response) => response.url().includes('/objections') && response.request().method() === 'POST'), form.getByRole('button', { name: text.send }).click()]);
      expect(answer.status()).toBe(422);
      const refusal = (await answer.json()) as { error: { code: string; message: string } };
      expect(refusal.error.code).toBe('CLAIM_OBJECTOR_NOT_ELIGIBLE');
      const translated = (messages[language].errors as Record<string, string>)[refusal.error.code];
      await form.getByRole('alert').filter({ hasText: translated ?? refusal.error.message }).waitFor();
      expect(await axeViolations(page), `objection form ${language}`).toEqual([]);
      await screenshot(page, 'public-notices-objection-refused', language, 'phone');
      await view.text();
      await context.close();
    }
  });

  it('a case: its anonymized card and the jury’s public record', async () => {
    const case_number = await caseInNotice(scene);
    const { case: card } = await scene.api<{ case: Card & { illness: { name_zh: string; name_en: string } } }>(`/api/public/cases/${case_number}`);
    for (const language of languages) {
      const view = await visit(`/cases/${case_number}`, language);
      await view.page.getByRole('heading', { level: 1, name: new RegExp(case_number) }).waitFor();
      const main = view.page.locator('main');
      await main.getByText(language === 'en' ? card.illness.name_en : card.illness.name_zh, { exact: true }).waitFor();
      await main.getByText(formatMoney(card.aid_minor, 'CNY', language), { exact: true }).first().waitFor();
      await view.page.getByRole('heading', { level: 2, name: messages[language].cases.jury.title }).waitFor();
      await main.getByText(messages[language].cases.jury.none).waitFor();
      await view.text();
      await view.context.close();
    }
  });

  it('the cycle reports: each chart has its table, with a row per cycle and per kind of case', async () => {
    const statistics = await scene.api<{ per_cycle: Array<{ plan_id: string; members_covered: number }> }>('/api/public/statistics?plan_id=community-critical-illness');
    const breakdowns = await scene.api<{ per_year: Array<{ by_province: Array<{ province: string }> }> }>('/api/public/statistics/cases?plan_id=community-critical-illness');
    const provinces = new Set(breakdowns.per_year.flatMap((year) => year.by_province.map((item) => item.province)));
    expect(provinces.size).toBeGreaterThan(0);
    for (const language of languages) {
      const view = await visit('/cycles?plan=community-critical-illness', language, 'desktop');
      const page = view.page;
      const text = messages[language].cycles;
      const members = page.getByRole('table', { name: messages[language].chart.tableOf.replace('{{title}}', text.chart.members) });
      await members.waitFor();
      expect(await members.locator('tbody tr').count()).toBe(statistics.per_cycle.length);
      const last = statistics.per_cycle.at(-1)!;
      await members.getByRole('cell', { name: new Intl.NumberFormat(language).format(last.members_covered), exact: true }).first().waitFor();
      const byProvince = page.getByRole('table', { name: messages[language].chart.tableOf.replace('{{title}}', text.chart.province) });
      expect(await byProvince.locator('tbody tr').count()).toBe(provinces.size);
      // Each chart is drawn (lazily, with ECharts) and described for screen readers.
      await page.waitForFunction(() => Array.from(document.querySelectorAll('.chart-box')).every((box) => box.querySelector('.chart svg') !== null));
      expect(await page.locator('.chart-box').count()).toBe(6);
      expect(await page.getByRole('img', { name: new RegExp(text.chart.sharePerCycle) }).count()).toBe(1);
      await view.text();
      await view.context.close();
    }
  });

  it('a cycle report: figures, root, the cases shared, the export to download and the link to verify it', async () => {
    const cycle_id = await cycleWithCases(scene);
    const report = await scene.api<{ cycle: { merkle_root_hex: string }; cases: Array<{ card: Card }> }>(`/api/public/cycles/${cycle_id}`);
    for (const language of languages) {
      const view = await visit(`/cycles/${cycle_id}`, language);
      const page = view.page;
      const text = messages[language].cycles;
      await page.getByText(report.cycle.merkle_root_hex, { exact: true }).waitFor();
      for (const item of report.cases) await page.locator(`#card-${item.card.case_number}`).waitFor();
      expect(await page.getByRole('link', { name: text.download }).getAttribute('href')).toBe(`/api/public/cycles/${cycle_id}/export`);
      expect(await page.getByRole('link', { name: text.verifyCycle }).getAttribute('href')).toBe(`/verify/cycle?cycle=${cycle_id}`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: text.download }).click()]);
      expect(download.suggestedFilename()).toBe(`${cycle_id}.jsonl`);
      await view.text();
      await view.context.close();
    }
  });

  it('no page nor any answer it fetched shows a demo person’s name, ID number, phone, birth date or evidence file name', () => {
    // Not vacuous: the visits above saw the pages' texts and their API answers, case cards among them.
    expect(seen.length).toBeGreaterThan(100);
    expect(seen.some((entry) => entry.text.includes('name_masked'))).toBe(true);
    const found: string[] = [];
    for (const entry of seen) {
      const text = entry.text.toLowerCase();
      for (const secret of secrets) if (text.includes(secret.toLowerCase())) found.push(`${entry.where} → ${secret}`);
    }
    expect(found).toEqual([]);
  });
});
