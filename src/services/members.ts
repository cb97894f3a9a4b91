import { closingPlansIn } from './closure/announce-closure.js';
import { sql } from 'kysely';
import { calendarDateOf, formatCalendarDate, parseCalendarDate } from '../core/members/age.js';
import { checkJoin } from '../core/members/eligibility.js';
import { maskIdNumber, maskName, maskPhone, normalizePhone } from '../core/members/masking.js';
import { memberCodeFromBytes } from '../core/members/member-code.js';
import { parseNationalId } from '../core/members/national-id.js';
import { ok, reject, RejectionError, type Rejection, type Result } from '../core/rejection.js';
import { openAccountsIn, type Trx } from '../ledger/ledger.js';
import { chunks } from '../store/chunks.js';
import { isUniqueViolation } from '../store/unique-violation.js';
import type { ServiceContext } from './context.js';
import { walletAccount } from './plan-accounts.js';
import { getPlan, versionAt, type Plan } from './plans.js';

export const provinces = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆', '香港', '澳门', '台湾',
] as const;

export const relationships = ['self', 'spouse', 'child', 'parent', 'other'] as const;

export interface PersonInput {
  readonly name: string;
  readonly id_number: string;
  /** YYYY-MM-DD; must agree with the ID number. */
  readonly birth_date: string;
  readonly gender: 'female' | 'male';
  readonly province: string;
  readonly phone: string;
  /** The person's relation to the account holder who pays. */
  readonly relationship: (typeof relationships)[number];
}

export interface EnrolInput {
  readonly plan_id: string;
  readonly payer_user_id: bigint | null;
  readonly person: PersonInput;
  /** Answers to the plan's health questions: true is a "yes". */
  readonly answers: Readonly<Record<string, boolean>>;
  readonly demo?: boolean;
}

export interface Enrolment {
  readonly person_id: bigint;
  readonly membership_id: bigint;
  readonly member_code: string;
  readonly status: 'waiting';
  readonly waiting_until: string;
}

interface CheckedPerson {
  readonly name: string;
  readonly id_number: string;
  readonly id_number_hmac: string;
  readonly birth_date: string;
  readonly gender: 'female' | 'male';
  readonly province: string;
  readonly phone: string;
  readonly relationship: string;
}

function checkPerson(context: ServiceContext, person: PersonInput): Result<CheckedPerson> {
  const name = person.name.trim();
  if (name.length < 2 || name.length > 50) return reject('MEMBER_BAD_NAME', 'A real name is 2–50 characters.');
  const id = parseNationalId(person.id_number);
  if (!id.ok) return id;
  const birth = parseCalendarDate(person.birth_date);
  if (birth === undefined) return reject('MEMBER_BAD_BIRTH_DATE', 'The birth date must be a date as YYYY-MM-DD.', { birth_date: person.birth_date });
  if (formatCalendarDate(birth) !== formatCalendarDate(id.value.birth_date) || person.gender !== id.value.gender) {
    return reject('MEMBER_ID_MISMATCH', 'The birth date and gender must agree with the ID number.');
  }
  if (!(provinces as readonly string[]).includes(person.province)) return reject('MEMBER_BAD_PROVINCE', 'Choose a province from the list.', { province: person.province });
  const phone = normalizePhone(person.phone);
  if (phone === undefined) return reject('MEMBER_BAD_PHONE', 'A phone number is a mainland mobile number of 11 digits.');
  if (!(relationships as readonly string[]).includes(person.relationship)) return reject('MEMBER_BAD_RELATIONSHIP', `The relationship is one of ${relationships.join(', ')}.`);
  return ok({
    name,
    id_number: id.value.normalized,
    id_number_hmac: context.cipher.lookupHash(id.value.normalized),
    birth_date: formatCalendarDate(birth),
    gender: id.value.gender,
    province: person.province,
    phone,
    relationship: person.relationship,
  });
}

