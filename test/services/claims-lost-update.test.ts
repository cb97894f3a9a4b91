import { afterEach, beforeEach, expect, it } from 'vitest';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';
import {
  approveForNotice,
  assignInvestigator,
  endNotice,
  objectToClaim,
  publishNotice,
  recordFindings,
  recordFraud,
  rejectClaim,
  resolveObjection,
  startReview,
  submitClaim,
} from '../../src/services/claims/index.js';
import { activateDueMemberships, enrolMembers } from '../../src/services/members.js';
import { ensureSamplePlans } from '../../src/services/plans.js';
import { codeOf } from '../support/rejection-code.js';
import { describeEachBackend } from '../support/test-stores.js';
import { noToAll, personBornOn, testContext, type TestContext } from '../support/test-context.js';

/** Every staff decision carries the claim version its maker saw; an older view is refused and changes nothing. */
describeEachBackend('claims: no lost update', (dialect) => {
  let context: TestContext;
  let blobs: MemoryBlobStore;
  let patient: bigint;
  let objector: bigint;
  let investigator: bigint;

  /** The clock moves a minute per step, so every transition has its own state_changed_at. */
  const step = () => context.clock.set(new Date(context.clock.now().getTime() + 60_000).toISOString());
  const version = async (claim_id: bigint) => (await context.store.db.selectFrom('claims').select('state_changed_at').where('id', '=', claim_id).executeTakeFirstOrThrow()).state_changed_at;
  const events = async (claim_id: bigint) => (await context.store.db.selectFrom('claim_events').select('event').where('claim_id', '=', claim_id).execute()).length;

  beforeEach(async () => {
    context = await testContext(dialect);
    blobs = new MemoryBlobStore();
    await ensureSamplePlans(context);
    const enrolled = await enrolMembers(
      context,
      [personBornOn('1990-05-17', 1), personBornOn('1985-01-01', 2)].map((person) => ({ plan_id: 'critical-illness', payer_user_id: null, person, answers: noToAll })),
    );
    [patient, objector] = enrolled.map((result) => (result.ok ? result.value.membership_id : 0n)) as [bigint, bigint];
    const row = await context.store.db
      .insertInto('users')
      .values({ username: 'investigator-1', display_name: 'investigator-1', password_hash: 'x', roles: 'investigator', created_at: '2026-11-28T10:00:00.000Z', disabled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    investigator = row.id;
    context.clock.set('2027-03-01T00:00:00.000Z');
    await activateDueMemberships(context);
    context.clock.set('2027-03-15T10:00:00.000Z');
  });
  afterEach(async () => context.store.close());

  it('refuses each decision on a stale view with CLAIM_CHANGED, and takes it on the current one', async () => {
    const pdf = { bytes: Buffer.from('%PDF-1.7\nx\n%%EOF'), content_type: 'application/pdf', file_name: 'r.pdf' };
    const { claim_id } = await submitClaim(context, { membership_id: patient, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2027-03-10', hospital: 'H', files: [pdf] }, blobs);
    const stale = { expected_state_changed_at: '2027-03-15T09:00:00.000Z' };
    const decide = async (name: string, run: (seen: { expected_state_changed_at: string }) => Promise<unknown>) => {
      const before = await events(claim_id);
      expect(await codeOf(run(stale)), name).toBe('CLAIM_CHANGED');
      expect(await events(claim_id), `${name} wrote nothing`).toBe(before);
      step();
      await run({ expected_state_changed_at: await version(claim_id) });
      expect(await events(claim_id), `${name} took effect`).toBeGreaterThan(before);
    };
    await decide('start review', (seen) => startReview(context, claim_id, 'user:r', seen));
    await decide('assign', (seen) => assignInvestigator(context, claim_id, investigator, 'user:r', seen));
    await decide('findings', (seen) => recordFindings(context, claim_id, investigator, { findings: 'ok', recommendation: 'approve', ...seen }));
    await decide('approve', (seen) => approveForNotice(context, claim_id, 'user:r', seen));
    await decide('publish', (seen) => publishNotice(context, claim_id, 'user:r', seen));
    const objection = await objectToClaim(context, claim_id, objector, 'I doubt it');
    await decide('resolve objection', (seen) => resolveObjection(context, objection.id, 'dismiss', 'Checked.', 'user:r', seen));
    context.clock.set('2027-04-30T10:00:00.000Z');
    await decide('end notice', (seen) => endNotice(context, claim_id, 'user:r', seen));
    // Omitted, there is no check (old callers).
    expect((await context.store.db.selectFrom('claims').select('state').where('id', '=', claim_id).executeTakeFirstOrThrow()).state).toBe('approved');
  });

  it('refuses a stale rejection and a stale fraud finding', async () => {
    const pdf = { bytes: Buffer.from('%PDF-1.7\ny\n%%EOF'), content_type: 'application/pdf', file_name: 'r.pdf' };
    const { claim_id } = await submitClaim(context, { membership_id: patient, submitted_by_user_id: null, illness_code: 'CI-02', diagnosis_date: '2027-03-11', hospital: 'H', files: [pdf] }, blobs);
    const seen = { expected_state_changed_at: await version(claim_id) };
    step();
    await startReview(context, claim_id, 'user:other');
    expect(await codeOf(rejectClaim(context, claim_id, 'INSUFFICIENT_EVIDENCE', 'No report.', 'user:r', seen))).toBe('CLAIM_CHANGED');
    expect(await codeOf(recordFraud(context, claim_id, 'Concealed.', 'operator', seen))).toBe('CLAIM_CHANGED');
    expect((await rejectClaim(context, claim_id, 'INSUFFICIENT_EVIDENCE', 'No report.', 'user:r', { expected_state_changed_at: await version(claim_id) })).state).toBe('rejected');
  });
});
