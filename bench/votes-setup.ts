import { sql } from 'kysely';
import { dayNumber, fromDayNumber, formatCalendarDate } from '../src/core/members/age.js';
import { makeNationalId } from '../src/core/members/national-id.js';
import { criticalIllnessPlan } from '../src/core/plans/sample-plans.js';
import { MemoryBlobStore } from '../src/services/blobs/memory-blob-store.js';
import { approveForNotice, objectToClaim, publishNotice, resolveObjection, startReview, submitClaim } from '../src/services/claims/index.js';
import type { ServiceContext } from '../src/services/context.js';
import { openJury } from '../src/services/jury/index.js';
import { activateDueMemberships, enrolMembers, type EnrolInput } from '../src/services/members.js';
import { createPlan } from '../src/services/plans.js';
import { startSession } from '../src/services/sessions.js';
import { BenchFailure } from './ledger-setup.js';
import { note } from './result-line.js';

/** Rows per enrolMembers call and per users INSERT. */
const setupBatch = 1000;
const noToAll = { 'HQ-CANCER': false, 'HQ-HEART': false, 'HQ-HOSPITAL': false, 'HQ-CLAIM': false };

export interface VotesWorld {
  readonly claim_id: bigint;
  /** One session token per voter; voter i holds panel seat of membership i. */
  readonly tokens: readonly string[];
}

/**
 * Person i of the bench: born on one of 10,000 days from 1970 (ages about 29–56 in 2026), the
 * ID number's sequence made from i's block and gender, so every (birth date, sequence) is unique.
 */
function voterPerson(index: number): EnrolInput['person'] {
  const gender = index % 2 === 0 ? 'female' : 'male';
  const birth = fromDayNumber(dayNumber({ year: 1970, month: 1, day: 1 }) + (index % 10_000));
  const sequence = 2 * Math.floor(index / 10_000) + (gender === 'male' ? 1 : 0) + 2;
  return {
    name: '评议会员',
    id_number: makeNationalId('110105', birth, sequence, gender),
    birth_date: formatCalendarDate(birth),
    gender,
    province: '北京',
    phone: `139${String(index).padStart(8, '0')}`,
    relationship: 'self',
  };
}

/**
 * Everything before the timed part, set-based where it can be: `voters` users (plain INSERTs, no
 * password: they never log in) and memberships (enrolMembers in batches) in a plan whose jury
 * quorum is `voters`, so the panel (2 × quorum, capped at the eligible count) is every voter;
 * months pass (clock) so they are active with 30+ days' tenure; every voter's quiz pass in one
 * INSERT … SELECT; a claim taken to in_jury through notice and an objection; the jury opened;
 * a session per voter created directly (no scrypt login).
 */
export async function buildVotesWorld(context: ServiceContext & { clock: { set(at: string): void } }, voters: number): Promise<VotesWorld> {
  const { db } = context.store;
  context.clock.set('2026-01-05T08:00:00.000Z');
  const rules = { ...criticalIllnessPlan.rules, jury: { quorum_votes: voters, quorum_share_bps: 10_000, majority_bps: 5000, on_tie: 'reject', on_missed_quorum: 'operator_decides' } };
  await createPlan(context, { id: 'bench-jury', name_zh: '评议基准计划', name_en: 'Jury bench plan', rules }, null);

  const userIds: bigint[] = [];
  for (let start = 0; start < voters; start += setupBatch) {
    const rows = Array.from({ length: Math.min(setupBatch, voters - start) }, (_, offset) => ({
      username: `voter-${start + offset}`,
      display_name: `Voter ${start + offset}`,
      password_hash: '!bench-no-login',
      roles: 'member',
      created_at: '2026-01-05T08:00:00.000Z',
      disabled_at: null,
    }));
    const inserted = await db.insertInto('users').values(rows).returning('id').execute();
    userIds.push(...inserted.map((row) => row.id));
  }

  const claimant = voterPerson(voters);
  const inputs: EnrolInput[] = [
    ...userIds.map((payer_user_id, index) => ({ plan_id: 'bench-jury', payer_user_id, person: voterPerson(index), answers: noToAll })),
    { plan_id: 'bench-jury', payer_user_id: null, person: claimant, answers: noToAll },
  ];
  const membershipIds: bigint[] = [];
  for (let start = 0; start < inputs.length; start += setupBatch) {
    const results = await enrolMembers(context, inputs.slice(start, start + setupBatch));
    for (const result of results) {
      if (!result.ok) throw new BenchFailure(`enrolment refused: ${result.rejection.code}: ${result.rejection.message}`);
      membershipIds.push(result.value.membership_id);
    }
  }
  context.clock.set('2026-04-10T08:00:00.000Z');
  const activated = await activateDueMemberships(context);
  if (activated !== voters + 1) throw new BenchFailure(`expected ${voters + 1} memberships activated, got ${activated}`);
  context.clock.set('2026-04-20T08:00:00.000Z');
  await db
    .insertInto('juror_qualifications')
    .columns(['membership_id', 'correct_answers', 'passed_at'])
    .expression((eb) => eb.selectFrom('memberships').select(['id', sql<bigint>`5`.as('correct_answers'), sql<string>`${'2026-04-20T08:00:00.000Z'}`.as('passed_at')]).where('payer_user_id', 'is not', null))
    .execute();

  const pdf = { bytes: Buffer.from('%PDF-1.7\nbench\n%%EOF'), content_type: 'application/pdf', file_name: 'report.pdf' };
  const claimantMembership = membershipIds[voters]!;
  const { claim_id } = await submitClaim(
    context,
    { membership_id: claimantMembership, submitted_by_user_id: null, illness_code: 'CI-01', diagnosis_date: '2026-04-18', hospital: '北京协和医院', files: [pdf] },
    new MemoryBlobStore(),
  );
  await startReview(context, claim_id, 'bench');
  await approveForNotice(context, claim_id, 'bench');
  await publishNotice(context, claim_id, 'bench');
  const objection = await objectToClaim(context, claim_id, membershipIds[0]!, 'Bench objection.');
  await resolveObjection(context, objection.id, 'refer_to_jury', 'Bench: the members decide.', 'bench');
  const record = await openJury(context, claim_id, 'bench', { window_hours: 24 });
  if (record.panel_size !== voters) throw new BenchFailure(`expected a panel of ${voters}, got ${record.panel_size} of ${record.eligible_count} eligible`);
  note(`votes: jury open on claim ${claim_id}: ${record.panel_size} jurors, seed ${record.seed_hex.slice(0, 16)}…`);

  const tokens: string[] = [];
  for (const user_id of userIds) tokens.push((await startSession(context.store, user_id, context.clock.now())).token);
  return { claim_id, tokens };
}