/**
 * Registers new people and joins each to a plan, in one transaction per batch. Every line gets
 * its own result: a refused line (with its code and reason) does not stop the good ones.
 * Set-based: a batch costs a fixed number of statements, not a few per member.
 */
export async function enrolMembers(context: ServiceContext, inputs: readonly EnrolInput[]): Promise<Array<Result<Enrolment>>> {
  const now = context.clock.now().toISOString();
  const today = calendarDateOf(now);
  const plans = new Map<string, Plan | undefined>();
  for (const plan_id of new Set(inputs.map((input) => input.plan_id))) {
    try {
      plans.set(plan_id, await getPlan(context, plan_id));
    } catch (error) {
      if (!(error instanceof RejectionError)) throw error;
      plans.set(plan_id, undefined);
    }
  }

  // Joins stop from a closure's announcement on (src/services/closure).
  const closing = await closingPlansIn(context.store.db, [...plans.keys()]);
  const results: Array<Result<Enrolment> | undefined> = new Array(inputs.length).fill(undefined);
  const accepted: Array<{ index: number; person: CheckedPerson; plan: Plan; version: number; age_years: number; waiting_until: string; answers: string; member_code: string }> = [];
  const seenIdentities = new Set<string>();
  for (const [index, input] of inputs.entries()) {
    const plan = plans.get(input.plan_id);
    if (plan === undefined) {
      results[index] = reject('PLAN_NOT_FOUND', `No plan ${input.plan_id}.`, { plan_id: input.plan_id });
      continue;
    }
    if (closing.has(plan.id)) {
      results[index] = reject('PLAN_CLOSING', 'This plan is closing and takes no new members.', { plan_id: plan.id });
      continue;
    }
    const person = checkPerson(context, input.person);
    if (!person.ok) {
      results[index] = person;
      continue;
    }
    if (seenIdentities.has(person.value.id_number_hmac)) {
      results[index] = reject('MEMBER_DUPLICATE_IDENTITY', 'This ID number appears twice in the same request.');
      continue;
    }
    seenIdentities.add(person.value.id_number_hmac);
    const version = versionAt(plan, now);
    const decision = checkJoin({
      rules: version.rules,
      plan_open: plan.status === 'open',
      birth_date: parseCalendarDate(person.value.birth_date)!,
      join_date: today,
      answers: input.answers,
      has_live_membership: false,
    });
    if (!decision.ok) {
      results[index] = decision;
      continue;
    }
    if (input.person.relationship !== 'self' && !version.rules.family_enrollment) {
      results[index] = reject('PLAN_NO_FAMILY_ENROLMENT', 'This plan does not take family members enrolled by an account holder.');
      continue;
    }
    accepted.push({
      index,
      person: person.value,
      plan,
      version: version.version,
      age_years: decision.value.age_years,
      waiting_until: decision.value.waiting_until,
      answers: JSON.stringify(input.answers),
      member_code: memberCodeFromBytes(context.random.bytes(8)),
    });
  }

  if (accepted.length > 0) {
    await context.store.db.transaction().execute(async (trx) => {
      // Identities already registered are refused per line, not for the whole batch.
      const known = new Set<string>();
      for (const batch of chunks(accepted.map((entry) => entry.person.id_number_hmac), 500)) {
        const rows = await trx.selectFrom('persons').select('id_number_hmac').where('id_number_hmac', 'in', batch).execute();
        for (const row of rows) known.add(row.id_number_hmac);
      }
      const fresh = accepted.filter((entry) => {
        if (!known.has(entry.person.id_number_hmac)) return true;
        results[entry.index] = reject('MEMBER_DUPLICATE_IDENTITY', 'A person with this ID number is registered already; join the plan from their existing record.');
        return false;
      });
      for (const batch of chunks(fresh, 250)) await insertEnrolments(context, trx, batch, inputs, now, results);
    }).catch((error: unknown) => {
      // Another request registered one of these people meanwhile: nothing was written; ask to retry.
      if (isUniqueViolation(error)) throw new RejectionError(reject('MEMBER_CONCURRENT_CHANGE', 'Someone registered one of these people at the same moment; nothing was saved, please try again.').rejection);
      throw error;
    });
  }
  return results.map((result) => result ?? reject('INTERNAL', 'not processed'));
}

