import { afterAll, beforeAll, expect, it } from 'vitest';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { joinSeniorPlan } from '../support/funding-context.js';
import { genericHeader, genericStatement, statementUpload } from '../support/statement-upload.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachBackend } from '../support/test-stores.js';

describeEachBackend('HTTP custody reconciliation', (dialect) => {
  let t: TestApp;
  let auditor: string;
  let operator: string;
  let member: string;
  let references: string[];

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    auditor = await t.login('audrey', 'auditor-password');
    operator = await t.login('olivia', 'operator-password');
    member = await t.login('mei', 'member-password');
    references = [];
    for (const [sequence, day] of [[1, '2026-11-02'], [2, '2026-11-03']] as const) {
      t.context.clock.set(`${day}T09:00:00.000Z`);
      const membership = await joinSeniorPlan(t.context, sequence);
      const { payment_id } = await requestTopUp(t.context, membership, 5000n);
      expect((await t.gateway.deliverPending()).failed).toBe(0);
      references.push((await t.store.db.selectFrom('payments').select('reference').where('id', '=', payment_id).executeTakeFirstOrThrow()).reference);
    }
    t.context.clock.set('2026-11-10T08:00:00.000Z');
  });
  afterAll(async () => t?.close());

  const upload = (cookie: string, csv: string, key: string | undefined, fields?: Record<string, string>) => {
    const { body, contentType } = statementUpload(csv, fields);
    return t.app.inject({
      method: 'POST',
      url: '/api/reconciliation/statements',
      headers: { cookie, 'content-type': contentType, ...(key === undefined ? {} : { 'idempotency-key': key }) },
      payload: body,
    });
  };
  const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const post = (cookie: string, url: string, payload: unknown, key: string) => t.app.inject({ method: 'POST', url, headers: { cookie, 'idempotency-key': key }, payload: payload as Record<string, unknown> });

  it('lets auditors, operators and admins in, and no member', async () => {
    for (const url of ['/api/reconciliation/breaks', '/api/reconciliation/statements', '/api/reconciliation/layouts', '/api/reconciliation/days?from=2026-11-01&to=2026-11-02']) {
      expect((await get(member, url)).statusCode, url).toBe(403);
      expect((await get(auditor, url)).statusCode, url).toBe(200);
      expect((await get(operator, url)).statusCode, url).toBe(200);
    }
    expect((await upload(member, genericStatement([]), 'member-upload')).statusCode).toBe(403);
    expect((await post(member, '/api/reconciliation/run', { from: '2026-11-01', to: '2026-11-02' }, 'member-run')).statusCode).toBe(403);
    expect((await get(auditor, '/api/reconciliation/layouts')).json().layouts.map((layout: { id: string }) => layout.id)).toEqual(['generic', 'cn_bank']);
  });

  it('refuses a bad statement with its RECON_* code and line, and a form without a file or layout', async () => {
    const bad = `${genericHeader}\n2026-11-02,,${references[0]},y,50.00,CNY,50.00\n2026-11-03,,x,y,1.2.3,CNY,50.00`;
    const refused = await upload(auditor, bad, 'bad-amount');
    expect([refused.statusCode, refused.json().error.code, refused.json().error.details.line]).toEqual([400, 'RECON_BAD_AMOUNT', 3]);
    const columns = await upload(auditor, 'date,amount\n2026-11-02,1.00', 'bad-columns');
    expect([columns.statusCode, columns.json().error.code]).toEqual([400, 'RECON_BAD_COLUMNS']);
    expect((await upload(auditor, bad, 'no-layout', {})).json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { parameter: 'layout' } });
    expect((await upload(auditor, bad, 'other-bank', { layout: 'nobank' })).json().error.code).toBe('RECON_UNKNOWN_LAYOUT');
    const json = await t.app.inject({ method: 'POST', url: '/api/reconciliation/statements', headers: { cookie: auditor, 'idempotency-key': 'json' }, payload: { layout: 'generic', file: bad } });
    expect(json.statusCode).toBe(415);
    expect((await get(auditor, '/api/reconciliation/statements')).json().statements).toEqual([]);
  });

  it('imports once: a replay answers the first response, the key with another file is 409, the file again imports nothing', async () => {
    const csv = genericStatement([
      { on: '2026-11-02', reference: references[0]!, amount_minor: 5000n },
      { on: '2026-11-04', reference: references[1]!, amount_minor: 5000n },
      { on: '2026-11-05', reference: 'BANK-FEE', amount_minor: -300n },
    ]);
    const first = await upload(auditor, csv, 'november');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ already_imported: false, new_lines: 3, matched: 2, breaks: 1 });
    const replay = await upload(auditor, csv, 'november');
    expect([replay.statusCode, replay.body, replay.headers['idempotent-replayed']]).toEqual([201, first.body, 'true']);
    const other = await upload(auditor, `${csv}\n2026-11-06,,late,transfer,1.00,CNY,98.00`, 'november');
    expect([other.statusCode, other.json().error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);
    const again = await upload(operator, csv, 'november-again');
    expect(again.json()).toMatchObject({ statement_id: first.json().statement_id, already_imported: true, new_lines: 0 });
    const statements = (await get(auditor, '/api/reconciliation/statements')).json().statements;
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatchObject({ first_on: '2026-11-02', last_on: '2026-11-05', line_count: '3', open_breaks: '1', closing_balance_minor: '9700' });
    const lines = (await get(auditor, `/api/reconciliation/statements/${statements[0].id}/lines`)).json().lines;
    expect(lines.map((line: { state: string; break_kind: string | null }) => [line.state, line.break_kind])).toEqual([
      ['matched', null],
      ['matched', null],
      ['break', 'unknown'],
    ]);
    expect((await get(auditor, '/api/reconciliation/statements/999999/lines')).json().error.code).toBe('RECON_STATEMENT_NOT_FOUND');
  });

  it('lists the breaks with their age, resolves one with its trail, and the day then reconciles', async () => {
    const listed = (await get(auditor, '/api/reconciliation/breaks?status=open')).json();
    expect(listed.alert_after_days).toBe(3);
    expect(listed.breaks.map((found: { kind: string; age_days: number; bank_amount_minor: string }) => [found.kind, found.age_days, found.bank_amount_minor])).toEqual([['unknown', 5, '-300']]);
    expect((await get(auditor, '/api/reconciliation/breaks?kind=missing')).json().breaks).toEqual([]);
    expect((await get(auditor, '/api/reconciliation/breaks?min_age_days=6')).json().breaks).toEqual([]);
    expect((await get(auditor, '/api/reconciliation/breaks?kind=lost')).json().error.code).toBe('VALIDATION_FAILED');
    const range = { from: '2026-11-01', to: '2026-11-05' };
    const run = await post(auditor, '/api/reconciliation/run', range, 'run-1');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().days.map((day: { status: string; difference_minor: string }) => [day.status, day.difference_minor])).toEqual([
      ['no_statement', '0'],
      ['reconciled', '0'],
      ['reconciled', '5000'],
      ['reconciled', '0'],
      ['differs', '300'],
    ]);
    const id = listed.breaks[0].id as string;
    expect((await post(auditor, `/api/reconciliation/breaks/${id}/resolve`, { resolution: 'explained', note: ' ' }, 'resolve-blank')).json().error.code).toBe('RECON_BAD_NOTE');
    expect((await post(auditor, `/api/reconciliation/breaks/${id}/resolve`, { resolution: 'corrected', note: 'fee' }, 'resolve-no-posting')).json().error.code).toBe('RECON_CORRECTION_NOT_FOUND');
    const resolved = await post(auditor, `/api/reconciliation/breaks/${id}/resolve`, { resolution: 'explained', note: 'Monthly account fee of the custodian bank' }, 'resolve');
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json().break).toMatchObject({ status: 'resolved', resolution: 'explained', resolution_note: 'Monthly account fee of the custodian bank', resolved_at: '2026-11-10T08:00:00.000Z' });
    expect(resolved.json().break.resolved_by).toMatch(/^\d+$/);
    const twice = await post(operator, `/api/reconciliation/breaks/${id}/resolve`, { resolution: 'explained', note: 'again' }, 'resolve-again');
    expect([twice.statusCode, twice.json().error.code]).toEqual([409, 'RECON_BREAK_RESOLVED']);
    expect((await post(auditor, '/api/reconciliation/breaks/999999/resolve', { resolution: 'explained', note: 'x' }, 'resolve-none')).statusCode).toBe(404);
    await post(auditor, '/api/reconciliation/run', range, 'run-2');
    const days = (await get(auditor, '/api/reconciliation/days?from=2026-11-01&to=2026-11-05')).json().days;
    expect(days.map((day: { status: string }) => day.status)).toEqual(['no_statement', 'reconciled', 'reconciled', 'reconciled', 'reconciled']);
    expect(days[4]).toMatchObject({ ledger_balance_minor: '10000', bank_balance_minor: '9700', resolved_breaks_minor: '300', open_breaks_minor: '0' });
    const wrong = await get(auditor, '/api/reconciliation/days?from=2026-11-05&to=2026-11-01');
    expect([wrong.statusCode, wrong.json().error.code, wrong.json().error.details.parameter]).toEqual([400, 'VALIDATION_FAILED', 'to']);
  });

  it('lets an admin change the break alert age, in bounds, and the breaks list then uses it', async () => {
    const admin = await t.userWithRoles('ada', ['admin']);
    const put = (cookie: string, payload: unknown) =>
      t.app.inject({ method: 'PUT', url: '/api/reconciliation/settings', headers: { cookie }, payload: payload as Record<string, unknown> });
    expect((await get(auditor, '/api/reconciliation/settings')).json()).toEqual({ break_alert_days: 3 });
    expect((await get(member, '/api/reconciliation/settings')).statusCode).toBe(403);
    expect((await put(operator, { break_alert_days: 7 })).statusCode).toBe(403);
    expect((await put(auditor, { break_alert_days: 7 })).statusCode).toBe(403);
    for (const bad of [-1, 366, 2.5, '7']) {
      const refused = await put(admin, { break_alert_days: bad });
      expect([refused.statusCode, refused.json().error.code], String(bad)).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await get(auditor, '/api/reconciliation/settings')).json()).toEqual({ break_alert_days: 3 });
    const saved = await put(admin, { break_alert_days: 7 });
    expect([saved.statusCode, saved.json()]).toEqual([200, { break_alert_days: 7 }]);
    expect((await get(operator, '/api/reconciliation/settings')).json()).toEqual({ break_alert_days: 7 });
    expect((await get(auditor, '/api/reconciliation/breaks')).json().alert_after_days).toBe(7);
    expect((await put(admin, { break_alert_days: 0 })).json()).toEqual({ break_alert_days: 0 });
  });
});
