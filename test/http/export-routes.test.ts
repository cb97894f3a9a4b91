import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccount, postTransfer } from '../../src/ledger/ledger.js';
import { exportBatchRows } from '../../src/services/exports/export-stream.js';
import { exportTables } from '../../src/services/exports/export-registry.js';
import { startTestApp, testNow, type TestApp } from '../support/test-app.js';

interface DocumentedTable {
  name: string;
  filters: string[];
  columns: Array<{ name: string; type: string; description: { en: string; zh: string } }>;
}

/**
 * The CSV downloads over HTTP, on SQLite (test/store/exports-contract.test.ts runs the tables'
 * keyset queries on every backend): roles, refusals, headers, the documented columns, and a table
 * of more than two batches streamed whole and in order.
 */
describe('HTTP: CSV exports', () => {
  let t: TestApp;
  let auditor: string;
  let operator: string;
  let member: string;
  let reviewer: string;
  let admin: string;
  // More than two keyset batches of custody rows (one per transfer), and twice as many ledger legs.
  const transfers = exportBatchRows * 2 + 37;
  const early = '2026-11-01T09:00:00.000Z';

  beforeAll(async () => {
    t = await startTestApp('sqlite', { samplePlans: true });
    auditor = await t.login('audrey', 'auditor-password');
    operator = await t.login('olivia', 'operator-password');
    member = await t.login('mei', 'member-password');
    reviewer = await t.userWithRoles('rita', ['reviewer']);
    admin = await t.login('admin', 'admin-password-for-tests');
    await openAccount(t.store, { code: 'wallet:M-EXPORT', name: 'Wallet M-EXPORT', type: 'liability', currency: 'CNY', guard: 'non_negative' }, early);
    // The ledger groups concurrent postings into a few store transactions; ids still follow the order of the calls.
    await Promise.all(
      Array.from({ length: transfers }, (_, index) =>
        postTransfer(
          t.store,
          {
            idempotency_key: `export-test-${index}`,
            kind: 'top_up',
            // The first transfer's description is what a spreadsheet would run, with a comma, quotes and a newline.
            description: index === 0 ? '=HYPERLINK("http://x","click"), line\nnext' : `top-up ${index}`,
            currency: 'CNY',
            legs: [
              { account_code: 'custody:CNY', side: 'debit', amount_minor: BigInt(index + 1) },
              { account_code: 'wallet:M-EXPORT', side: 'credit', amount_minor: BigInt(index + 1) },
            ],
          },
          index < 10 ? early : testNow,
        ),
      ),
    );
  }, 120_000);
  afterAll(async () => t?.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie === undefined ? {} : { cookie } });
  const csv = async (url: string, cookie = auditor) => {
    const response = await get(url, cookie);
    expect(response.statusCode, response.body).toBe(200);
    return parse(response.body) as string[][];
  };

  it('is for auditors, operators and admins; anyone else is refused, a visitor asked to log in', async () => {
    for (const url of ['/api/exports', '/api/exports/ledger_accounts.csv']) {
      for (const cookie of [auditor, operator, admin]) expect((await get(url, cookie)).statusCode, url).toBe(200);
      for (const cookie of [member, reviewer]) {
        const refused = await get(url, cookie);
        expect([refused.statusCode, refused.json().error.code], url).toEqual([403, 'AUTH_FORBIDDEN']);
      }
      expect((await get(url)).json().error.code).toBe('AUTH_REQUIRED');
    }
  });

  it('refuses an unknown table with a stable code, and filters a table does not take', async () => {
    for (const url of ['/api/exports/members.csv', '/api/exports/persons.csv', '/api/exports/claims.json']) {
      const response = await get(url, auditor);
      expect([response.statusCode, response.json().error.code], url).toEqual([404, url.endsWith('.json') ? 'NOT_FOUND' : 'EXPORT_UNKNOWN_TABLE']);
    }
    const refusals: Array<[string, number, string]> = [
      ['/api/exports/ledger_accounts.csv?from=2026-11-01', 400, 'EXPORT_FILTER_NOT_SUPPORTED'],
      ['/api/exports/ledger_transactions.csv?plan_id=critical-illness', 400, 'EXPORT_FILTER_NOT_SUPPORTED'],
      ['/api/exports/claims.csv?from=2026-11-30&to=2026-11-01', 400, 'EXPORT_BAD_RANGE'],
      ['/api/exports/claims.csv?from=2026-13-01', 400, 'VALIDATION_FAILED'],
    ];
    for (const [url, status, code] of refusals) {
      const response = await get(url, auditor);
      expect([response.statusCode, response.json().error.code], url).toEqual([status, code]);
    }
  });

  it('sends each table as a UTF-8 CSV attachment named by table and UTC day, headed by its documented columns', async () => {
    const documented = (await get('/api/exports', auditor)).json<{ tables: DocumentedTable[] }>().tables;
    expect(documented.map((table) => table.name)).toEqual([
      'ledger_accounts',
      'ledger_transactions',
      'manual_postings',
      'custody',
      'cycles',
      'payouts',
      'advances',
      'claims',
      'claim_audit',
    ]);
    for (const table of documented) {
      expect(table.columns.length, table.name).toBeGreaterThan(0);
      for (const item of table.columns) expect([item.description.en.length > 0, item.description.zh.length > 0], `${table.name}.${item.name}`).toEqual([true, true]);
      const response = await get(`/api/exports/${table.name}.csv`, auditor);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(`attachment; filename=${table.name}-2026-11-28.csv`);
      const [header, ...rows] = parse(response.body) as string[][];
      expect(header, table.name).toEqual(table.columns.map((item) => item.name));
      for (const row of rows) expect(row.length, table.name).toBe(header!.length);
    }
    // The documentation is the registry's own: the page and the files read the same list.
    expect(documented.map((table) => table.columns.map((item) => item.name))).toEqual(exportTables.map((table) => table.columns.map((item) => item.name)));
  });

  it('streams a table of several batches: every leg once, in journal order, each transaction balanced', async () => {
    const [header, ...rows] = await csv('/api/exports/ledger_transactions.csv');
    const at = (name: string) => header!.indexOf(name);
    const ours = rows.filter((row) => row[at('reference')]!.startsWith('export-test-'));
    expect(ours).toHaveLength(transfers * 2);
    const keys = rows.map((row) => [BigInt(row[at('transaction_id')]!), BigInt(row[at('leg_index')]!)] as const);
    for (let index = 1; index < keys.length; index += 1) {
      const [previous, current] = [keys[index - 1]!, keys[index]!];
      expect(previous[0] < current[0] || (previous[0] === current[0] && previous[1] < current[1]), `row ${index} after row ${index - 1}`).toBe(true);
    }
    const postings = await t.store.db.selectFrom('ledger_postings').select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
    expect(BigInt(rows.length)).toBe(BigInt(postings.n));
    const net = new Map<string, bigint>();
    for (const row of rows) {
      const id = row[at('transaction_id')]!;
      net.set(id, (net.get(id) ?? 0n) + BigInt(row[at('debit_minor')]!) - BigInt(row[at('credit_minor')]!));
    }
    expect([...net.values()].every((value) => value === 0n)).toBe(true);
    // Quoted and guarded on the way out, read back intact by a parser (with the apostrophe).
    const first = ours.find((row) => row[at('reference')] === 'export-test-0')!;
    expect(first[at('description')]).toBe('\'=HYPERLINK("http://x","click"), line\nnext');
  });

  it('streams the custody movements with the running balance, and filters them by day', async () => {
    const [header, ...rows] = await csv('/api/exports/custody.csv');
    const at = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(transfers);
    let balance = 0n;
    for (const [index, row] of rows.entries()) {
      balance += BigInt(index + 1);
      expect([row[at('account_code')], row[at('debit_minor')], row[at('balance_after_minor')]]).toEqual(['custody:CNY', String(index + 1), String(balance)]);
    }
    const account = await t.store.db.selectFrom('ledger_accounts').select('net_debit_minor').where('code', '=', 'custody:CNY').executeTakeFirstOrThrow();
    expect(balance).toBe(account.net_debit_minor);

    // From the test's day on: the ten early top-ups (1 + … + 10 = 55) are the opening balance, not rows.
    const [, ...later] = await csv('/api/exports/custody.csv?from=2026-11-28&to=2026-11-28');
    expect(later).toHaveLength(transfers - 10);
    expect(later[0]![at('balance_after_minor')]).toBe(String(55n + 11n));
    expect(later.at(-1)![at('balance_after_minor')]).toBe(String(balance));
    const [, ...before] = await csv('/api/exports/ledger_transactions.csv?to=2026-11-27');
    expect(before).toHaveLength(20);
  });

  it('exports the advances with what each plan owes after each, filtered by plan', async () => {
    for (const amount_minor of ['5000', '3000']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/plans/critical-illness/advances',
        headers: { cookie: operator, 'idempotency-key': randomUUID() },
        payload: { amount_minor, idempotency_key: `export-advance-${amount_minor}` },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
    const [header, ...rows] = await csv('/api/exports/advances.csv?plan_id=critical-illness');
    const at = (name: string) => header!.indexOf(name);
    expect(rows.map((row) => [row[at('kind')], row[at('advanced_minor')], row[at('repaid_minor')], row[at('owed_minor')]])).toEqual([
      ['advance', '5000', '0', '5000'],
      ['advance', '3000', '0', '8000'],
    ]);
    expect(await csv('/api/exports/advances.csv?plan_id=senior-cancer')).toHaveLength(1);
  });

  it('describes both endpoints in the OpenAPI document, the download as text/csv', async () => {
    const document = (await get('/api/openapi.json')).json<{ paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> }>();
    expect(document.paths['/api/exports']?.get).toBeDefined();
    const download = document.paths['/api/exports/{table}.csv']?.get;
    expect(Object.keys(download?.responses['200']?.content ?? {})).toEqual(['text/csv']);
  });
});
