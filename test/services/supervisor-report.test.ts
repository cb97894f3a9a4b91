import { afterEach, beforeEach, expect, it } from 'vitest';
import { monthPeriod, rangePeriod } from '../../src/core/reports/report-period.js';
import { unwrap } from '../../src/core/rejection.js';
import { postTransfer } from '../../src/ledger/ledger.js';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import { submitClaim } from '../../src/services/claims/index.js';
import { fileComplaint, respondToComplaint } from '../../src/services/complaints/complaint-actions.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { runBackgroundJobs } from '../../src/services/jobs/background-jobs.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { changeMembershipStatus } from '../../src/services/membership-status.js';
import { saveOperatorInfo } from '../../src/services/operator-info.js';
import { ensurePlanAccountsIn } from '../../src/services/plan-accounts.js';
import type { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { supervisorReportCsv } from '../../src/services/reports/report-csv.js';
import { supervisorReportHtml } from '../../src/services/reports/report-html.js';
import { supervisorReportFromJson, supervisorReportToJson } from '../../src/services/reports/report-json.js';
import { listStoredReports, readSupervisorReport, storeFinishedMonths } from '../../src/services/reports/stored-reports.js';
import { supervisorReport } from '../../src/services/reports/supervisor-report.js';
import { leaks } from '../browser/support/personal-data.js';
import { fundingContext } from '../support/funding-context.js';
import { codeOf } from '../support/rejection-code.js';
import { noToAll, personBornOn, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

const march = unwrap(monthPeriod('2027-03'));

/**
 * A small community worked through by hand (test clock): four members in November 2026, three of
 * the critical-illness plan (Ann, Bo, Dai) and one prepaid senior (Pei, 20.00 in the wallet); all
 * covered on 1 March 2027. In March: Cai joins, Bo withdraws, Dai lapses, Ann claims (300,000 CNY,
 * aged 36) and complains (answered in two days), Pei tops up 15.00; the ledger shows 3.00 of
 * backstop, 0.80 of fee, 50.00 advanced and 20.00 repaid; the bank's statement to 25 March says
 * 36.00 where custody holds 35.00. Then things happen in February and April that March must not see.
 */
describeEachBackend('supervisor report', (dialect) => {
  let context: TestContext;
  let gateway: SimulatedGateway;
  const ids: Record<string, bigint> = {};

  async function user(username: string, roles: string): Promise<bigint> {
    const row = await context.store.db
      .insertInto('users')
      .values({ username, display_name: username, password_hash: 'x', roles, created_at: '2026-11-28T10:00:00.000Z', disabled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function at(instant: string, work: () => Promise<unknown>) {
    context.clock.set(instant);
    await work();
  }

  async function topUp(membership_id: bigint, amount_minor: bigint) {
    await requestTopUp(context, membership_id, amount_minor);
    expect((await gateway.deliverPending()).failed).toBe(0);
  }

  async function post(instant: string, key: string, debit: string, credit: string, amount_minor: bigint) {
    await postTransfer(
      context.store,
      { idempotency_key: key, description: key, currency: 'CNY', legs: [{ account_code: debit, side: 'debit', amount_minor }, { account_code: credit, side: 'credit', amount_minor }] },
      instant,
    );
  }

  beforeEach(async () => {
    ({ context, gateway } = await fundingContext(dialect, { secret: 'report-secret' }));
    const admin = await user('ada', 'admin');
    ids.mei = await user('mei', 'member');
    ids.rui = await user('rui', 'reviewer');
    await saveOperatorInfo(
      context,
      {
        operator_name: '互助合作社',
        licence_number: 'HZ-2026-001',
        supervisor: '北京市地方金融监督管理局',
        custodian_bank: '中国工商银行',
        custodian_account: '6222 0200 1234 5678',
        complaint_phone: '400-800-1234',
        complaint_email: 'complaints@huzhu.example',
        complaint_response_days: 15,
      },
      admin,
    );
    const people = [
      ['ann', 'critical-illness', '1990-05-17', '欧阳安娜', ids.mei],
      ['bo', 'critical-illness', '1985-01-01', '司马博文', null],
      ['dai', 'critical-illness', '1979-07-07', '上官黛玉', null],
      ['pei', 'senior-cancer', '1960-04-12', '诸葛佩玲', null],
    ] as const;
    for (const [index, [name, plan_id, born, full_name, payer]] of people.entries()) {
      const [result] = await enrolMembers(context, [{ plan_id, payer_user_id: payer, person: personBornOn(born, index + 1, { name: full_name }), answers: noToAll }]);
      if (!result!.ok) throw new Error(result!.rejection.code);
      ids[name] = result!.value.membership_id;
    }
    await context.store.db.transaction().execute((trx) => ensurePlanAccountsIn(trx, 'critical-illness', 'CNY', '2026-11-28T10:00:00.000Z'));
    await at('2026-11-29T10:00:00.000Z', () => topUp(ids.pei!, 2000n));
    await post('2027-02-15T10:00:00.000Z', 'fee-feb', 'collection:CNY', 'fee_payable:critical-illness', 50n);
    await at('2027-03-01T00:00:00.000Z', () => activateDueMemberships(context));
    await at('2027-03-02T10:00:00.000Z', async () => {
      const [result] = await enrolMembers(context, [{ plan_id: 'critical-illness', payer_user_id: null, person: personBornOn('1995-02-02', 5, { name: '慕容彩云' }), answers: noToAll }]);
      if (!result!.ok) throw new Error(result!.rejection.code);
      ids.cai = result!.value.membership_id;
    });
    await at('2027-03-05T10:00:00.000Z', () => topUp(ids.pei!, 1500n));
    await at('2027-03-10T10:00:00.000Z', () => changeMembershipStatus(context, ids.bo!, 'member_withdrew', 'Moving abroad', 'member'));
    await at('2027-03-12T10:00:00.000Z', async () => {
      const file = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'ann-hospital-report.pdf' };
      ids.claim = (await submitClaim(context, { membership_id: ids.ann!, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: '华山医院', files: [file] }, new MemoryBlobStore())).claim_id;
    });
    await post('2027-03-15T10:00:00.000Z', 'backstop-mar', 'backstop:critical-illness', 'operator_equity:CNY', 300n);
    await post('2027-03-15T11:00:00.000Z', 'fee-mar', 'collection:CNY', 'fee_payable:critical-illness', 80n);
    await post('2027-03-16T10:00:00.000Z', 'advance-mar', 'collection:CNY', 'operator_advances:critical-illness', 5000n);
    await post('2027-03-18T10:00:00.000Z', 'repay-mar', 'operator_advances:critical-illness', 'collection:CNY', 2000n);
    await at('2027-03-20T10:00:00.000Z', async () => {
      await changeMembershipStatus(context, ids.dai!, 'payment_lapsed', 'Unpaid share', 'system');
      ids.complaint = (await fileComplaint(context, { filed_by_user_id: ids.mei!, subject_kind: 'claim', subject_id: ids.claim!, text: '这次理赔审核太慢，请说明原因。The review is too slow.' })).id;
    });
    await at('2027-03-22T10:00:00.000Z', () => respondToComplaint(context, ids.complaint!, { outcome: 'partly_upheld', outcome_text: '审核已加快。' }, ids.rui!));
    const statement = { currency: 'CNY', layout: 'test', opening_balance_minor: 2000n, imported_by: null, imported_at: '2027-04-06T10:00:00.000Z' };
    await context.store.db
      .insertInto('bank_statements')
      .values([
        { ...statement, file_sha256: 'a'.repeat(64), first_on: '2027-03-01', last_on: '2027-03-25', line_count: 1n, closing_balance_minor: 3600n },
        { ...statement, file_sha256: 'b'.repeat(64), first_on: '2027-03-26', last_on: '2027-04-05', line_count: 1n, closing_balance_minor: 4700n },
      ])
      .execute();
    await at('2027-04-02T10:00:00.000Z', () => topUp(ids.pei!, 1000n));
    await post('2027-04-03T10:00:00.000Z', 'backstop-apr', 'backstop:critical-illness', 'operator_equity:CNY', 700n);
  });
  afterEach(async () => context.store.close());

  it('counts March by hand: members, funds, claims, complaints, backstop, advances and fee income', async () => {
    const report = await supervisorReport(context, march, null);
    expect(report.period).toMatchObject({ from: '2027-03-01', to: '2027-03-31', from_at: '2027-03-01T00:00:00.000Z', to_at: '2027-04-01T00:00:00.000Z', days: 31 });
    expect(report.operator).toMatchObject({ licence_number: 'HZ-2026-001', custodian_bank: '中国工商银行', custodian_account_masked: expect.stringMatching(/5678$/) });
    const byPlan = Object.fromEntries(report.members.map((row) => [row.plan_id, row]));
    expect(byPlan['critical-illness']).toEqual({ plan_id: 'critical-illness', start: 3n, joined: 1n, withdrawn: 1n, lapsed: 1n, terminated: 0n, ended: 0n, end: 2n });
    expect(byPlan['senior-cancer']).toEqual({ plan_id: 'senior-cancer', start: 1n, joined: 0n, withdrawn: 0n, lapsed: 0n, terminated: 0n, ended: 0n, end: 1n });
    expect(report.funds).toEqual([
      {
        currency: 'CNY',
        wallets_minor: 3500n,
        custody_minor: 3500n,
        custody_less_wallets_minor: 0n,
        bank_statement_last_on: '2027-03-25',
        bank_closing_minor: 3600n,
        custody_at_bank_date_minor: 3500n,
        bank_less_custody_minor: 100n,
      },
    ]);
    expect(report.claims_by_state).toEqual([{ plan_id: 'critical-illness', state: 'submitted', claims: 1n, aid_minor: 30_000_000n }]);
    const ages = report.open_claims_by_age.filter((row) => row.plan_id === 'critical-illness');
    expect(ages.map((row) => [row.bucket, row.claims])).toEqual([['0-30', 1n], ['31-90', 0n], ['91-180', 0n], ['181+', 0n]]);
    expect(report.complaints).toMatchObject({ filed: 1, by_state: { responded: 1 }, responded_within_deadline: 1 });
    expect(report.complaints.response_time).toMatchObject({ responded: 1, median_ms: 2 * 86_400_000, p95_ms: 2 * 86_400_000 });
    expect(report.operator_accounts.find((row) => row.plan_id === 'critical-illness')).toEqual({
      plan_id: 'critical-illness',
      currency: 'CNY',
      backstop_used_minor: 300n,
      advances_drawn_minor: 5000n,
      advances_repaid_minor: 2000n,
      advances_outstanding_minor: 3000n,
      fee_income_minor: 80n,
    });
    expect(report.alerts).toEqual([]);
  });

  it('reads a claim’s state and age at the end of a range, and one plan alone', async () => {
    const spring = await supervisorReport(context, unwrap(rangePeriod('2027-03-01', '2027-06-30')), null);
    const ages = spring.open_claims_by_age.filter((row) => row.plan_id === 'critical-illness');
    // Submitted 12 March, the range ends 30 June: 110 whole days old on 1 July at midnight.
    expect(ages.map((row) => [row.bucket, row.claims])).toEqual([['0-30', 0n], ['31-90', 0n], ['91-180', 1n], ['181+', 0n]]);
    expect(spring.funds[0]).toMatchObject({ wallets_minor: 4500n, bank_statement_last_on: '2027-04-05', bank_closing_minor: 4700n, bank_less_custody_minor: 200n });
    expect(spring.operator_accounts.find((row) => row.plan_id === 'critical-illness')!.backstop_used_minor).toBe(1000n);
    const february = await supervisorReport(context, unwrap(monthPeriod('2027-02')), null);
    expect(february.claims_by_state).toEqual([]);
    expect(february.operator_accounts.find((row) => row.plan_id === 'critical-illness')!.fee_income_minor).toBe(50n);
    expect(february.funds[0]).toMatchObject({ wallets_minor: 2000n, bank_statement_last_on: null, bank_closing_minor: null, bank_less_custody_minor: null });
    const senior = await supervisorReport(context, march, 'senior-cancer');
    expect(senior.members.map((row) => row.plan_id)).toEqual(['senior-cancer']);
    expect(senior.claims_by_state).toEqual([]);
    expect(senior.funds[0]!.wallets_minor).toBe(3500n);
    const none = await supervisorReport(context, march, 'critical-illness');
    expect(none.funds[0]!.wallets_minor).toBe(0n);
  });

  it('refuses a bad period or an unknown plan with stable codes', async () => {
    expect(monthPeriod('2027-13')).toMatchObject({ ok: false, rejection: { code: 'REPORT_BAD_PERIOD', details: { parameter: 'month' } } });
    expect(monthPeriod('March')).toMatchObject({ ok: false, rejection: { code: 'REPORT_BAD_PERIOD' } });
    expect(rangePeriod('2027-03-02', '2027-03-01')).toMatchObject({ ok: false, rejection: { code: 'REPORT_BAD_PERIOD', details: { parameter: 'from' } } });
    expect(rangePeriod('2027-01-01', '2028-01-02')).toMatchObject({ ok: false, rejection: { code: 'REPORT_BAD_PERIOD', details: { days: 367 } } });
    expect(rangePeriod('2027-01-01', '2027-12-31')).toMatchObject({ ok: true, value: { days: 365 } });
    expect(rangePeriod('2027-02-30', '2027-03-01')).toMatchObject({ ok: false, rejection: { details: { parameter: 'from' } } });
    expect(await codeOf(supervisorReport(context, march, 'no-such-plan'))).toBe('REPORT_UNKNOWN_PLAN');
  });

  it('stores each finished month once, as issued, and reads it back so', async () => {
    const plans = (await context.store.db.selectFrom('plans').select('id').execute()).length;
    const first = await runBackgroundJobs(context);
    // 2 April: November 2026 (the plans' month) to March 2027 are finished, each for all plans and each plan.
    expect(first.supervisor_reports_stored).toBe(5 * (plans + 1));
    expect(first.failures).toBe(0);
    expect((await storeFinishedMonths(context)).stored).toBe(0);
    const listed = await listStoredReports(context);
    expect(listed.filter((row) => row.plan_id === null).map((row) => row.month)).toEqual(['2027-03', '2027-02', '2027-01', '2026-12', '2026-11']);
    const live = await supervisorReport(context, march, null);
    const issued = await readSupervisorReport(context, march, null);
    expect(issued.stored_at).toBe('2027-04-02T10:00:00.000Z');
    expect(issued.report).toEqual(live);
    // A late correction changes the live figures; the issued report stays as it was.
    await post('2027-03-31T23:00:00.000Z', 'fee-late', 'collection:CNY', 'fee_payable:critical-illness', 7n);
    expect((await supervisorReport(context, march, null)).operator_accounts.find((row) => row.plan_id === 'critical-illness')!.fee_income_minor).toBe(87n);
    expect((await readSupervisorReport(context, march, null)).report).toEqual(live);
    // A range is always live.
    expect((await readSupervisorReport(context, unwrap(rangePeriod('2027-03-01', '2027-03-31')), null)).stored_at).toBeNull();
    context.clock.set('2027-05-01T00:00:00.000Z');
    expect((await storeFinishedMonths(context)).stored).toBe(plans + 1);
  });

  it('round-trips through JSON, and its CSV and HTML name no member', async () => {
    const report = await supervisorReport(context, march, null);
    expect(supervisorReportFromJson(supervisorReportToJson(report))).toEqual(report);
    const csv = supervisorReportCsv(report);
    const sections = csv.split('\r\n').filter((line) => line.startsWith('section,'));
    expect(sections).toEqual(['section,report', 'section,members', 'section,funds', 'section,claims_by_state', 'section,open_claims_by_age', 'section,complaints', 'section,alerts', 'section,operator_accounts']);
    expect(csv).toContain('critical-illness,3,1,1,1,0,0,2\r\n');
    expect(csv).toContain('CNY,3500,3500,0,2027-03-25,3600,3500,100\r\n');
    const htmls = [supervisorReportHtml(report, 'zh-CN'), supervisorReportHtml(report, 'en')];
    expect(htmls[0]).toContain('成员及变动');
    expect(htmls[1]).toContain('Members and their movement');
    expect(htmls[1]).toContain('35.00');
    const persons = await context.store.db.selectFrom('persons').select(['name_enc', 'id_number_enc', 'phone_enc', 'birth_date']).execute();
    const secrets = persons.flatMap((person) => [
      context.cipher.decrypt(person.name_enc),
      context.cipher.decrypt(person.id_number_enc),
      context.cipher.decrypt(person.phone_enc),
      person.birth_date,
    ]);
    const codes = (await context.store.db.selectFrom('memberships').select('member_code').execute()).map((row) => row.member_code);
    expect(secrets).toHaveLength(5 * 4);
    for (const text of [csv, supervisorReportToJson(report), ...htmls]) {
      expect(leaks(text, [...secrets, ...codes, 'ann-hospital-report.pdf', '华山医院', '6222 0200 1234 5678'])).toEqual([]);
    }
    // The scan itself can fail: a text holding a name is caught.
    expect(leaks(`${csv}欧阳安娜`, secrets)).toEqual(['欧阳安娜']);
  });
});
