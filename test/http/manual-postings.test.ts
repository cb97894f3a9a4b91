import { afterAll, beforeAll, expect, it } from 'vitest';
import { openAccount, postTransfer } from '../../src/ledger/ledger.js';
import { describeEachBackend } from '../support/test-stores.js';
import { adminPassword, startTestApp, testNow, type TestApp } from '../support/test-app.js';

describeEachBackend('HTTP: manual postings (maker–checker)', (dialect) => {
  let t: TestApp;
  let olivia: string;
  let oscar: string;
  let auditor: string;
  let member: string;
  let keys = 0;
  const key = (label: string) => `${label}-${(keys += 1)}`;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    olivia = await t.login('olivia', 'operator-password');
    oscar = await t.userWithRoles('oscar', ['operator']);
    auditor = await t.login('audrey', 'auditor-password');
    member = await t.login('mei', 'member-password');
    // Accounts the flows open (by code, as plan-accounts.ts and friends name them).
    for (const [code, type, guard] of [
      ['operator_equity:CNY', 'equity', 'none'],
      ['custody:CNY', 'asset', 'non_negative'],
      ['wallet:M1', 'liability', 'non_negative'],
      ['shares_receivable:plan-a', 'asset', 'non_negative'],
      ['aid_payable:plan-a', 'liability', 'non_negative'],
    ] as const) {
      await openAccount(t.store, { code, name: code, type, currency: 'CNY', guard }, testNow);
    }
    for (const [code, type, guard] of [
      ['operator:bank:CNY', 'asset', 'non_negative'],
      ['operator:expenses:CNY', 'expense', 'none'],
    ] as const) {
      const response = await openByHand({ code, name: code, type, currency: 'CNY', guard }, key('open'));
      expect(response.statusCode, response.body).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const post = (url: string, idempotency_key: string | undefined, payload: Record<string, unknown> = {}, cookie = olivia) =>
    t.app.inject({ method: 'POST', url, headers: idempotency_key === undefined ? { cookie } : { cookie, 'idempotency-key': idempotency_key }, payload });
  const openByHand = (payload: Record<string, unknown>, idempotency_key: string, cookie = olivia) => post('/api/ledger/accounts', idempotency_key, payload, cookie);
  const transfer = (amount_minor: string, from = 'operator_equity:CNY', to = 'operator:bank:CNY') => ({
    description: 'capital injection',
    currency: 'CNY',
    legs: [
      { account_code: to, side: 'debit', amount_minor },
      { account_code: from, side: 'credit', amount_minor },
    ],
  });
  const ask = (payload: Record<string, unknown>, idempotency_key = key('ask'), cookie = olivia) => post('/api/ledger/transactions', idempotency_key, payload, cookie);
  const approve = (id: string, idempotency_key = key('approve'), cookie = oscar) => post(`/api/ledger/manual-postings/${id}/approve`, idempotency_key, {}, cookie);
  const rejectIt = (id: string, reason: string, idempotency_key = key('reject'), cookie = oscar) =>
    post(`/api/ledger/manual-postings/${id}/reject`, idempotency_key, { reason }, cookie);
  const balance = async (code: string) => (await t.app.inject({ method: 'GET', url: `/api/ledger/accounts/${code}`, headers: { cookie: auditor } })).json().account.balance_minor;

  /** What a refused request must leave as it was: the journal head, the manual postings and the audit trail. */
  async function written() {
    const head = await t.store.db.selectFrom('ledger_head').select(['seq']).executeTakeFirstOrThrow();
    const postings = await t.store.db.selectFrom('manual_postings').select((eb) => eb.fn.countAll<bigint>().as('count')).executeTakeFirstOrThrow();
    const events = await t.store.db.selectFrom('ledger_audit_events').select((eb) => eb.fn.countAll<bigint>().as('count')).executeTakeFirstOrThrow();
    return { seq: head.seq, postings: BigInt(postings.count), events: BigInt(events.count) };
  }

  async function verifyOk() {
    const report = await t.app.inject({ method: 'GET', url: '/api/ledger/verify', headers: { cookie: auditor } });
    expect(report.json().ok, report.body).toBe(true);
  }

  it('posts a manual transfer between operator accounts only once another operator approves it', async () => {
    const before = await written();
    const asked = await ask(transfer('50000'));
    expect(asked.statusCode, asked.body).toBe(202);
    const posting = asked.json().manual_posting;
    expect(posting).toMatchObject({ kind: 'transfer', status: 'pending', transaction_id: null, requested_by: { username: 'olivia' }, decided_by: null });
    expect(posting.request.legs[0]).toEqual({ account_code: 'operator:bank:CNY', side: 'debit', amount_minor: '50000' });
    // Asked for, not posted.
    expect((await written()).seq).toBe(before.seq);
    expect(await balance('operator:bank:CNY')).toBe('0');

    const approved = await approve(posting.id);
    expect(approved.statusCode, approved.body).toBe(201);
    expect(approved.json().manual_posting).toMatchObject({ status: 'approved', decided_by: { username: 'oscar' }, transaction_id: approved.json().transaction.id });
    expect(approved.json().transaction).toMatchObject({ kind: 'manual', idempotency_key: `manual-posting:${posting.id}` });
    expect(approved.json().transaction.metadata).toMatchObject({ manual_posting_id: posting.id });
    expect(await balance('operator:bank:CNY')).toBe('50000');
    expect((await written()).seq).toBe(before.seq + 1n);

    // Both decisions are in the audit trail, readable by the auditor.
    const trail = await t.app.inject({ method: 'GET', url: `/api/ledger/manual-postings/${posting.id}`, headers: { cookie: auditor } });
    expect(trail.statusCode).toBe(200);
    expect(trail.json().events.map((event: { action: string; actor: { username: string } }) => [event.action, event.actor.username])).toEqual([
      ['manual_posting_requested', 'olivia'],
      ['manual_posting_approved', 'oscar'],
    ]);
    await verifyOk();
  });

  it("refuses the maker's own approval, and a second decision", async () => {
    const posting = (await ask(transfer('100', 'operator:bank:CNY', 'operator:expenses:CNY'))).json().manual_posting;
    const before = await written();
    const self = await approve(posting.id, key('self'), olivia);
    expect([self.statusCode, self.json().error.code]).toEqual([403, 'LEDGER_SAME_APPROVER']);
    expect(await written()).toEqual(before);
    expect((await approve(posting.id)).statusCode).toBe(201);
    const twice = await approve(posting.id, key('twice'), await t.login('admin', adminPassword));
    expect([twice.statusCode, twice.json().error.code, twice.json().error.details.status]).toEqual([409, 'LEDGER_MANUAL_POSTING_ALREADY_DECIDED', 'approved']);
    const late = await rejectIt(posting.id, 'too late');
    expect(late.json().error.code).toBe('LEDGER_MANUAL_POSTING_ALREADY_DECIDED');
    expect(await balance('operator:expenses:CNY')).toBe('100');
  });

  it('rejects with a reason: nothing is posted, and the rejection is in the audit trail', async () => {
    const posting = (await ask(transfer('700'))).json().manual_posting;
    const seq = (await written()).seq;
    const noReason = await rejectIt(posting.id, '   ');
    expect([noReason.statusCode, noReason.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const rejected = await rejectIt(posting.id, 'wrong amount');
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json().manual_posting).toMatchObject({ status: 'rejected', decision_reason: 'wrong amount', decided_by: { username: 'oscar' }, transaction_id: null });
    expect((await written()).seq).toBe(seq);
    const approved = await approve(posting.id);
    expect(approved.json().error.code).toBe('LEDGER_MANUAL_POSTING_ALREADY_DECIDED');
    const audit = await t.app.inject({ method: 'GET', url: '/api/ledger/audit?limit=500', headers: { cookie: auditor } });
    expect(audit.json().events).toContainEqual(expect.objectContaining({ action: 'manual_posting_rejected', reason: 'wrong amount', manual_posting_id: posting.id }));
    const listed = await t.app.inject({ method: 'GET', url: '/api/ledger/manual-postings?status=rejected', headers: { cookie: auditor } });
    expect(listed.json().manual_postings.map((row: { id: string }) => row.id)).toContain(posting.id);
  });

  it("refuses a manual posting touching a member's or a plan's account, and writes nothing", async () => {
    const before = await written();
    for (const code of ['wallet:M1', 'custody:CNY', 'shares_receivable:plan-a', 'aid_payable:plan-a', 'wallet:nobody', 'operator_equity:cny']) {
      for (const payload of [transfer('5', code, 'operator:bank:CNY'), transfer('5', 'operator_equity:CNY', code)]) {
        const response = await ask(payload);
        expect([response.statusCode, response.json().error?.code], `${code} ${response.body}`).toEqual([422, 'LEDGER_MANUAL_ACCOUNT_FORBIDDEN']);
        expect(response.json().error.details.account_code).toBe(code);
      }
    }
    expect(await written()).toEqual(before);
    expect(await balance('wallet:M1')).toBe('0');
  });

  it("refuses the reversal of a flow's posting, and reverses a manual posting through approval", async () => {
    // A flow's posting: a member's top-up, as funding posts it.
    const flow = await postTransfer(
      t.store,
      { idempotency_key: 'flow-top-up', kind: 'wallet_top_up', description: 'top-up', currency: 'CNY', legs: [
        { account_code: 'custody:CNY', side: 'debit', amount_minor: 900n },
        { account_code: 'wallet:M1', side: 'credit', amount_minor: 900n },
      ] },
      testNow,
    );
    const before = await written();
    const refused = await post(`/api/ledger/transactions/${flow.transaction.id}/reversal`, key('rev'));
    expect([refused.statusCode, refused.json().error.code]).toEqual([422, 'LEDGER_FLOW_POSTING_NOT_REVERSIBLE']);
    const unknown = await post('/api/ledger/transactions/999999/reversal', key('rev'));
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'LEDGER_UNKNOWN_TRANSACTION']);
    expect(await written()).toEqual(before);
    expect(await balance('wallet:M1')).toBe('900');

    const posting = (await ask(transfer('250', 'operator:bank:CNY', 'operator:expenses:CNY'))).json().manual_posting;
    const original = (await approve(posting.id)).json().transaction;
    const expenses = await balance('operator:expenses:CNY');
    const asked = await post(`/api/ledger/transactions/${original.id}/reversal`, key('rev'), { description: 'booked twice' }, oscar);
    expect(asked.statusCode, asked.body).toBe(202);
    expect(asked.json().manual_posting).toMatchObject({ kind: 'reversal', status: 'pending', reverses_id: original.id });
    expect(await balance('operator:expenses:CNY')).toBe(expenses);
    // Oscar asked for the reversal, so Oscar may not approve it; Olivia may.
    expect((await approve(asked.json().manual_posting.id, key('self'), oscar)).json().error.code).toBe('LEDGER_SAME_APPROVER');
    const reversed = await approve(asked.json().manual_posting.id, key('approve'), olivia);
    expect(reversed.statusCode, reversed.body).toBe(201);
    expect(reversed.json().transaction).toMatchObject({ kind: 'manual_reversal', reverses_id: original.id, description: 'booked twice' });
    expect(BigInt(await balance('operator:expenses:CNY'))).toBe(BigInt(expenses) - 250n);
    const again = await post(`/api/ledger/transactions/${original.id}/reversal`, key('rev'));
    expect([again.statusCode, again.json().error.code]).toEqual([409, 'LEDGER_ALREADY_REVERSED']);
    const ofReversal = await post(`/api/ledger/transactions/${reversed.json().transaction.id}/reversal`, key('rev'));
    expect(ofReversal.json().error.code).toBe('LEDGER_CANNOT_REVERSE_REVERSAL');
    await verifyOk();
  });

  it('runs every check again at approval: a posting that cannot be posted now stays pending', async () => {
    const bank = BigInt(await balance('operator:bank:CNY'));
    const posting = (await ask(transfer((bank + 1n).toString(), 'operator:bank:CNY', 'operator:expenses:CNY'))).json().manual_posting;
    const before = await written();
    const refused = await approve(posting.id);
    expect([refused.statusCode, refused.json().error.code]).toEqual([422, 'LEDGER_INSUFFICIENT_BALANCE']);
    expect(await written()).toEqual(before);
    const still = await t.app.inject({ method: 'GET', url: `/api/ledger/manual-postings/${posting.id}`, headers: { cookie: olivia } });
    expect(still.json().manual_posting.status).toBe('pending');
  });

  it('replays each ledger POST with the same key and body, and refuses the key with another body', async () => {
    const opened = { code: 'operator:income:CNY', name: 'Other income', type: 'income', currency: 'CNY', guard: 'none' };
    const openKey = key('open');
    const first = await openByHand(opened, openKey);
    expect([first.statusCode, first.json().replayed]).toEqual([200, false]);
    const replay = await openByHand(opened, openKey);
    expect([replay.statusCode, replay.body, replay.headers['idempotent-replayed']]).toEqual([200, first.body, 'true']);
    const conflict = await openByHand({ ...opened, name: 'Renamed' }, openKey);
    expect([conflict.statusCode, conflict.json().error.code]).toEqual([409, 'IDEMPOTENCY_KEY_REUSED']);

    const askKey = key('ask');
    const asked = await ask(transfer('10'), askKey);
    const askedAgain = await ask(transfer('10'), askKey);
    expect([askedAgain.statusCode, askedAgain.body, askedAgain.headers['idempotent-replayed']]).toEqual([202, asked.body, 'true']);
    expect((await ask(transfer('11'), askKey)).json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const id = asked.json().manual_posting.id;
    const approveKey = key('approve');
    const approved = await approve(id, approveKey);
    const approvedAgain = await approve(id, approveKey);
    expect([approvedAgain.statusCode, approvedAgain.body, approvedAgain.headers['idempotent-replayed']]).toEqual([201, approved.body, 'true']);
    // The same key on another posting is another request.
    const other = (await ask(transfer('12'))).json().manual_posting;
    expect((await approve(other.id, approveKey)).json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const rejectKey = key('reject');
    const rejected = await rejectIt(other.id, 'not needed', rejectKey);
    const rejectedAgain = await rejectIt(other.id, 'not needed', rejectKey);
    expect([rejectedAgain.statusCode, rejectedAgain.body, rejectedAgain.headers['idempotent-replayed']]).toEqual([200, rejected.body, 'true']);
    expect((await rejectIt(other.id, 'another reason', rejectKey)).json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const reverseKey = key('rev');
    const reversal = await post(`/api/ledger/transactions/${approved.json().transaction.id}/reversal`, reverseKey, { description: 'undo' });
    expect(reversal.statusCode, reversal.body).toBe(202);
    const reversalAgain = await post(`/api/ledger/transactions/${approved.json().transaction.id}/reversal`, reverseKey, { description: 'undo' });
    expect([reversalAgain.statusCode, reversalAgain.body, reversalAgain.headers['idempotent-replayed']]).toEqual([202, reversal.body, 'true']);
    expect((await post(`/api/ledger/transactions/${approved.json().transaction.id}/reversal`, reverseKey, { description: 'other' })).json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // A key is one action: used to ask for a transfer, it cannot open an account.
    expect((await openByHand(opened, askKey)).json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('needs a well-formed Idempotency-Key on every ledger POST, declared in the OpenAPI document', async () => {
    const before = await written();
    const urls = ['/api/ledger/accounts', '/api/ledger/transactions', '/api/ledger/transactions/1/reversal', '/api/ledger/manual-postings/1/approve', '/api/ledger/manual-postings/1/reject'];
    for (const url of urls) {
      const missing = await post(url, undefined, {});
      expect([missing.statusCode, missing.json().error.code], url).toEqual([400, 'IDEMPOTENCY_KEY_REQUIRED']);
      for (const bad of ['', 'has space', 'x'.repeat(201), 'ключ']) {
        const malformed = await t.app.inject({ method: 'POST', url, headers: { cookie: olivia, 'idempotency-key': bad }, payload: {} });
        expect([malformed.statusCode, malformed.json().error.code], `${url} ${JSON.stringify(bad)}`).toEqual([400, 'IDEMPOTENCY_KEY_INVALID']);
      }
    }
    expect(await written()).toEqual(before);
    const document = (await t.app.inject('/api/openapi.json')).json();
    for (const path of ['/api/ledger/accounts', '/api/ledger/transactions', '/api/ledger/transactions/{id}/reversal', '/api/ledger/manual-postings/{id}/approve', '/api/ledger/manual-postings/{id}/reject']) {
      const parameters = document.paths[path].post.parameters as Array<{ in: string; name: string; required: boolean }>;
      expect(parameters, path).toContainEqual(expect.objectContaining({ in: 'header', name: 'idempotency-key', required: true }));
    }
  });

  it('opens accounts by hand only in the operator namespace', async () => {
    const before = await written();
    for (const code of ['wallet:M9', 'custody:USD', 'operator_equity:USD', 'operator_advances:plan-a', 'operator:']) {
      const response = await openByHand({ code, name: code, type: 'asset', currency: 'CNY' }, key('open'));
      expect([response.statusCode, response.json().error.code], code).toEqual([422, 'LEDGER_MANUAL_ACCOUNT_FORBIDDEN']);
    }
    expect(await written()).toEqual(before);
  });

  it('lets operators and auditors read manual postings and the audit trail, not members; only operators write', async () => {
    for (const url of ['/api/ledger/manual-postings', '/api/ledger/manual-postings/1', '/api/ledger/audit']) {
      for (const cookie of [olivia, auditor]) expect((await t.app.inject({ method: 'GET', url, headers: { cookie } })).statusCode, url).toBe(200);
      const forbidden = await t.app.inject({ method: 'GET', url, headers: { cookie: member } });
      expect([forbidden.statusCode, forbidden.json().error.code]).toEqual([403, 'AUTH_FORBIDDEN']);
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    const before = await written();
    for (const cookie of [auditor, member]) {
      expect((await ask(transfer('1'), key('ask'), cookie)).statusCode).toBe(403);
      expect((await approve('1', key('approve'), cookie)).statusCode).toBe(403);
      // The key is checked first, as on every money endpoint: no key is a 400 and writes nothing.
      expect((await post('/api/ledger/transactions', undefined, transfer('1'), cookie)).json().error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    }
    expect(await written()).toEqual(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/ledger/manual-postings/99999', headers: { cookie: auditor } })).json().error.code).toBe('LEDGER_MANUAL_POSTING_NOT_FOUND');
  });
});