async function insertEnrolments(
  context: ServiceContext,
  trx: Trx,
  batch: ReadonlyArray<{ index: number; person: CheckedPerson; plan: Plan; version: number; age_years: number; waiting_until: string; answers: string; member_code: string }>,
  inputs: readonly EnrolInput[],
  now: string,
  results: Array<Result<Enrolment> | undefined>,
): Promise<void> {
  if (batch.length === 0) return;
  const { cipher } = context;
  const personRows = await trx
    .insertInto('persons')
    .values(
      batch.map((entry) => ({
        payer_user_id: inputs[entry.index]!.payer_user_id,
        name_enc: cipher.encrypt(entry.person.name),
        name_masked: maskName(entry.person.name),
        id_number_enc: cipher.encrypt(entry.person.id_number),
        id_number_hmac: entry.person.id_number_hmac,
        id_number_masked: maskIdNumber(entry.person.id_number),
        birth_date: entry.person.birth_date,
        gender: entry.person.gender,
        province: entry.person.province,
        phone_enc: cipher.encrypt(entry.person.phone),
        phone_masked: maskPhone(entry.person.phone),
        relationship: entry.person.relationship,
        demo: inputs[entry.index]!.demo ? 1n : 0n,
        created_at: now,
      })),
    )
    .returning(['id', 'id_number_hmac'])
    .execute();
  const personIds = new Map(personRows.map((row) => [row.id_number_hmac, row.id]));
  const membershipRows = await trx
    .insertInto('memberships')
    .values(
      batch.map((entry) => {
        const rules = entry.plan.versions.find((version) => version.version === entry.version)!.rules;
        return {
          plan_id: entry.plan.id,
          plan_version: BigInt(entry.version),
          person_id: personIds.get(entry.person.id_number_hmac)!,
          payer_user_id: inputs[entry.index]!.payer_user_id,
          member_code: entry.member_code,
          status: 'waiting' as const,
          funding_model: rules.funding.model,
          joined_at: now,
          waiting_until: entry.waiting_until,
          status_changed_at: now,
          age_at_join_years: BigInt(entry.age_years),
          low_balance_notified_at: null,
          unpaid_since: null,
          demo: inputs[entry.index]!.demo ? 1n : 0n,
        };
      }),
    )
    .returning(['id', 'member_code', 'person_id'])
    .execute();
  const memberships = new Map(membershipRows.map((row) => [row.member_code, row]));
  await trx
    .insertInto('membership_events')
    .values(
      membershipRows.map((row) => ({ membership_id: row.id, event: 'joined', from_status: null, to_status: 'waiting', reason: 'Joined the plan', actor: 'member', at: now })),
    )
    .execute();
  await trx
    .insertInto('health_declarations')
    .values(batch.map((entry) => ({ membership_id: memberships.get(entry.member_code)!.id, answers_json: entry.answers, declared_at: now })))
    .execute();
  const wallets = batch
    .filter((entry) => entry.plan.versions.find((version) => version.version === entry.version)!.rules.funding.model === 'prepaid')
    .map((entry) => walletAccount(entry.member_code, entry.plan.currency));
  await openAccountsIn(trx, wallets, now);
  for (const entry of batch) {
    const row = memberships.get(entry.member_code)!;
    results[entry.index] = ok({ person_id: row.person_id, membership_id: row.id, member_code: row.member_code, status: 'waiting', waiting_until: entry.waiting_until });
  }
}

