import { assert } from '../../src/core/rejection.js';
import { cycleExportChunks } from '../../src/services/cycles/cycle-export-writer.js';
import type { CycleRow } from '../../src/services/cycles/cycle-rows.js';
import { publishCycle } from '../../src/services/cycles/publish-step.js';
import { allocateCycleInStore } from '../../src/services/cycles/sql-allocation.js';
import type { ServiceContext } from '../../src/services/context.js';
import type { Db } from '../../src/store/schema.js';
import { vectorCurrency, vectorSnapshotAt, type CycleVector } from './cycle-vectors.js';
import { cycleRowValues } from './cycle-row-factory.js';

/**
 * Drives the store's own cycle path on a known-answer vector: the cycle row and its cases as
 * open-cycle writes them (with the vector's figures), the covered members as snapshot rows in the
 * vector's order, then the set-based allocation and the publication, as run-cycle does them.
 */

/** Members inserted per statement: well below both backends' bound-parameter limits. */
const MEMBER_ROWS_PER_INSERT = 1000;

export interface VectorPlan {
  readonly plan_id: string;
  /** The membership and person every vector case is a claim of (a case needs a claim row). */
  readonly membership_id: bigint;
  readonly person_id: bigint;
}

/** The plan the vectors share and one member to hold their cases' claims. */
export async function insertVectorPlan(db: Db, plan_id: string, at: string): Promise<VectorPlan> {
  await db
    .insertInto('plans')
    .values({ id: plan_id, name_zh: '测试计划', name_en: 'Vector plan', currency: vectorCurrency, status: 'open', created_at: at })
    .execute();
  const person = await db
    .insertInto('persons')
    .values({
      payer_user_id: null,
      name_enc: 'sealed',
      name_masked: '吴*漫',
      id_number_enc: 'sealed',
      id_number_hmac: `vector-claimant-${plan_id}`,
      id_number_masked: '1101**********0011',
      birth_date: '1990-05-17',
      gender: 'female',
      province: '北京',
      phone_enc: 'sealed',
      phone_masked: '138****0001',
      relationship: 'self',
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const membership = await db
    .insertInto('memberships')
    .values({
      plan_id,
      plan_version: 1n,
      person_id: person.id,
      payer_user_id: null,
      // Not a vector member: the claimant is not among any vector's covered members.
      member_code: `CLAIMANT-${plan_id}`,
      status: 'active',
      funding_model: 'post_paid',
      joined_at: at,
      waiting_until: at.slice(0, 10),
      status_changed_at: at,
      age_at_join_years: 35n,
      low_balance_notified_at: null,
      unpaid_since: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { plan_id, membership_id: membership.id, person_id: person.id };
}

/**
 * Inserts the vector's cycle as open-cycle does (status running, figures, seed, previous root),
 * its cases (a claim each, approved) and its members as snapshot rows, in the vector's order.
 * The figures are the vector's expected ones, so the allocation and publication are checked
 * against the answers, not against our own arithmetic.
 */
export async function insertVectorCycle(
  db: Db,
  plan: VectorPlan,
  vector: CycleVector,
  sequence: bigint,
  at: string,
): Promise<CycleRow> {
  const { input, expected } = vector;
  assert(input.plan_id === plan.plan_id, 'the vector belongs to the plan');
  const snapshot_at = vectorSnapshotAt(input.cycle_id);
  return db.transaction().execute(async (trx) => {
    const cycle = await trx
      .insertInto('cycles')
      .values(
        cycleRowValues({
          cycle_code: input.cycle_id,
          plan_id: input.plan_id,
          sequence,
          currency: vectorCurrency,
          funding_model: 'post_paid',
          snapshot_at,
          status: 'running',
          previous_root_hex: input.previous_root_hex,
          seed_hex: expected.seed_hex,
          fee_bps: BigInt(input.fee_bps),
          aid_total_minor: expected.aid_total_minor,
          fee_minor: expected.fee_minor,
          surplus_in_minor: input.surplus_in_minor,
          total_minor: expected.total_minor,
          surplus_out_minor: expected.surplus_out_minor,
          weight_scheme: input.weight_scheme,
          cap_policy: input.cap_policy,
          created_at: at,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const [index, entry] of input.cases.entries()) {
      const claim = await trx
        .insertInto('claims')
        .values({
          case_number: entry.case_id,
          membership_id: plan.membership_id,
          plan_id: plan.plan_id,
          member_code: `CLAIMANT-${plan.plan_id}`,
          person_id: plan.person_id,
          plan_version: 1n,
          illness_code: 'CI-01',
          // One live claim per diagnosis: each case its own diagnosis date.
          diagnosis_date: `2025-${String(1 + (Number(sequence) % 12)).padStart(2, '0')}-${String(1 + index).padStart(2, '0')}`,
          hospital: '医院',
          state: 'approved',
          age_at_diagnosis_years: 35n,
          aid_minor: entry.aid_minor,
          rejection_code: null,
          rejection_text: null,
          submitted_by_user_id: null,
          submitted_at: at,
          state_changed_at: at,
          notice_starts_at: null,
          notice_ends_at: null,
          jury_seed_hex: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('cycle_cases')
        .values({
          cycle_id: cycle.id,
          claim_id: claim.id,
          case_number: entry.case_id,
          aid_minor: entry.aid_minor,
          payable_minor: entry.aid_minor,
        })
        .execute();
    }
    for (let start = 0; start < input.members.length; start += MEMBER_ROWS_PER_INSERT) {
      const batch = input.members.slice(start, start + MEMBER_ROWS_PER_INSERT);
      await trx
        .insertInto('cycle_members')
        .values(
          batch.map((member, offset) => ({
            cycle_id: cycle.id,
            member_code: member.member_code,
            membership_id: BigInt(start + offset + 1),
            weight: member.weight,
            cap_room_minor: member.cap_room_minor,
            tie_key: null,
          })),
        )
        .execute();
    }
    return cycle;
  });
}

/**
 * The allocate and publish steps of a cycle run: the set-based allocation writes every member's
 * amounts and the cycle's figures; publication computes the root and the lines hash, stores the
 * export pages and signs the header, which is then recorded on the cycle. Returns the cycle as stored.
 */
export async function allocateAndPublish(context: ServiceContext, cycle: CycleRow, now: string): Promise<CycleRow> {
  const db = context.store.db;
  await db.transaction().execute(async (trx) => {
    const figures = await allocateCycleInStore(trx, context.store.dialect, {
      cycle_id: cycle.id,
      total_minor: cycle.total_minor,
      seed_hex: cycle.seed_hex,
    });
    await trx.updateTable('cycles').set({ ...figures }).where('id', '=', cycle.id).execute();
  });
  const allocated = await db.selectFrom('cycles').selectAll().where('id', '=', cycle.id).executeTakeFirstOrThrow();
  const { merkle_root_hex, header_json, signature_hex } = await publishCycle(context, allocated, now, () => undefined);
  await db.updateTable('cycles').set({ merkle_root_hex, header_json, signature_hex }).where('id', '=', cycle.id).execute();
  return db.selectFrom('cycles').selectAll().where('id', '=', cycle.id).executeTakeFirstOrThrow();
}

/** The cycle's export file as the server streams it (cycleExportChunks), as bytes. */
export async function exportBytes(context: ServiceContext, cycle_code: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of cycleExportChunks(context, cycle_code)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
