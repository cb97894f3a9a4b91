import { ApiError } from '../../../shared/api/client';
import { checkJoin, formatCalendarDate, normalizePhone, parseCalendarDate, parseNationalId, addDays, type PlanRulesJson } from '../../../shared/members/join-rules';
import type { PersonInput } from '../api/members-api';

/** The provinces the server accepts (src/services/members.ts), by their names as stored. */
export const provinces = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南',
  '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆', '香港', '澳门', '台湾',
] as const;

export const familyRelationships = ['spouse', 'child', 'parent', 'other'] as const;

export type FieldName = 'who' | 'name' | 'id_number' | 'phone' | 'province' | 'relationship' | 'health' | 'agreement';
/** A problem to show next to its field: a translation key and its values. */
export interface FieldProblem {
  readonly key: string;
  readonly values?: Record<string, unknown>;
}
export type Problems = Partial<Record<FieldName, FieldProblem>>;

export interface NewPersonFields {
  name: string;
  id_number: string;
  phone: string;
  province: string;
  relationship: PersonInput['relationship'] | '';
}

/** Today as the server counts it (the UTC calendar date). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function coverStartsOn(waiting_days: number, on = today()): string {
  const date = parseCalendarDate(on);
  return date === undefined ? on : formatCalendarDate(addDays(date, waiting_days));
}

const idPattern = /^\d{17}[\dXx]$/;

/** The person's fields, checked as the server will check them; the birth date and gender come from the ID number. */
export function checkNewPerson(fields: NewPersonFields): { problems: Problems; person?: PersonInput } {
  const problems: Problems = {};
  const name = fields.name.trim();
  if (name.length < 2 || name.length > 50) problems.name = { key: 'memberships.join.problems.name' };
  const id_text = fields.id_number.trim();
  const id = parseNationalId(id_text);
  if (!idPattern.test(id_text)) problems.id_number = { key: 'memberships.join.problems.idFormat' };
  else if (!id.ok) problems.id_number = { key: 'memberships.join.problems.idCheck' };
  const phone = normalizePhone(fields.phone);
  if (phone === undefined) problems.phone = { key: 'memberships.join.problems.phone' };
  if (!(provinces as readonly string[]).includes(fields.province)) problems.province = { key: 'memberships.join.problems.province' };
  if (fields.relationship === '') problems.relationship = { key: 'memberships.join.problems.relationship' };
  if (Object.keys(problems).length > 0 || !id.ok || phone === undefined || fields.relationship === '') return { problems };
  return {
    problems,
    person: {
      name,
      id_number: id.value.normalized,
      birth_date: formatCalendarDate(id.value.birth_date),
      gender: id.value.gender,
      province: fields.province,
      phone,
      relationship: fields.relationship,
    },
  };
}

/**
 * The plan's own eligibility check (src/core's checkJoin) on what the form knows. For a person
 * already registered the birth date stays on the server (masked data only): it checks the age.
 */
export function checkEligibility(input: {
  rules: PlanRulesJson;
  plan_open: boolean;
  birth_date: string | undefined;
  relationship: string;
  answers: Record<string, boolean>;
  has_live_membership: boolean;
}): Problems {
  const problems: Problems = {};
  if (input.relationship !== 'self' && !input.rules.family_enrollment) problems.relationship = { key: 'memberships.join.problems.noFamily' };
  const join_date = parseCalendarDate(today())!;
  // Without the birth date, a day that passes the age rule stands in for it: the server checks the real one.
  const birth = input.birth_date === undefined ? addDays(join_date, -(input.rules.join_age.min_years * 366 + input.rules.join_age.min_days + 1)) : parseCalendarDate(input.birth_date);
  if (birth === undefined) return problems;
  const decision = checkJoin({ rules: input.rules, plan_open: input.plan_open, birth_date: birth, join_date, answers: input.answers, has_live_membership: input.has_live_membership });
  if (decision.ok) return problems;
  const { code, details } = decision.rejection;
  switch (code) {
    case 'MEMBER_AGE_OUT_OF_RANGE':
      problems.id_number = { key: 'memberships.join.problems.age', values: { ...details } };
      break;
    case 'MEMBER_DECLARATION_INCOMPLETE':
      problems.health = { key: 'memberships.join.problems.healthIncomplete' };
      break;
    case 'MEMBER_EXCLUDED_CONDITION':
      problems.health = { key: 'memberships.join.problems.healthExcluded' };
      break;
    case 'MEMBER_ALREADY_JOINED':
      problems.who = { key: 'memberships.join.problems.alreadyJoined' };
      break;
    case 'PLAN_CLOSED':
      problems.who = { key: 'memberships.join.problems.planClosed' };
      break;
  }
  return problems;
}

const fieldByCode: Readonly<Record<string, FieldName>> = {
  MEMBER_BAD_NAME: 'name',
  MEMBER_BAD_ID_NUMBER: 'id_number',
  MEMBER_BAD_BIRTH_DATE: 'id_number',
  MEMBER_ID_MISMATCH: 'id_number',
  MEMBER_DUPLICATE_IDENTITY: 'id_number',
  MEMBER_AGE_OUT_OF_RANGE: 'id_number',
  MEMBER_BAD_PHONE: 'phone',
  MEMBER_BAD_PROVINCE: 'province',
  MEMBER_BAD_RELATIONSHIP: 'relationship',
  PLAN_NO_FAMILY_ENROLMENT: 'relationship',
  MEMBER_EXCLUDED_CONDITION: 'health',
  MEMBER_DECLARATION_INCOMPLETE: 'health',
  MEMBER_ALREADY_JOINED: 'who',
  MEMBER_NOT_FOUND: 'who',
  PLAN_CLOSED: 'who',
};

const fieldByPath: Readonly<Record<string, FieldName>> = {
  'person/name': 'name',
  'person/id_number': 'id_number',
  'person/birth_date': 'id_number',
  'person/gender': 'id_number',
  'person/phone': 'phone',
  'person/province': 'province',
  'person/relationship': 'relationship',
  answers: 'health',
};

/** The field an API refusal concerns, so its message is shown next to it (undefined: the whole form). */
export function fieldOfApiError(error: unknown): FieldName | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const byCode = fieldByCode[error.code];
  if (byCode !== undefined) return byCode;
  for (const path of error.fieldPaths) {
    const field = fieldByPath[path] ?? fieldByPath[path.split('/').slice(0, 2).join('/')] ?? (path.startsWith('answers') ? 'health' : undefined);
    if (field !== undefined) return field;
  }
  return undefined;
}
