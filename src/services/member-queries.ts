import { RejectionError, reject } from '../core/rejection.js';
import type { MembershipsTable, PersonsTable } from '../store/schema.js';
import type { ServiceContext } from './context.js';

/**
 * Read queries over people, memberships and in-app messages for the API. Everything here returns
 * masked personal data only (DESIGN.md: only masked forms leave the server), except
 * `revealPerson`, which decrypts for an administrator and is the one place full data is read.
 */

export type MembershipStatus = MembershipsTable['status'];

export interface MaskedPerson {
  readonly person_id: bigint;
  readonly name_masked: string;
  readonly id_number_masked: string;
  readonly phone_masked: string;
  readonly gender: PersonsTable['gender'];
  readonly province: string;
  readonly relationship: string;
  readonly payer_user_id: bigint | null;
  readonly demo: boolean;
  readonly created_at: string;
}

export interface MembershipSummary {
  readonly membership_id: bigint;
  readonly member_code: string;
  readonly plan_id: string;
  readonly plan_name_zh: string;
  readonly plan_name_en: string;
  readonly plan_version: number;
  readonly person_id: bigint;
  readonly payer_user_id: bigint | null;
  readonly status: MembershipStatus;
  readonly funding_model: MembershipsTable['funding_model'];
  readonly joined_at: string;
  /** First day of cover (YYYY-MM-DD). */
  readonly waiting_until: string;
  readonly status_changed_at: string;
  readonly age_at_join_years: number;
  readonly demo: boolean;
}

export interface MembershipEventView {
  readonly event: string;
  readonly from_status: string | null;
  readonly to_status: string;
  readonly reason: string;
  readonly actor: string;
  readonly at: string;
}

export interface MembershipDetail extends MembershipSummary {
  readonly person: MaskedPerson;
  readonly events: readonly MembershipEventView[];
}

/** The most rows one listing returns; callers page with `after`. */
export const maxPageSize = 500;
/** A payer's own household is small; this bounds the query anyway. */
const maxHouseholdMemberships = 1000;

const maskedPersonColumns = [
  'persons.id as person_id',
  'persons.name_masked',
  'persons.id_number_masked',
  'persons.phone_masked',
  'persons.gender',
  'persons.province',
  'persons.relationship',
  'persons.payer_user_id',
  'persons.demo',
  'persons.created_at',
] as const;

const membershipColumns = [
  'memberships.id as membership_id',
  'memberships.member_code',
  'memberships.plan_id',
  'plans.name_zh as plan_name_zh',
  'plans.name_en as plan_name_en',
  'memberships.plan_version',
  'memberships.person_id',
  'memberships.payer_user_id',
  'memberships.status',
  'memberships.funding_model',
  'memberships.joined_at',
  'memberships.waiting_until',
  'memberships.status_changed_at',
  'memberships.age_at_join_years',
  'memberships.demo',
] as const;

type MembershipRow = {
  membership_id: bigint;
  member_code: string;
  plan_id: string;
  plan_name_zh: string;
  plan_name_en: string;
  plan_version: bigint;
  person_id: bigint;
  payer_user_id: bigint | null;
  status: MembershipStatus;
  funding_model: MembershipsTable['funding_model'];
  joined_at: string;
  waiting_until: string;
  status_changed_at: string;
  age_at_join_years: bigint;
  demo: bigint;
};

type PersonRow = Omit<MaskedPerson, 'demo'> & { demo: bigint };

function toSummary(row: MembershipRow): MembershipSummary {
  return { ...row, plan_version: Number(row.plan_version), age_at_join_years: Number(row.age_at_join_years), demo: BigInt(row.demo) !== 0n };
}

function toPerson(row: PersonRow): MaskedPerson {
  return { ...row, demo: BigInt(row.demo) !== 0n };
}

function notFound(code: 'MEMBERSHIP_NOT_FOUND' | 'MEMBER_NOT_FOUND' | 'NOTIFICATION_NOT_FOUND', what: string, id: bigint): never {
  throw new RejectionError(reject(code, `No ${what} ${id}.`, { id: id.toString() }).rejection);
}

async function eventsOf(context: ServiceContext, membership_ids: readonly bigint[]): Promise<Map<bigint, MembershipEventView[]>> {
  const byMembership = new Map<bigint, MembershipEventView[]>();
  if (membership_ids.length === 0) return byMembership;
  const rows = await context.store.db
    .selectFrom('membership_events')
    .select(['membership_id', 'event', 'from_status', 'to_status', 'reason', 'actor', 'at'])
    .where('membership_id', 'in', membership_ids)
    .orderBy('id')
    .execute();
  for (const { membership_id, ...event } of rows) {
    const key = BigInt(membership_id);
    const list = byMembership.get(key) ?? [];
    list.push(event);
    byMembership.set(key, list);
  }
  return byMembership;
}

/** A member code is "M" and 12 characters of Crockford base32 (member-code.ts). */
const memberCodeLength = 13;
const highestCodeCharacter = 'Z';

