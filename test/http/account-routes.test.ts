import fc from 'fast-check';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { describeEachBackend } from '../support/test-stores.js';
import { startTestApp, testNow, type TestApp } from '../support/test-app.js';
import { testContext } from '../support/test-context.js';

const password = 'a-long-password';
const later = (seconds: number) => new Date(Date.parse(testNow) + seconds * 1000).toISOString();

type Injected = { statusCode: number; json(): { error?: { code: string } } };
const outcome = (response: Injected) => [response.statusCode, response.json().error?.code ?? 'ok'];

interface MailboxMessage {
  id: string;
  channel: string;
  to: string;
  subject_en: string;
  body_en: string;
  body_zh: string;
}

describeEachBackend('HTTP accounts: sign-up, code, login by contact, password reset, dev mailbox', (dialect) => {
  let t: TestApp;
  let clock = 0;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  // Each step moves the clock past the resend cooldown, so the tests do not trip over it.
  const step = () => t.context.clock.set(later((clock += 61)));
  const post = (url: string, payload: unknown, cookie?: string) =>
    t.app.inject({ method: 'POST', url, payload: payload as Record<string, unknown>, ...(cookie === undefined ? {} : { headers: { cookie } }) });
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, ...(cookie === undefined ? {} : { headers: { cookie } }) });
  const mailbox = async (): Promise<MailboxMessage[]> => {
    const response = await get('/api/dev/mailbox');
    expect(response.statusCode, response.body).toBe(200);
    return response.json().messages;
  };
  /** The code in the newest message to this masked contact, as a newcomer reads it. */
  const latestCode = async (to: string) => {
    const message = (await mailbox()).find((candidate) => candidate.to === to);
    const code = /\b(\d{6})\b/.exec(message?.body_en ?? '')?.[1];
    if (code === undefined) throw new Error(`no code for ${to}`);
    return code;
  };
  const cookieOf = (response: { cookies: Array<{ name: string; value: string }> }) => {
    const cookie = response.cookies.find((candidate) => candidate.name === 'huzhu_session');
    if (cookie === undefined) throw new Error('no session cookie');
    return `huzhu_session=${cookie.value}`;
  };

  it('signs a newcomer up by e-mail: 202, the code in the mailbox, confirmed into a logged-in member with no memberships', async () => {
    step();
    const signup = await post('/api/auth/signup', { contact: 'Newcomer@Example.com', display_name: 'New Comer', password });
    expect(signup.statusCode, signup.body).toBe(202);
    expect(signup.json()).toEqual({ channel: 'email', contact_masked: 'n***@example.com', expires_in_seconds: 600, resend_after_seconds: 60 });
    // Pending: no account, no login.
    expect(outcome(await post('/api/auth/login', { username: 'newcomer@example.com', password }))).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);

    const code = await latestCode('n***@example.com');
    const confirmed = await post('/api/auth/signup/confirm', { contact: 'newcomer@example.com', code });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().user).toMatchObject({ display_name: 'New Comer', roles: ['member'], disabled: false });
    const cookie = confirmed.cookies.find((candidate) => candidate.name === 'huzhu_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const session = cookieOf(confirmed);
    expect((await get('/api/auth/me', session)).json().user.username).toBe(confirmed.json().user.username);
    const members = await get('/api/members/me', session);
    expect(members.statusCode, members.body).toBe(200);
    expect(JSON.stringify(members.json())).not.toMatch(/"membership_id"/);
    expect((await get('/api/auth/contacts', session)).json()).toEqual({ contacts: [{ kind: 'email', masked: 'n***@example.com', confirmed_at: later(clock) }] });
    expect(outcome(await get('/api/auth/contacts'))).toEqual([401, 'AUTH_REQUIRED']);

    // Logs in with the e-mail, in any case; wrong and unknown are one rejection.
    const login = await post('/api/auth/login', { username: 'NEWCOMER@example.com', password });
    expect(login.statusCode, login.body).toBe(200);
    const wrong = await post('/api/auth/login', { username: 'newcomer@example.com', password: 'wrong-password' });
    const unknown = await post('/api/auth/login', { username: 'nobody@example.com', password: 'wrong-password' });
    expect([wrong.statusCode, wrong.json()]).toEqual([unknown.statusCode, unknown.json()]);
    expect(outcome(wrong)).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
  });

  it('signs up by mobile number through SMS and logs in with it', async () => {
    step();
    expect((await post('/api/auth/signup', { contact: '+86 139 0000 1234', display_name: '林晓', password })).json().channel).toBe('sms');
    const [message] = await mailbox();
    expect(message).toMatchObject({ channel: 'sms', to: '139****1234' });
    const code = await latestCode('139****1234');
    expect((await post('/api/auth/signup/confirm', { contact: '13900001234', code })).statusCode).toBe(200);
    expect((await post('/api/auth/login', { username: '139-0000-1234', password })).json().user.display_name).toBe('林晓');
  });

  it('shows a wrong, expired or exhausted code with its code, and resends only after the cooldown', async () => {
    step();
    await post('/api/auth/signup', { contact: 'slow@example.com', display_name: 'Slow', password });
    const code = await latestCode('s***@example.com');
    const other = code === '000000' ? '111111' : '000000';
    expect(outcome(await post('/api/auth/signup/confirm', { contact: 'slow@example.com', code: other }))).toEqual([400, 'AUTH_CODE_INVALID']);
    expect(outcome(await post('/api/auth/signup/confirm', { contact: 'slow@example.com', code: '12345' }))).toEqual([400, 'VALIDATION_FAILED']);
    const tooSoon = await post('/api/auth/signup/resend', { contact: 'slow@example.com' });
    expect(outcome(tooSoon)).toEqual([429, 'AUTH_RESEND_TOO_SOON']);
    expect(tooSoon.json()).toMatchObject({ error: { details: { retry_after_seconds: 60 } } });

    t.context.clock.set(later((clock += 600)));
    expect(outcome(await post('/api/auth/signup/confirm', { contact: 'slow@example.com', code }))).toEqual([400, 'AUTH_CODE_EXPIRED']);
    const resent = await post('/api/auth/signup/resend', { contact: 'slow@example.com' });
    expect(resent.statusCode, resent.body).toBe(202);
    const fresh = await latestCode('s***@example.com');
    for (let attempt = 0; attempt < 4; attempt += 1) await post('/api/auth/signup/confirm', { contact: 'slow@example.com', code: fresh === '000000' ? '111111' : '000000' });
    expect(outcome(await post('/api/auth/signup/confirm', { contact: 'slow@example.com', code: fresh === '000000' ? '111111' : '000000' }))).toEqual([400, 'AUTH_CODE_EXHAUSTED']);
    expect(outcome(await post('/api/auth/signup/confirm', { contact: 'slow@example.com', code: fresh }))).toEqual([400, 'AUTH_CODE_EXHAUSTED']);
  });

  it('answers a sign-up with a confirmed contact exactly like a new one, and tells the owner instead', async () => {
    step();
    const taken = await post('/api/auth/signup', { contact: 'newcomer@example.com', display_name: 'Impostor', password: 'impostor-password' });
    const fresh = await post('/api/auth/signup', { contact: 'nobody-yet@example.com', display_name: 'Nobody', password });
    expect([taken.statusCode, taken.json()]).toEqual([fresh.statusCode, fresh.json()]);
    const messages = await mailbox();
    expect(messages[1]).toMatchObject({ to: 'n***@example.com', subject_en: 'Someone tried to sign up to Huzhu with your contact' });
    expect(messages[1]!.body_en).not.toMatch(/\d{6}/);
    expect(outcome(await post('/api/auth/signup/confirm', { contact: 'newcomer@example.com', code: '123456' }))).toEqual([400, 'AUTH_CODE_INVALID']);
    expect((await post('/api/auth/login', { username: 'newcomer@example.com', password })).statusCode).toBe(200);
  });

  it('resets a password: 202 for any contact, the code for the owner only, every other session ended', async () => {
    step();
    const old = cookieOf(await post('/api/auth/login', { username: 'newcomer@example.com', password }));
    const before = (await mailbox()).length;
    const known = await post('/api/auth/password-reset', { contact: 'newcomer@example.com' });
    const unknown = await post('/api/auth/password-reset', { contact: 'never@example.com' });
    expect(known.statusCode).toBe(202);
    expect([unknown.statusCode, { ...unknown.json(), contact_masked: 'n***@example.com' }]).toEqual([202, known.json()]);
    expect((await mailbox()).length).toBe(before + 1);
    const code = await latestCode('n***@example.com');
    expect(outcome(await post('/api/auth/password-reset/confirm', { contact: 'newcomer@example.com', code, new_password: 'short' }))).toEqual([422, 'AUTH_WEAK_PASSWORD']);
    const reset = await post('/api/auth/password-reset/confirm', { contact: 'newcomer@example.com', code, new_password: 'a-new-long-password' });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(outcome(await get('/api/auth/me', old))).toEqual([401, 'AUTH_REQUIRED']);
    expect(outcome(await post('/api/auth/login', { username: 'newcomer@example.com', password }))).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
    expect((await post('/api/auth/login', { username: 'newcomer@example.com', password: 'a-new-long-password' })).statusCode).toBe(200);
    expect(outcome(await post('/api/auth/password-reset/confirm', { contact: 'never@example.com', code: '123456', new_password: 'a-new-long-password' }))).toEqual([400, 'AUTH_CODE_INVALID']);
  });

  it('the dev mailbox shows only the account messages, and of them only to (masked), subject, body and time', async () => {
    step();
    // An in-app message with a member's data must not appear.
    await t.store.db
      .insertInto('notifications')
      .values({ user_id: null, membership_id: null, kind: 'low_balance', channel: 'email', title_zh: '余额不足 吴晓漫', title_en: 'Low balance', body_zh: '吴晓漫', body_en: 'Wu Xiaoman 110105199005170011', dedupe_key: null, created_at: testNow, delivered_at: null, read_at: null })
      .execute();
    const response = await get('/api/dev/mailbox?limit=50');
    const messages: Array<Record<string, unknown>> = response.json().messages;
    expect(messages.length).toBeGreaterThan(5);
    for (const message of messages) {
      expect(Object.keys(message).sort()).toEqual(['body_en', 'body_zh', 'channel', 'created_at', 'id', 'subject_en', 'subject_zh', 'to']);
      expect(message.to).toMatch(/^(.\*\*\*@example\.com|\d{3}\*{4}\d{4})$/);
    }
    const text = response.body;
    for (const secret of ['newcomer@', 'Wu Xiaoman', '吴晓漫', 'New Comer', '林晓', '13900001234', 'Impostor']) expect(text).not.toContain(secret);
    expect(outcome(await get('/api/dev/mailbox?limit=1000'))).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('refuses bad input with stable codes, never a 500', async () => {
    expect(outcome(await post('/api/auth/signup', { contact: 'not-a-contact', display_name: 'X', password }))).toEqual([400, 'AUTH_BAD_CONTACT']);
    expect(outcome(await post('/api/auth/signup', { contact: '12345678901', display_name: 'X', password }))).toEqual([400, 'AUTH_BAD_CONTACT']);
    expect(outcome(await post('/api/auth/signup', { contact: 'x@example.com', display_name: '  ', password }))).toEqual([400, 'AUTH_BAD_DISPLAY_NAME']);
    expect(outcome(await post('/api/auth/signup', { contact: 'x@example.com', display_name: 'X', password: 'short' }))).toEqual([422, 'AUTH_WEAK_PASSWORD']);
    expect(outcome(await post('/api/auth/password-reset', { contact: '' }))).toEqual([400, 'VALIDATION_FAILED']);
    const urls = ['/api/auth/signup', '/api/auth/signup/resend', '/api/auth/signup/confirm', '/api/auth/password-reset', '/api/auth/password-reset/confirm'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...urls), fc.jsonValue(), async (url, payload) => {
        step();
        const response = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
        expect(response.statusCode, `${url} ${JSON.stringify(payload)} → ${response.body}`).toBeLessThan(500);
        expect(response.json().error?.code ?? 'ok').toMatch(/^[A-Z_]+$|^ok$/);
      }),
      { numRuns: 100 },
    );
  });
});

