/// <reference lib="dom" />
import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headerLine, parseHeaderLine, signedHeaderPayload } from '../../src/core/cycles/cycle-export.js';
import { ApiSession } from './support/api-session.js';
import { axeViolations } from './support/axe.js';
import { chromiumAvailable, languages, launchChromium, newContext, screenshot, type Language, type LaunchedBrowser, type ViewportName } from './support/browser.js';
import { browserAdminPassword, startServer, type RunningServer } from './support/server.js';

const viewportNames: readonly ViewportName[] = ['phone', 'desktop'];

/** From the top, so the sticky header and the tab bar sit where a person sees them first. */
async function shoot(page: Page, name: string, language: Language, viewport: ViewportName): Promise<void> {
  // Nothing wider than the screen: long hex values wrap instead of widening the page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${name} ${language} ${viewport}`).toBe(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name, language, viewport);
}
const texts = {
  'zh-CN': { verifyFile: '验证这个文件', verifyServer: '验证服务器上的副本', ok: '通过', failed: '未通过', check: '核对证明', proof: '证明（huzhu-proof/1 JSON）' },
  en: { verifyFile: 'Verify this file', verifyServer: "Verify the server's copy", ok: 'OK', failed: 'FAILED', check: 'Check the proof', proof: 'The proof (huzhu-proof/1 JSON)' },
} as const;

interface PublishedCycle {
  cycle_id: string;
  plan_id: string;
  member_count: number | null;
  merkle_root_hex: string | null;
}

interface Proof {
  cycle_id: string;
  member_code: string;
  share_minor: string;
  leaf_index: number;
}

/**
 * A member line's share raised by two fen. One fen more could still be a valid allocation (floor or
 * floor + 1) that only the sums and the root catch; two fen more is wrong on that line whatever
 * the plan's caps, so the verifier names the line.
 */
function withShareRaised(text: string, lineNumber: number): { text: string; member_code: string } {
  const lines = text.split('\n');
  const line = lines[lineNumber - 1]!;
  lines[lineNumber - 1] = line.replace(/"share_minor":"(\d+)"/, (_, share: string) => `"share_minor":"${BigInt(share) + 2n}"`);
  expect(lines[lineNumber - 1]).not.toBe(line);
  return { text: lines.join('\n'), member_code: (JSON.parse(line) as { member_code: string }).member_code };
}

/** The export re-signed with a key of someone else's, naming that key: a forgery that signs itself. */
function signedByAnotherKey(text: string): { text: string; public_key_hex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const public_key_hex = spki.subarray(spki.length - 32).toString('hex');
  const newline = text.indexOf('\n');
  const parsed = parseHeaderLine(text.slice(0, newline));
  if (!parsed.ok) throw new Error(parsed.rejection.message);
  const { signature_hex: _old, ...unsigned } = { ...parsed.value, public_key_hex };
  const signature_hex = sign(null, Buffer.from(signedHeaderPayload(unsigned), 'utf8'), privateKey).toString('hex');
  return { text: `${headerLine({ ...unsigned, signature_hex })}${text.slice(newline)}`, public_key_hex };
}

