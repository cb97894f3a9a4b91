import { afterEach, beforeEach, expect, it } from 'vitest';
import { closureMemberLine } from '../../src/core/closure/closure-report.js';
import { closureProofFromReport, closureProofHolds, verifyClosureReport } from '../../src/core/closure/closure-verifier.js';
import { announceClosure } from '../../src/services/closure/announce-closure.js';
import { closeMemberships } from '../../src/services/closure/close-memberships.js';
import { closureReportText, membershipClosureLine } from '../../src/services/closure/closure-queries.js';
import { settleClosureReceivables } from '../../src/services/closure/closure-receivables.js';
import { runClosureRefunds } from '../../src/services/closure/closure-refunds.js';
import { finaliseClosure } from '../../src/services/closure/finalise-closure.js';
import { operatorPublicKeyHex, runCycle } from '../../src/services/cycles/index.js';
import { cycleFixture, type CycleFixture } from '../support/cycle-fixture.js';
import { describeEachBackend } from '../support/test-stores.js';

const plan_id = 'critical-illness';
/** Four lines a page: the fixture's 13 memberships fill three pages and start a fourth. */
const SMALL_PAGE_LEAVES = 4;

describeEachBackend('closure report pages', (dialect) => {
  let fixture: CycleFixture;

  /** The fixture's post-paid plan wound down to its last step: the operator pays the last cycle, the claim window is over. */
  beforeEach(async () => {
    fixture = await cycleFixture(dialect);
    const { context, gateway } = fixture;
    await announceClosure(context, { plan_id, closure_date: '2027-04-01', last_cycles_paid_by: 'operator', announced_by: null });
    await runCycle(context, plan_id);
    await gateway.deliverPending();
    context.clock.set('2027-04-01T09:00:00.000Z');
    await closeMemberships(context, plan_id);
    await runClosureRefunds(context, plan_id);
    await settleClosureReceivables(context, plan_id);
    context.clock.set('2027-09-28T09:00:00.000Z');
  });
  afterEach(async () => fixture.context.store.close());

  const db = () => fixture.context.store.db;
  const publicKey = () => operatorPublicKeyHex(fixture.context, '2027-09-28T09:00:00.000Z');
  const storedPages = async (attempt_id: bigint) =>
    (await db().selectFrom('closure_report_pages').select(['page_index', 'line_count', 'first_member_code']).where('attempt_id', '=', attempt_id).orderBy('page_index').execute()).map(
      (page) => ({ ...page, page_index: Number(page.page_index), line_count: Number(page.line_count) }),
    );
  /** What the format says the file is: the signed header, then one canonical line per membership in byte order. */
  const expectedText = async (header_json: string) => {
    const rows = await db()
      .selectFrom('plan_closure_members')
      .select(['member_code', 'wallet_at_closure_minor', 'refunded_minor', 'unclaimed_minor'])
      .where('plan_id', '=', plan_id)
      .orderBy('member_code')
      .execute();
    return [header_json, ...rows.map((row) => closureMemberLine(row))].map((line) => `${line}\n`).join('');
  };

  it('stores the report in pages, streams it byte for byte, and proves each line from its page', async () => {
    const { context } = fixture;
    const finalised = await finaliseClosure(context, plan_id, { page_leaves: SMALL_PAGE_LEAVES });
    expect(finalised.report_text).toBeNull();
    const attempt_id = finalised.report_attempt_id!;
    const pages = await storedPages(attempt_id);
    expect(pages.map((page) => page.line_count)).toEqual([4, 4, 4, 1]);

    const text = await closureReportText(context, plan_id);
    expect(text).toBe(await expectedText(finalised.header_json!));
    const codes = text.split('\n').slice(1, -1).map((line) => (JSON.parse(line) as { member_code: string }).member_code);
    expect(pages.map((page) => page.first_member_code)).toEqual([codes[0], codes[4], codes[8], codes[12]]);
    const report = verifyClosureReport(text, { public_key_hex: await publicKey() });
    expect(report.differences).toEqual([]);
    expect(report.member_count).toBe(13);

    // From her page and the roots, the same proof as from the whole file, for every member.
    const members = await db().selectFrom('plan_closure_members').select(['membership_id', 'member_code']).where('plan_id', '=', plan_id).execute();
    for (const member of members) {
      const { proof, signed_header_json } = await membershipClosureLine(context, member.membership_id);
      expect(signed_header_json).toBe(finalised.header_json);
      expect(closureProofHolds(proof)).toBe(true);
      expect(proof).toEqual(closureProofFromReport(text, member.member_code));
    }
  });

  it('keeps the format whatever the page size: the lines and root are those of one page', async () => {
    const { context } = fixture;
    const finalised = await finaliseClosure(context, plan_id);
    expect((await storedPages(finalised.report_attempt_id!)).map((page) => page.line_count)).toEqual([13]);
    expect(await closureReportText(context, plan_id)).toBe(await expectedText(finalised.header_json!));
  });

  it('runs again after a crash mid-way: the published pages are the second attempt\'s, the first attempt\'s are dropped', async () => {
    const { context } = fixture;
    const crash = new Error('the process died while storing the report');
    const failed = finaliseClosure(context, plan_id, {
      page_leaves: SMALL_PAGE_LEAVES,
      failPoint: () => {
        throw crash;
      },
    });
    await expect(failed).rejects.toBe(crash);
    const [first] = await db().selectFrom('closure_report_attempts').select('id').where('plan_id', '=', plan_id).execute();
    expect((await storedPages(first!.id)).length).toBeGreaterThan(0);
    const unfinished = await db().selectFrom('plan_closures').select(['step', 'header_json', 'report_attempt_id']).where('plan_id', '=', plan_id).executeTakeFirstOrThrow();
    expect(unfinished).toEqual({ step: 'receivables_done', header_json: null, report_attempt_id: null });

    const finalised = await finaliseClosure(context, plan_id, { page_leaves: 2 });
    expect(finalised.report_attempt_id).not.toBe(first!.id);
    expect(await storedPages(first!.id)).toEqual([]);
    expect((await storedPages(finalised.report_attempt_id!)).map((page) => page.line_count)).toEqual([2, 2, 2, 2, 2, 2, 1]);
    const text = await closureReportText(context, plan_id);
    expect(text).toBe(await expectedText(finalised.header_json!));
    expect(verifyClosureReport(text, { public_key_hex: await publicKey() }).differences).toEqual([]);
  });

  it('publishes one attempt when two finalisations run at once; the other\'s pages are dropped', async () => {
    const { context } = fixture;
    const [one, two] = await Promise.all([finaliseClosure(context, plan_id, { page_leaves: SMALL_PAGE_LEAVES }), finaliseClosure(context, plan_id, { page_leaves: SMALL_PAGE_LEAVES })]);
    expect(two.report_attempt_id).toBe(one.report_attempt_id);
    expect(two.header_json).toBe(one.header_json);
    const attempts = await db().selectFrom('closure_report_attempts').select('id').where('plan_id', '=', plan_id).orderBy('id').execute();
    expect(attempts).toHaveLength(2);
    const counts = await Promise.all(attempts.map(async (attempt) => (await storedPages(attempt.id)).length));
    expect(counts.sort()).toEqual([0, 4]);
    expect(verifyClosureReport(await closureReportText(context, plan_id), { public_key_hex: await publicKey() }).differences).toEqual([]);
  });

  it('serves a report finalised before pages were stored from its one stored text', async () => {
    const { context } = fixture;
    const finalised = await finaliseClosure(context, plan_id, { page_leaves: SMALL_PAGE_LEAVES });
    const text = await closureReportText(context, plan_id);
    const member = await db().selectFrom('plan_closure_members').select(['membership_id', 'member_code']).where('plan_id', '=', plan_id).orderBy('member_code').limit(1).offset(5).executeTakeFirstOrThrow();
    const paged = await membershipClosureLine(context, member.membership_id);
    // The closure as a release before 0036 stored it: the whole file in report_text, no pages.
    await db().deleteFrom('closure_report_pages').where('attempt_id', '=', finalised.report_attempt_id!).execute();
    await db().updateTable('plan_closures').set({ report_text: text, report_attempt_id: null }).where('plan_id', '=', plan_id).execute();
    expect(await closureReportText(context, plan_id)).toBe(text);
    expect(await membershipClosureLine(context, member.membership_id)).toEqual(paged);
  });
});