describe('accounts: per-IP rate limits, and the dev mailbox only outside production', () => {
  it('answers 429 RATE_LIMITED on every account route past the per-IP limit', async () => {
    const t = await startTestApp('sqlite', { loginAttemptsPerMinute: 2 });
    try {
      const routes: Array<[string, Record<string, string>]> = [
        ['/api/auth/signup', { contact: 'x@example.com', display_name: 'X', password: 'short' }],
        ['/api/auth/signup/resend', { contact: 'not-a-contact' }],
        ['/api/auth/signup/confirm', { contact: 'x@example.com', code: '123456' }],
        ['/api/auth/password-reset', { contact: 'not-a-contact' }],
        ['/api/auth/password-reset/confirm', { contact: 'x@example.com', code: '123456', new_password: 'short' }],
        ['/api/auth/login', { username: 'x@example.com', password: 'wrong' }],
      ];
      for (const [url, payload] of routes) {
        const statuses: number[] = [];
        let last;
        for (let attempt = 0; attempt < 3; attempt += 1) {
          last = await t.app.inject({ method: 'POST', url, payload });
          statuses.push(last.statusCode);
        }
        expect(statuses.slice(0, 2).every((status) => status !== 429), url).toBe(true);
        expect([statuses[2], last!.json().error.code], url).toEqual([429, 'RATE_LIMITED']);
      }
    } finally {
      await t.close();
    }
  });

  const logged = async (production: boolean) => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const context = await testContext('sqlite');
    const app = await buildApp({ context, production, webRoot: false, logger: pino({ level: 'info' }, stream) });
    return { app, lines, context, close: async () => (await app.close(), await context.store.close()) };
  };

  it('outside production prints each code sent, with the masked contact, as a warning', async () => {
    const { app, lines, close } = await logged(false);
    try {
      const response = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { contact: 'dev@example.com', display_name: 'Dev', password } });
      expect(response.statusCode).toBe(202);
      const code = /\b(\d{6})\b/.exec((await app.inject('/api/dev/mailbox')).json().messages[0].body_en)![1]!;
      const warning = lines.map((line) => JSON.parse(line)).find((line) => line.level === 40);
      expect(warning).toMatchObject({ to: 'd***@example.com', purpose: 'signup', channel: 'email' });
      expect(warning.msg).toContain(code);
      expect(warning.msg).toContain('d***@example.com');
      expect(lines.join('')).not.toContain('dev@example.com');
    } finally {
      await close();
    }
  });

  it('in production has no dev mailbox (404 NOT_FOUND, absent from the OpenAPI document) and prints no code', async () => {
    const { app, lines, close } = await logged(true);
    try {
      expect(outcome(await app.inject('/api/dev/mailbox'))).toEqual([404, 'NOT_FOUND']);
      expect(Object.keys(app.swagger().paths ?? {})).not.toContain('/api/dev/mailbox');
      const response = await app.inject({ method: 'POST', url: '/api/auth/signup', payload: { contact: 'prod@example.com', display_name: 'Prod', password } });
      expect(response.statusCode).toBe(202);
      expect(lines.map((line) => JSON.parse(line)).filter((line) => line.level >= 40)).toEqual([]);
      expect(lines.join('')).not.toMatch(/one-time code/);
    } finally {
      await close();
    }
  });
});