describe.runIf(chromiumAvailable())('the verify pages', () => {
  let server: RunningServer;
  let chromium: LaunchedBrowser;
  let folder: string;
  let operator: ApiSession;
  let operatorKey: string;
  let cycle: PublishedCycle;
  let membership_id: string;
  let proof: Proof & Record<string, unknown>;
  const files = { good: '', tampered: '', forged: '' };
  let tamperedCode = '';
  let forgedKey = '';
  const tamperedLine = 5;

  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium();
    folder = mkdtempSync(join(tmpdir(), 'huzhu-verify-'));
    const admin = await ApiSession.login(server.url, 'admin', browserAdminPassword);
    await admin.request('POST', '/api/users', { username: 'verify-operator', display_name: 'Verify Operator', password: 'operator-password-for-verify', roles: ['operator'] });
    operator = await ApiSession.login(server.url, 'verify-operator', 'operator-password-for-verify');

    operatorKey = (await (await fetch(`${server.url}/api/public/operator-key`)).json()).public_key_hex as string;
    const { cycles } = (await (await fetch(`${server.url}/api/public/cycles`)).json()) as { cycles: PublishedCycle[] };
    // The demo's largest published cycle, whichever plan it shares.
    cycle = cycles.filter((candidate) => candidate.merkle_root_hex !== null).sort((a, b) => (b.member_count ?? 0) - (a.member_count ?? 0))[0]!;
    expect(cycle.member_count).toBeGreaterThan(tamperedLine);

    // One covered member's proof, as the member's page would fetch it (here as the operator).
    const { memberships } = await operator.request<{ memberships: Array<{ membership_id: string }> }>('GET', `/api/memberships?plan_id=${cycle.plan_id}&status=active&limit=20`);
    for (const membership of memberships) {
      try {
        proof = await operator.request('GET', `/api/memberships/${membership.membership_id}/cycles/${cycle.cycle_id}/proof`);
        membership_id = membership.membership_id;
        break;
      } catch {
        // Joined after this cycle's snapshot: not in it; try the next one.
      }
    }
    expect(proof.member_code).toMatch(/^M/);

    // The export as a visitor downloads it, a copy with one share changed, and one re-signed by another key.
    const text = await (await fetch(`${server.url}/api/public/cycles/${cycle.cycle_id}/export`)).text();
    files.good = join(folder, `${cycle.cycle_id}.jsonl`);
    writeFileSync(files.good, text);
    const tampered = withShareRaised(text, tamperedLine);
    tamperedCode = tampered.member_code;
    files.tampered = join(folder, `${cycle.cycle_id}.tampered.jsonl`);
    writeFileSync(files.tampered, tampered.text);
    const forged = signedByAnotherKey(text);
    forgedKey = forged.public_key_hex;
    files.forged = join(folder, `${cycle.cycle_id}.forged.jsonl`);
    writeFileSync(files.forged, forged.text);
  }, 180_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  async function open(language: Language, viewport: ViewportName, path: string, context?: BrowserContext): Promise<Page> {
    const page = await (context ?? (await newContext(chromium.browser, server.url, language, viewport))).newPage();
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  async function verifyFile(page: Page, language: Language, file: string): Promise<void> {
    await page.getByLabel(language === 'en' ? 'Export file (huzhu-cycle/1 or /2, .jsonl)' : '导出文件（huzhu-cycle/1 或 /2，.jsonl）').setInputFiles(file);
    await page.getByRole('button', { name: texts[language].verifyFile }).click();
    await page.locator('.verify-verdict').waitFor();
  }

  async function expectFullProgress(page: Page): Promise<void> {
    const bar = page.locator('#verify-result-heading ~ progress');
    const [value, max] = await bar.evaluate((element: HTMLProgressElement) => [element.value, element.max]);
    expect(value).toBeGreaterThan(0);
    expect(value).toBe(max);
    await expect.poll(() => page.locator('.verify-progress-text').last().innerText()).toContain('100%');
  }

  it('a visitor downloads a cycle export and verifies it in the browser: OK, the progress bar at 100%', async () => {
    for (const language of languages) {
      for (const viewport of viewportNames) {
        const context = await newContext(chromium.browser, server.url, language, viewport);
        // The visitor's download, as the cycle report's link makes it: the file opened below.
        const download = await context.request.get(`/api/public/cycles/${cycle.cycle_id}/export`);
        expect(download.status()).toBe(200);
        expect(download.headers()['content-disposition']).toContain(`${cycle.cycle_id}.jsonl`);
        const file = join(folder, `${cycle.cycle_id}.${language}.${viewport}.jsonl`);
        writeFileSync(file, await download.body());
        const page = await open(language, viewport, '/verify/cycle', context);
        await page.getByTestId('operator-key').getByText(operatorKey).waitFor();
        await verifyFile(page, language, file);
        await expect.poll(() => page.locator('.verify-verdict').innerText()).toBe(texts[language].ok);
        const result = await page.locator('section[aria-labelledby="verify-result-heading"]').innerText();
        expect(result).toContain(cycle.cycle_id);
        expect(result).toContain(cycle.merkle_root_hex);
        expect(result).toContain(operatorKey);
        await expectFullProgress(page);
        console.log(`[verify] ${cycle.cycle_id} in Chromium (${language}, ${viewport}): ${await page.getByTestId('verify-speed').innerText()}`);
        await shoot(page, 'verify-cycle-ok', language, viewport);
        expect(await axeViolations(page), `${language} ${viewport}`).toEqual([]);
        await context.close();
      }
    }
  });

  it('a tampered copy (one member\'s share changed on one line) shows FAILED, naming that line', async () => {
    for (const language of languages) {
      for (const viewport of viewportNames) {
        const page = await open(language, viewport, '/verify/cycle');
        await verifyFile(page, language, files.tampered);
        await expect.poll(() => page.locator('.verify-verdict').innerText()).toBe(texts[language].failed);
        const differences = await page.locator('.verify-differences li').allInnerTexts();
        expect(differences.some((difference) => difference.startsWith(`line ${tamperedLine} (member ${tamperedCode})`)), differences.join('\n')).toBe(true);
        expect(differences.some((difference) => difference.includes('merkle_root_hex'))).toBe(true);
        await expectFullProgress(page);
        await shoot(page, 'verify-cycle-failed', language, viewport);
        expect(await axeViolations(page), `${language} ${viewport}`).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('an export signed by another key fails against the operator\'s key, and a good one fails against a wrong key', async () => {
    const page = await open('en', 'desktop', '/verify/cycle');
    await verifyFile(page, 'en', files.forged);
    await expect.poll(() => page.locator('.verify-verdict').innerText()).toBe('FAILED');
    // Its signature holds for the key it names: only the published key shows who signed it.
    expect(await page.locator('.verify-differences li').allInnerTexts()).toEqual([`header public_key_hex is ${forgedKey} but the operator's key is ${operatorKey}`]);

    await page.getByText('Use another key (optional)').click();
    const wrongKey = 'ab'.repeat(32);
    await page.getByLabel('The other key (ed25519, hex)').fill('not a key');
    await page.getByRole('button', { name: 'Verify this file' }).click();
    await page.getByText('A key is 64 hex digits (0–9, a–f).').waitFor();
    await page.getByLabel('The other key (ed25519, hex)').fill(wrongKey);
    await verifyFile(page, 'en', files.good);
    await expect.poll(() => page.locator('.verify-verdict').innerText()).toBe('FAILED');
    expect(await page.locator('.verify-differences li').allInnerTexts()).toEqual([`header public_key_hex is ${operatorKey} but the operator's key is ${wrongKey}`]);
    await page.context().close();
  });

  it('verifies the server\'s copy of a cycle chosen by its link, with the progress in lines', async () => {
    for (const language of languages) {
      const page = await open(language, 'phone', `/verify/cycle?cycle=${cycle.cycle_id}`);
      const select = page.getByLabel(language === 'en' ? 'Cycle' : '分摊期', { exact: true });
      await expect.poll(() => select.inputValue()).toBe(cycle.cycle_id);
      const exported = page.waitForResponse((response) => response.url().endsWith(`/api/public/cycles/${cycle.cycle_id}/export`));
      await page.getByRole('button', { name: texts[language].verifyServer }).click();
      expect((await exported).status()).toBe(200);
      await page.locator('.verify-verdict').waitFor();
      await expect.poll(() => page.locator('.verify-verdict').innerText()).toBe(texts[language].ok);
      expect(await page.locator('section[aria-labelledby="verify-result-heading"]').innerText()).toContain(cycle.cycle_id);
      await expectFullProgress(page);
      await page.context().close();
    }
  });

  async function pasteAndCheck(page: Page, language: Language, text: string): Promise<void> {
    await page.getByLabel(texts[language].proof).fill(text);
    await page.getByRole('button', { name: texts[language].check }).click();
  }

  it('/verify/share accepts a correct proof and rejects a tampered one, naming the check that failed', async () => {
    for (const language of languages) {
      for (const viewport of viewportNames) {
        const page = await open(language, viewport, '/verify/share');
        await pasteAndCheck(page, language, JSON.stringify(proof, null, 2));
        await page.locator('.verify-verdict').waitFor();
        expect(await page.locator('.verify-verdict').innerText()).toBe(texts[language].ok);
        expect(await page.locator('.verify-check.failed').count()).toBe(0);
        expect(await page.locator('.verify-check').count()).toBe(6);
        const result = await page.locator('section[aria-labelledby="share-result-heading"]').innerText();
        expect(result).toContain(proof.member_code);
        expect(result).toContain(language === 'en' ? "your browser's WebCrypto" : '浏览器的 WebCrypto');
        await shoot(page, 'verify-share-ok', language, viewport);
        expect(await axeViolations(page), `${language} ${viewport}`).toEqual([]);

        const tampered = { ...proof, share_minor: (BigInt(proof.share_minor) + 1n).toString() };
        await pasteAndCheck(page, language, JSON.stringify(tampered));
        await expect.poll(() => page.locator('.verify-verdict').innerText()).toBe(texts[language].failed);
        const failed = await page.locator('.verify-check.failed').allInnerTexts();
        expect(failed).toHaveLength(1);
        expect(failed[0]).toContain(proof.member_code);
        expect(failed[0]).toContain(cycle.merkle_root_hex);
        await shoot(page, 'verify-share-failed', language, viewport);
        expect(await axeViolations(page), `${language} ${viewport}`).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('/verify/share refuses what is no proof, next to the field', async () => {
    const page = await open('en', 'phone', '/verify/share');
    await page.getByRole('button', { name: 'Check the proof' }).click();
    await page.getByText('Paste a proof or open a proof file first.').waitFor();
    await pasteAndCheck(page, 'en', '{"format":"huzhu-proof/1"');
    await page.getByText(/^This is not JSON:/).waitFor();
    const { leaf_index: _index, ...withoutIndex } = proof;
    await pasteAndCheck(page, 'en', JSON.stringify(withoutIndex));
    await page.getByText('This is not a valid proof: the proof lacks leaf_index').waitFor();
    expect(await page.getByLabel('The proof (huzhu-proof/1 JSON)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.verify-verdict').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('opens a logged-in member\'s own proof from the member pages\' link, and asks a visitor to log in', async () => {
    const path = `/verify/share?membership=${membership_id}&cycle=${cycle.cycle_id}`;
    const visitor = await open('en', 'phone', path);
    await visitor.getByText(`Log in to load your own proof for cycle ${cycle.cycle_id}.`).waitFor();
    expect(await visitor.getByRole('link', { name: 'Log in' }).last().getAttribute('href')).toBe(`/login?next=${encodeURIComponent(path)}`);
    await visitor.context().close();

    const context = await newContext(chromium.browser, server.url, 'en', 'phone');
    const login = await context.request.post('/api/auth/login', { data: { username: 'verify-operator', password: 'operator-password-for-verify' } });
    expect(login.status()).toBe(200);
    const page = await open('en', 'phone', path, context);
    await page.getByText(`Your proof for cycle ${cycle.cycle_id} was loaded from your account.`).waitFor();
    await page.locator('.verify-verdict').waitFor();
    expect(await page.locator('.verify-verdict').innerText()).toBe('OK');
    expect(JSON.parse(await page.getByLabel('The proof (huzhu-proof/1 JSON)').inputValue())).toEqual(proof);
    await context.close();
  });

  it('/verify says what can be checked and shows the operator\'s published key', async () => {
    for (const language of languages) {
      for (const viewport of viewportNames) {
        const page = await open(language, viewport, '/verify');
        await page.getByTestId('operator-key').getByText(operatorKey).waitFor();
        expect(await page.getByRole('link', { name: language === 'en' ? 'Verify my share' : '验证我的分摊' }).getAttribute('href')).toBe('/verify/share');
        expect(await page.getByRole('link', { name: language === 'en' ? 'Verify a cycle' : '验证一期分摊' }).getAttribute('href')).toBe('/verify/cycle');
        await shoot(page, 'verify-overview', language, viewport);
        expect(await axeViolations(page), `${language} ${viewport}`).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('loads the verifier only on the verify pages, not with the home page', async () => {
    const context = await newContext(chromium.browser, server.url, 'en', 'desktop');
    const page = await context.newPage();
    // A body is null when the browser dropped it before it was read: a late script of the home page
    // once the next page is loading. The home page's are all read before it is left (checked below).
    const scripts: Array<Promise<{ url: string; text: string | null }>> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script' || response.url().endsWith('.js')) {
        scripts.push(response.text().then((text) => ({ url: response.url(), text }), () => ({ url: response.url(), text: null })));
      }
    });
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const home = await Promise.all(scripts);
    expect(home.length).toBeGreaterThan(0);
    expect(home.filter((script) => script.text === null).map((script) => script.url), 'home scripts whose body could not be read').toEqual([]);
    // A field name only the verifier and the export parser spell out.
    expect(home.filter((script) => script.text!.includes('lines_sha256_hex')).map((script) => script.url)).toEqual([]);

    const worker = page.waitForEvent('worker');
    await page.goto('/verify/cycle');
    await verifyFile(page, 'en', files.good);
    const workerUrl = (await worker).url();
    expect(workerUrl).toMatch(/verify-worker/);
    // The verifier is the worker's script. Fetched again here: a worker's own requests are not
    // always reported to the page's response events, so they cannot be counted on.
    const workerScript = await context.request.get(workerUrl);
    expect(workerScript.status()).toBe(200);
    expect(await workerScript.text()).toContain('lines_sha256_hex');
    await context.close();
  });
});