/** Joins (or rejoins, with a new waiting period) a person already registered. */
export async function joinExistingPerson(
  context: ServiceContext,
  input: { plan_id: string; person_id: bigint; payer_user_id: bigint | null; answers: Readonly<Record<string, boolean>> },
): Promise<Enrolment> {
  const now = context.clock.now().toISOString();
  const plan = await getPlan(context, input.plan_id);
  const version = versionAt(plan, now);
  return context.store.db.transaction().execute(async (trx) => {
    // Lock the person row so two joins of one person serialize (the unique index is the backstop).
    await trx.updateTable('persons').set((eb) => ({ relationship: eb.ref('relationship') })).where('id', '=', input.person_id).execute();
    const person = await trx.selectFrom('persons').selectAll().where('id', '=', input.person_id).executeTakeFirst();
    if (person === undefined) throw new RejectionError(reject('MEMBER_NOT_FOUND', `No person ${input.person_id}.`).rejection);
    if ((await closingPlansIn(trx, [plan.id])).has(plan.id)) {
      throw new RejectionError(reject('PLAN_CLOSING', 'This plan is closing and takes no new members.', { plan_id: plan.id }).rejection);
    }
    const live = await trx
      .selectFrom('memberships')
      .select('id')
      .where('plan_id', '=', plan.id)
      .where('person_id', '=', person.id)
      .where('status', 'in', ['waiting', 'active'])
      .executeTakeFirst();
    const decision = checkJoin({
      rules: version.rules,
      plan_open: plan.status === 'open',
      birth_date: parseCalendarDate(person.birth_date)!,
      join_date: calendarDateOf(now),
      answers: input.answers,
      has_live_membership: live !== undefined,
    });
    if (!decision.ok) throw new RejectionError(decision.rejection);
    const member_code = memberCodeFromBytes(context.random.bytes(8));
    const row = await trx
      .insertInto('memberships')
      .values({
        plan_id: plan.id,
        plan_version: BigInt(version.version),
        person_id: person.id,
        payer_user_id: input.payer_user_id ?? person.payer_user_id,
        member_code,
        status: 'waiting',
        funding_model: version.rules.funding.model,
        joined_at: now,
        waiting_until: decision.value.waiting_until,
        status_changed_at: now,
        age_at_join_years: BigInt(decision.value.age_years),
        low_balance_notified_at: null,
        unpaid_since: null,
        demo: person.demo,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await trx.insertInto('membership_events').values({ membership_id: row.id, event: 'joined', from_status: null, to_status: 'waiting', reason: 'Joined the plan', actor: 'member', at: now }).execute();
    await trx.insertInto('health_declarations').values({ membership_id: row.id, answers_json: JSON.stringify(input.answers), declared_at: now }).execute();
    if (version.rules.funding.model === 'prepaid') await openAccountsIn(trx, [walletAccount(member_code, plan.currency)], now);
    return { person_id: person.id, membership_id: row.id, member_code, status: 'waiting' as const, waiting_until: decision.value.waiting_until };
  });
}

/** Turns every waiting membership whose waiting period is over into an active one, set-based. */
export async function activateDueMemberships(context: ServiceContext): Promise<number> {
  const now = context.clock.now().toISOString();
  const today = now.slice(0, 10);
  return context.store.db.transaction().execute(async (trx) => {
    await sql`
      insert into membership_events (membership_id, event, from_status, to_status, reason, actor, at)
      select id, 'waiting_period_passed', 'waiting', 'active', 'The waiting period is over; cover starts', 'system', ${now}
      from memberships where status = 'waiting' and waiting_until <= ${today}`.execute(trx);
    const result = await trx
      .updateTable('memberships')
      .set({ status: 'active', status_changed_at: now })
      .where('status', '=', 'waiting')
      .where('waiting_until', '<=', today)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  });
}

export function rejectionOf(result: Result<unknown>): Rejection | undefined {
  return result.ok ? undefined : result.rejection;
}
