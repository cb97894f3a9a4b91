import { z } from 'zod';
import { membershipStates } from '../core/members/membership-lifecycle.js';
import type { MaskedPerson, MembershipEventView, MembershipSummary } from '../services/member-queries.js';
import { idString } from './schemas.js';

/**
 * JSON shapes of people and memberships for everyone but an administrator: masked personal data
 * only. The response schemas are also a whitelist: the serializer drops any field not named here.
 */
export const maskedPersonSchema = z.object({
  person_id: idString,
  name_masked: z.string(),
  id_number_masked: z.string(),
  phone_masked: z.string(),
  gender: z.enum(['female', 'male']),
  province: z.string(),
  relationship: z.string(),
  demo: z.boolean(),
  created_at: z.string(),
});

export const membershipEventSchema = z.object({
  event: z.string(),
  from_status: z.string().nullable(),
  to_status: z.string(),
  reason: z.string(),
  actor: z.string(),
  at: z.string(),
});

export const membershipSchema = z.object({
  membership_id: idString,
  member_code: z.string(),
  plan_id: z.string(),
  plan_name_zh: z.string(),
  plan_name_en: z.string(),
  plan_version: z.number().int(),
  person_id: idString,
  status: z.enum(membershipStates),
  funding_model: z.enum(['post_paid', 'prepaid']),
  joined_at: z.string(),
  waiting_until: z.string().describe('First day of cover (YYYY-MM-DD)'),
  status_changed_at: z.string(),
  age_at_join_years: z.number().int(),
  demo: z.boolean(),
});

export const membershipWithPersonSchema = membershipSchema.extend({ person: maskedPersonSchema });
export const membershipDetailSchema = membershipWithPersonSchema.extend({ events: z.array(membershipEventSchema) });

export function maskedPersonJson(person: MaskedPerson) {
  return {
    person_id: person.person_id.toString(),
    name_masked: person.name_masked,
    id_number_masked: person.id_number_masked,
    phone_masked: person.phone_masked,
    gender: person.gender,
    province: person.province,
    relationship: person.relationship,
    demo: person.demo,
    created_at: person.created_at,
  };
}

export function membershipJson(membership: MembershipSummary) {
  return {
    membership_id: membership.membership_id.toString(),
    member_code: membership.member_code,
    plan_id: membership.plan_id,
    plan_name_zh: membership.plan_name_zh,
    plan_name_en: membership.plan_name_en,
    plan_version: membership.plan_version,
    person_id: membership.person_id.toString(),
    status: membership.status,
    funding_model: membership.funding_model,
    joined_at: membership.joined_at,
    waiting_until: membership.waiting_until,
    status_changed_at: membership.status_changed_at,
    age_at_join_years: membership.age_at_join_years,
    demo: membership.demo,
  };
}

export function eventJson(event: MembershipEventView) {
  return { event: event.event, from_status: event.from_status, to_status: event.to_status, reason: event.reason, actor: event.actor, at: event.at };
}

export function membershipDetailJson(membership: MembershipSummary & { person: MaskedPerson; events: readonly MembershipEventView[] }) {
  return { ...membershipJson(membership), person: maskedPersonJson(membership.person), events: membership.events.map(eventJson) };
}