/**
 * The codes starting with a prefix, as a range on the unique index of member_code: a code is
 * only digits and capital letters, whose order is the same under byte order (SQLite) and a
 * PostgreSQL locale, so every code with the prefix lies between the prefix and the prefix padded
 * with the highest character, and no other code does. (LIKE would not use the index on PostgreSQL.)
 */
function memberCodeRange(prefix: string): [string, string] {
  return [prefix, prefix.padEnd(memberCodeLength, highestCodeCharacter)];
}

/**
 * Memberships with masked person data, by id ascending, keyset-paged: pass the last id seen as
 * `after`. `next_after` is null on the last page.
 */
export async function listMemberships(
  context: ServiceContext,
  filter: { plan_id?: string; status?: MembershipStatus; person_id?: bigint; member_code?: string; member_code_prefix?: string; after?: bigint; limit: number },
): Promise<{ memberships: Array<MembershipSummary & { person: MaskedPerson }>; next_after: bigint | null }> {
  const limit = Math.min(Math.max(1, filter.limit), maxPageSize);
  let query = context.store.db
    .selectFrom('memberships')
    .innerJoin('plans', 'plans.id', 'memberships.plan_id')
    .innerJoin('persons', 'persons.id', 'memberships.person_id')
    .select([
      ...membershipColumns,
      'persons.name_masked',
      'persons.id_number_masked',
      'persons.phone_masked',
      'persons.gender',
      'persons.province',
      'persons.relationship',
      'persons.payer_user_id as person_payer_user_id',
      'persons.demo as person_demo',
      'persons.created_at',
    ])
    .orderBy('memberships.id')
    .limit(limit);
  if (filter.plan_id !== undefined) query = query.where('memberships.plan_id', '=', filter.plan_id);
  if (filter.status !== undefined) query = query.where('memberships.status', '=', filter.status);
  if (filter.person_id !== undefined) query = query.where('memberships.person_id', '=', filter.person_id);
  if (filter.member_code !== undefined) query = query.where('memberships.member_code', '=', filter.member_code);
  if (filter.member_code_prefix !== undefined) {
    const [low, high] = memberCodeRange(filter.member_code_prefix);
    query = query.where('memberships.member_code', '>=', low).where('memberships.member_code', '<=', high);
  }
  if (filter.after !== undefined) query = query.where('memberships.id', '>', filter.after);
  const rows = await query.execute();
  const memberships = rows.map((row) => ({
    ...toSummary(row),
    person: toPerson({
      person_id: row.person_id,
      name_masked: row.name_masked,
      id_number_masked: row.id_number_masked,
      phone_masked: row.phone_masked,
      gender: row.gender,
      province: row.province,
      relationship: row.relationship,
      payer_user_id: row.person_payer_user_id,
      demo: row.person_demo,
      created_at: row.created_at,
    }),
  }));
  const last = memberships[memberships.length - 1];
  return { memberships, next_after: memberships.length === limit && last !== undefined ? last.membership_id : null };
}

/**
 * One membership with its masked person and status history. With `payer_user_id`, a membership
 * paid for by someone else is reported as missing, so ids cannot be probed.
 */
export async function getMembershipDetail(context: ServiceContext, membership_id: bigint, options: { payer_user_id?: bigint } = {}): Promise<MembershipDetail> {
  let query = context.store.db
    .selectFrom('memberships')
    .innerJoin('plans', 'plans.id', 'memberships.plan_id')
    .select(membershipColumns)
    .where('memberships.id', '=', membership_id);
  if (options.payer_user_id !== undefined) query = query.where('memberships.payer_user_id', '=', options.payer_user_id);
  const row = await query.executeTakeFirst();
  if (row === undefined) notFound('MEMBERSHIP_NOT_FOUND', 'membership', membership_id);
  const person = await context.store.db.selectFrom('persons').select(maskedPersonColumns).where('persons.id', '=', row.person_id).executeTakeFirstOrThrow();
  const events = await eventsOf(context, [row.membership_id]);
  return { ...toSummary(row), person: toPerson(person), events: events.get(BigInt(row.membership_id)) ?? [] };
}

/** Fails with MEMBERSHIP_NOT_FOUND unless the membership exists and this user pays for it. */
export async function assertPaysForMembership(context: ServiceContext, membership_id: bigint, payer_user_id: bigint): Promise<void> {
  const row = await context.store.db
    .selectFrom('memberships')
    .select('id')
    .where('id', '=', membership_id)
    .where('payer_user_id', '=', payer_user_id)
    .executeTakeFirst();
  if (row === undefined) notFound('MEMBERSHIP_NOT_FOUND', 'membership', membership_id);
}

/** Fails with MEMBER_NOT_FOUND (as for an unknown person) unless this user pays for the person. */
export async function assertPaysForPerson(context: ServiceContext, person_id: bigint, payer_user_id: bigint): Promise<void> {
  const row = await context.store.db.selectFrom('persons').select('id').where('id', '=', person_id).where('payer_user_id', '=', payer_user_id).executeTakeFirst();
  if (row === undefined) notFound('MEMBER_NOT_FOUND', 'person', person_id);
}

