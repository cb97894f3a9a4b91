import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from '../support/test-stores.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

describeEachBackend('HTTP API', (dialect) => {
  let t: TestApp;
  let operator: string;
  let auditor: string;
  let member: string;
  let checker: string;
  let keys = 0;
  const key = (label: string) => `${label}-${(keys += 1)}`;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    operator = await t.login('olivia', 'operator-password');
    auditor = await t.login('audrey', 'auditor-password');
    member = await t.login('mei', 'member-password');
    checker = await t.userWithRoles('oscar', ['operator']);
    // Staff open accounts only in the operator's namespace (manual-posting-policy.ts).
    for (const [code, type, guard] of [
      ['operator:bank:CNY', 'asset', 'non_negative'],
      ['operator:capital:CNY', 'equity', 'non_negative'],
      ['operator:income:fees', 'income', 'none'],
      ['operator:cash:USD', 'asset', 'none'],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/ledger/accounts',
        headers: { cookie: operator, 'idempotency-key': `open-${code}` },
        payload: { code, name: code, type, currency: code === 'operator:cash:USD' ? 'USD' : 'CNY', guard },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (payload: unknown, cookie = operator, idempotency_key = key('post')) =>
    t.app.inject({ method: 'POST', url: '/api/ledger/transactions', headers: { cookie, 'idempotency-key': idempotency_key }, payload: payload as Record<string, unknown> });
  const approve = (id: string, cookie = checker) =>
    t.app.inject({ method: 'POST', url: `/api/ledger/manual-postings/${id}/approve`, headers: { cookie, 'idempotency-key': key('approve') } });
  /** Asks for a transfer and has the second operator approve it. */
  async function posted(payload: unknown) {
    const asked = await post(payload);
    expect(asked.statusCode, asked.body).toBe(202);
    const approved = await approve(asked.json().manual_posting.id);
    expect(approved.statusCode, approved.body).toBe(201);
    return approved.json().transaction;
  }

  const transfer = (amount_minor: string, from = 'operator:capital:CNY', to = 'operator:bank:CNY') => ({
    description: 'capital',
    currency: 'CNY',
    legs: [
      { account_code: to, side: 'debit', amount_minor },
      { account_code: from, side: 'credit', amount_minor },
    ],
  });

  async function headSeq(): Promise<string> {
    const response = await t.app.inject({ method: 'GET', url: '/api/ledger/verify', headers: { cookie: auditor } });
    expect(response.json().ok).toBe(true);
    return response.json().head_seq;
  }

  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready', database: dialect });
  });

  it('serves the OpenAPI document, its UI and metrics', async () => {
    const document = (await t.app.inject('/api/openapi.json')).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/ledger/transactions', '/api/ledger/verify', '/healthz']));
    expect(document.paths['/api/ledger/transactions'].post.requestBody.content['application/json'].schema.properties.legs).toBeDefined();
    expect((await t.app.inject('/api/docs/')).statusCode).toBe(200);
    const metrics = await t.app.inject('/metrics');
    expect(metrics.body).toContain('huzhu_http_request_duration_seconds');
    expect(metrics.body).toContain('huzhu_process_cpu_seconds_total');
  });

  it('sets an httpOnly SameSite=Strict session cookie and refuses wrong passwords alike', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: adminPassword } });
    expect(response.statusCode).toBe(200);
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/huzhu_session=/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'nope' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'nope' } });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([401, 'AUTH_INVALID_CREDENTIALS']);
    expect(unknown.json()).toEqual(wrong.json());
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: member } });
    expect(me.json().user).toMatchObject({ username: 'mei', roles: ['member'] });
    expect(me.json().user.password_hash).toBeUndefined();
  });

  it('enforces roles', async () => {
    expect((await t.app.inject('/api/ledger/accounts')).json().error.code).toBe('AUTH_REQUIRED');
    const forbidden = await t.app.inject({ method: 'GET', url: '/api/ledger/accounts', headers: { cookie: member } });
    expect([forbidden.statusCode, forbidden.json().error.code]).toEqual([403, 'AUTH_FORBIDDEN']);
    expect((await post(transfer('1'), auditor)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: { cookie: operator } })).statusCode).toBe(403);
    const admin = await t.login('admin', adminPassword);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: { username: 'rita', display_name: 'Reviewer Rita', password: 'reviewer-password', roles: ['reviewer'] },
    });
    expect(created.statusCode).toBe(201);
    const badRole = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: { username: 'x-user', display_name: 'X', password: 'long-enough-pw', roles: ['king'] },
    });
    expect([badRole.statusCode, badRole.json().error.code]).toEqual([422, 'AUTH_BAD_ROLE']);
  });

  it('posts approved manual postings and reverses them, with minor units as strings', async () => {
    const first = await posted(transfer('12345'));
    expect(first.legs[0]).toEqual({ account_code: 'operator:bank:CNY', side: 'debit', amount_minor: '12345' });
    const account = await t.app.inject({ method: 'GET', url: '/api/ledger/accounts/operator:capital:CNY', headers: { cookie: auditor } });
    expect(account.json().account.balance_minor).toBe('12345');
    const reversalOf = (id: string) =>
      t.app.inject({ method: 'POST', url: `/api/ledger/transactions/${id}/reversal`, headers: { cookie: operator, 'idempotency-key': key('rev') }, payload: {} });
    const reversal = await reversalOf(first.id);
    expect(reversal.statusCode, reversal.body).toBe(202);
    expect((await approve(reversal.json().manual_posting.id)).statusCode).toBe(201);
    const again = await reversalOf(first.id);
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'LEDGER_ALREADY_REVERSED']);
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    await posted(transfer('1000'));
    const before = await headSeq();
    const reused = key('reused');
    await post(transfer('1'), operator, reused);
    const cases: Array<[unknown, number, string, string?]> = [
      [{ ...transfer('100'), legs: [{ account_code: 'operator:bank:CNY', side: 'debit', amount_minor: '101' }, { account_code: 'operator:capital:CNY', side: 'credit', amount_minor: '100' }] }, 422, 'LEDGER_UNBALANCED'],
      [transfer('5', 'wallet:M1'), 422, 'LEDGER_MANUAL_ACCOUNT_FORBIDDEN'],
      [transfer('5', 'operator:nobody'), 404, 'LEDGER_UNKNOWN_ACCOUNT'],
      [transfer('5', 'operator:capital:CNY', 'operator:cash:USD'), 422, 'LEDGER_CURRENCY_MISMATCH'],
      [transfer('999'), 409, 'IDEMPOTENCY_KEY_REUSED', reused],
      [transfer('12.30'), 400, 'VALIDATION_FAILED'],
      [transfer('-5'), 400, 'VALIDATION_FAILED'],
      [transfer('1e5'), 400, 'VALIDATION_FAILED'],
      [{ ...transfer('5'), legs: [{ account_code: 'operator:bank:CNY', side: 'debit', amount_minor: 5 }, { account_code: 'operator:capital:CNY', side: 'credit', amount_minor: 5 }] }, 400, 'VALIDATION_FAILED'],
      [{ ...transfer('5'), legs: [] }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [payload, status, code, idempotency_key] of cases) {
      const response = await post(payload, operator, idempotency_key);
      expect([response.statusCode, response.json().error?.code], JSON.stringify(payload)).toEqual([status, code]);
      expect(Object.keys(response.json().error).sort()).toEqual(['code', 'details', 'message']);
    }
    // Too much for the bank account: refused when it is approved, and left pending.
    const overdrawn = await post(transfer('100000', 'operator:bank:CNY', 'operator:capital:CNY'));
    const refused = await approve(overdrawn.json().manual_posting.id);
    expect([refused.statusCode, refused.json().error.code]).toEqual([422, 'LEDGER_INSUFFICIENT_BALANCE']);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/ledger/transactions',
      headers: { cookie: operator, 'content-type': 'application/json', 'idempotency-key': key('bad-json') },
      payload: '{"description": "x", ',
    });
    expect([malformed.statusCode, malformed.json().error.code]).toEqual([400, 'BAD_JSON']);
    const unknownRoute = await t.app.inject('/api/nothing-here');
    expect([unknownRoute.statusCode, unknownRoute.json().error.code]).toEqual([404, 'NOT_FOUND']);
    expect(await headSeq()).toBe(before);
  });

  it('never answers user input with a 500', async () => {
    const routes = ['/api/ledger/transactions', '/api/ledger/accounts', '/api/ledger/manual-postings/1/reject', '/api/auth/login', '/api/users', '/api/auth/password'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.jsonValue(), async (url, payload) => {
        const response = await t.app.inject({
          method: 'POST',
          url,
          // A fresh key each time, so the ledger's routes look at the body too.
          headers: { cookie: operator, 'content-type': 'application/json', 'idempotency-key': key('fuzz') },
          payload: JSON.stringify(payload),
        });
        expect(response.statusCode, `${url} ${JSON.stringify(payload)} → ${response.body}`).toBeLessThan(500);
        expect(response.json().error?.code ?? 'ok').toMatch(/^[A-Z_]+$|^ok$/);
      }),
      { numRuns: 200 },
    );
  });
});

describe('login rate limit', () => {
  it('answers 429 RATE_LIMITED after too many attempts', async () => {
    const t = await startTestApp('sqlite', { loginAttemptsPerMinute: 3 });
    try {
      const statuses: number[] = [];
      let last;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        last = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'wrong' } });
        statuses.push(last.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      expect(last!.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await t.close();
    }
  });
});
