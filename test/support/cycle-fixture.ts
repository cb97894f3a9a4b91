import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import { approveForNotice, endNotice, publishNotice, startReview, submitClaim, type EvidenceFile } from '../../src/services/claims/index.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { handleGatewayWebhook } from '../../src/services/payments/webhook-intake.js';
import type { DialectName } from '../../src/store/schema.js';
import type { Store } from '../../src/store/store.js';
import { addDays, calendarDateOf, formatCalendarDate } from '../../src/core/members/age.js';
import { noToAll, personBornOn, seededRandom, testContext, type TestContext } from './test-context.js';

const pdf: EvidenceFile = { bytes: Buffer.from('%PDF-1.7\nreport\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };

export interface CycleFixture {
  readonly context: TestContext;
  readonly gateway: SimulatedGateway;
  /** Covered critical-illness memberships (post-paid), and one still waiting at the snapshot. */
  readonly covered: bigint[];
  readonly waiting: bigint;
  /** Approved claims (critical illness) before the 2027-03-21 snapshot. */
  readonly claims: bigint[];
}

/**
 * A small plan history for cycle tests, from `start` (default 2026-11-28): twelve members of the
 * post-paid sample plan join then (covered after 90 days), one joins 93 days later (still waiting
 * at the snapshot), and two claims are taken through review and public notice to approval; the
 * clock ends on the next notice day (2027-03-21 for the default start).
 */
export async function cycleFixture(dialect: DialectName, options: { store?: Store; start?: string } = {}): Promise<CycleFixture> {
  const start = options.start ?? '2026-11-28T10:00:00.000Z';
  const day = (days: number, time: string) => `${formatCalendarDate(addDays(calendarDateOf(start), days))}T${time}.000Z`;
  const context = await testContext(dialect, { now: start, ...(options.store === undefined ? {} : { store: options.store }) });
  const gateway = new SimulatedGateway({
    secret: 'secret',
    clock: context.clock,
    random: seededRandom('gateway'),
    deliver: async (body, signature) => {
      await handleGatewayWebhook(fullContext, body, signature);
    },
  });
  const fullContext: TestContext = { ...context, gateway };
  await ensureSamplePlans(fullContext);
  const births = ['1990-05-17', '1985-01-01', '1980-02-29', '1975-07-04', '1995-12-31', '2000-06-15', '1970-03-21', '1968-03-22', '1992-08-08', '1988-11-11', '2010-01-01', '1999-09-09'];
  const enrolled = await enrolMembers(fullContext, births.map((birth, index) => ({ plan_id: 'critical-illness', payer_user_id: null, person: personBornOn(birth, index + 1), answers: noToAll })));
  const covered = enrolled.map((result) => (result.ok ? result.value.membership_id : 0n));
  context.clock.set(day(93, '00:00:00'));
  await activateDueMemberships(fullContext);
  const late = await enrolMembers(fullContext, [{ plan_id: 'critical-illness', payer_user_id: null, person: personBornOn('1991-01-01', 99), answers: noToAll }]);
  const waiting = late[0]!.ok ? late[0]!.value.membership_id : 0n;

  const blobs = new MemoryBlobStore();
  const claims: bigint[] = [];
  for (const [index, membership_id] of covered.slice(0, 2).entries()) {
    context.clock.set(day(102 + index, '09:00:00'));
    const { claim_id } = await submitClaim(fullContext, { membership_id, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: day(97, '00:00:00').slice(0, 10), hospital: '医院', files: [pdf] }, blobs);
    await startReview(fullContext, claim_id, 'user:reviewer');
    await approveForNotice(fullContext, claim_id, 'user:reviewer');
    await publishNotice(fullContext, claim_id, 'user:reviewer');
    claims.push(claim_id);
  }
  context.clock.set(day(112, '09:00:00'));
  for (const claim_id of claims) await endNotice(fullContext, claim_id, 'system');
  // The first notice day (7th or 21st) after the notices end: the cycle that shares both cases.
  let run = 113;
  while (![7, 21].includes(addDays(calendarDateOf(start), run).day)) run += 1;
  context.clock.set(day(run, '01:00:00'));
  return { context: fullContext, gateway, covered, waiting, claims };
}