/** The people a user pays for, each with their memberships (newest first) and status histories. */
export async function householdOf(
  context: ServiceContext,
  payer_user_id: bigint,
): Promise<Array<MaskedPerson & { memberships: Array<MembershipSummary & { events: readonly MembershipEventView[] }> }>> {
  const persons = await context.store.db
    .selectFrom('persons')
    .select(maskedPersonColumns)
    .where('persons.payer_user_id', '=', payer_user_id)
    .orderBy('persons.id')
    .limit(maxHouseholdMemberships)
    .execute();
  const memberships = await context.store.db
    .selectFrom('memberships')
    .innerJoin('plans', 'plans.id', 'memberships.plan_id')
    .select(membershipColumns)
    .where('memberships.payer_user_id', '=', payer_user_id)
    .orderBy('memberships.id', 'desc')
    .limit(maxHouseholdMemberships)
    .execute();
  const events = await eventsOf(
    context,
    memberships.map((row) => row.membership_id),
  );
  return persons.map((person) => ({
    ...toPerson(person),
    memberships: memberships
      .filter((row) => BigInt(row.person_id) === BigInt(person.person_id))
      .map((row) => ({ ...toSummary(row), events: events.get(BigInt(row.membership_id)) ?? [] })),
  }));
}

export interface RevealedPerson {
  readonly person_id: bigint;
  readonly name: string;
  readonly id_number: string;
  readonly phone: string;
  readonly birth_date: string;
  readonly gender: PersonsTable['gender'];
  readonly province: string;
  readonly relationship: string;
  readonly payer_user_id: bigint | null;
  readonly created_at: string;
  readonly membership_ids: readonly bigint[];
}

/** Decrypts a person's full personal data. Only for administrators; the caller logs each use. */
export async function revealPerson(context: ServiceContext, person_id: bigint): Promise<RevealedPerson> {
  const row = await context.store.db.selectFrom('persons').selectAll().where('id', '=', person_id).executeTakeFirst();
  if (row === undefined) notFound('MEMBER_NOT_FOUND', 'person', person_id);
  const memberships = await context.store.db.selectFrom('memberships').select('id').where('person_id', '=', person_id).orderBy('id').execute();
  return {
    person_id: row.id,
    name: context.cipher.decrypt(row.name_enc),
    id_number: context.cipher.decrypt(row.id_number_enc),
    phone: context.cipher.decrypt(row.phone_enc),
    birth_date: row.birth_date,
    gender: row.gender,
    province: row.province,
    relationship: row.relationship,
    payer_user_id: row.payer_user_id,
    created_at: row.created_at,
    membership_ids: memberships.map((membership) => membership.id),
  };
}

export interface InAppMessage {
  readonly id: bigint;
  readonly kind: string;
  readonly membership_id: bigint | null;
  readonly title_zh: string;
  readonly title_en: string;
  readonly body_zh: string;
  readonly body_en: string;
  readonly created_at: string;
  readonly read_at: string | null;
}

const messageColumns = ['id', 'kind', 'membership_id', 'title_zh', 'title_en', 'body_zh', 'body_en', 'created_at', 'read_at'] as const;

/** A user's in-app messages, newest first, keyset-paged: pass the last id seen as `before`. */
export async function listInAppMessages(
  context: ServiceContext,
  user_id: bigint,
  page: { before?: bigint; limit: number },
): Promise<{ messages: InAppMessage[]; next_before: bigint | null; unread: number }> {
  const limit = Math.min(Math.max(1, page.limit), maxPageSize);
  let query = context.store.db
    .selectFrom('notifications')
    .select(messageColumns)
    .where('user_id', '=', user_id)
    .where('channel', '=', 'in_app')
    .orderBy('id', 'desc')
    .limit(limit);
  if (page.before !== undefined) query = query.where('id', '<', page.before);
  const messages = await query.execute();
  const unread = await context.store.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string | number | bigint>().as('count'))
    .where('user_id', '=', user_id)
    .where('channel', '=', 'in_app')
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  const last = messages[messages.length - 1];
  return { messages, next_before: messages.length === limit && last !== undefined ? last.id : null, unread: Number(unread.count) };
}

/** Marks one of the user's in-app messages read (the first reading time is kept). */
export async function markMessageRead(context: ServiceContext, user_id: bigint, message_id: bigint): Promise<InAppMessage> {
  const read_at = context.clock.now().toISOString();
  await context.store.db
    .updateTable('notifications')
    .set({ read_at, delivered_at: read_at })
    .where('id', '=', message_id)
    .where('user_id', '=', user_id)
    .where('channel', '=', 'in_app')
    .where('read_at', 'is', null)
    .execute();
  const row = await context.store.db
    .selectFrom('notifications')
    .select(messageColumns)
    .where('id', '=', message_id)
    .where('user_id', '=', user_id)
    .where('channel', '=', 'in_app')
    .executeTakeFirst();
  if (row === undefined) notFound('NOTIFICATION_NOT_FOUND', 'message', message_id);
  return row;
}
