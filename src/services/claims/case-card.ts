import { calendarDateOf, daysBetween, parseCalendarDate } from '../../core/members/age.js';
import type { ServiceContext } from '../context.js';
import { getPlanIn } from '../funding/plan-in.js';
import { claimRejection } from './claim-rejections.js';

/**
 * The anonymized public case card, as Xiang Hu Bao published each case during its notice.
 * Built as a whitelist: only the fields below, none of them personal data in DESIGN.md's sense —
 * no ids, ID numbers, phones, birth dates, hospital or file names; the name only masked.
 * Money is bigint here; the HTTP layer writes it as a string of digits.
 */
export interface CaseCard {
  readonly case_number: string;
  readonly plan_name_zh: string;
  readonly plan_name_en: string;
  readonly state: string;
  readonly name_masked: string;
  readonly age_at_diagnosis_years: number;
  readonly gender: 'female' | 'male';
  readonly province: string;
  readonly illness: { readonly code: string; readonly name_zh: string; readonly name_en: string };
  readonly aid_minor: bigint;
  readonly currency: string;
  /** Days from joining to the diagnosis: how long the patient had been a member when it happened. */
  readonly days_as_member: number;
  /** Shares the patient paid into other members' cases (paid share charges), in minor units. */
  readonly shares_paid_minor: bigint;
  /** How many cases the patient's shares helped (distinct references of their paid share charges). */
  readonly people_helped: number;
  readonly notice_starts_at: string | null;
  readonly notice_ends_at: string | null;
}

/** States in which the case has been published and stays public. */
const publicStates = ['in_notice', 'objected', 'in_jury', 'approved', 'scheduled', 'paid'];

export async function caseCard(context: ServiceContext, claim_id: bigint): Promise<CaseCard> {
  const db = context.store.db;
  const row = await db
    .selectFrom('claims as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .innerJoin('memberships as m', 'm.id', 'c.membership_id')
    .select(['c.case_number', 'c.plan_id', 'c.plan_version', 'c.state', 'c.illness_code', 'c.diagnosis_date', 'c.age_at_diagnosis_years', 'c.aid_minor', 'c.notice_starts_at', 'c.notice_ends_at', 'c.membership_id'])
    .select(['p.name_masked', 'p.gender', 'p.province', 'm.joined_at'])
    .where('c.id', '=', claim_id)
    .executeTakeFirst();
  if (row === undefined) claimRejection('CLAIM_NOT_FOUND', `No claim ${claim_id}.`, { claim_id: claim_id.toString() });
  if (!publicStates.includes(row.state) || row.notice_starts_at === null) claimRejection('CLAIM_NOT_PUBLIC', 'This case has not been published.');
  const plan = await getPlanIn(db, row.plan_id);
  const version = plan.versions.find((entry) => BigInt(entry.version) === row.plan_version) ?? plan.versions.at(-1);
  const illness = version?.rules.illnesses.find((entry) => entry.code === row.illness_code);
  // One aggregate over the patient's charges, not a row per charge in JavaScript.
  const shares = await db
    .selectFrom('share_charges')
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<bigint>('amount_minor'), eb.val(0n)).as('paid_minor'), eb.fn.count<bigint>('reference').distinct().as('references')])
    .where('membership_id', '=', row.membership_id)
    .where('status', '=', 'paid')
    .executeTakeFirstOrThrow();
  const diagnosis_date = parseCalendarDate(row.diagnosis_date);
  if (diagnosis_date === undefined) throw new Error(`claim ${claim_id} has a bad diagnosis date`);
  return {
    case_number: row.case_number,
    plan_name_zh: plan.name_zh,
    plan_name_en: plan.name_en,
    state: row.state,
    name_masked: row.name_masked,
    age_at_diagnosis_years: Number(row.age_at_diagnosis_years),
    gender: row.gender,
    province: row.province,
    illness: { code: row.illness_code, name_zh: illness?.name_zh ?? row.illness_code, name_en: illness?.name_en ?? row.illness_code },
    aid_minor: row.aid_minor,
    currency: plan.currency,
    days_as_member: Math.max(0, daysBetween(calendarDateOf(row.joined_at), diagnosis_date)),
    shares_paid_minor: BigInt(shares.paid_minor),
    people_helped: Number(shares.references),
    notice_starts_at: row.notice_starts_at,
    notice_ends_at: row.notice_ends_at,
  };
}
