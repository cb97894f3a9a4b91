import { RejectionError, reject } from '../../core/rejection.js';
import type { ClaimsTable } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';
import { caseCard, type CaseCard } from './case-card.js';

/**
 * Read queries over claims for the API: staff queues, one claim's staff view, the payer's own
 * claims, the audit trail and the public case list. Person data leaves here masked only; the
 * hospital and evidence file names are returned only when the caller asks for them (the HTTP
 * layer asks for reviewers, investigators and admins).
 */

export type ClaimState = ClaimsTable['state'];

/** The most rows one listing returns; callers page with `after`. */
export const maxClaimPageSize = 200;
/** The most case cards one public page returns: each card is a few small queries. */
export const maxPublicPageSize = 50;

function notFound(code: string, message: string, details: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

export interface ClaimQueueItem {
  readonly claim_id: bigint;
  readonly case_number: string;
  readonly plan_id: string;
  readonly member_code: string;
  readonly name_masked: string;
  readonly state: ClaimState;
  readonly illness_code: string;
  readonly age_at_diagnosis_years: number;
  readonly aid_minor: bigint;
  readonly submitted_at: string;
  readonly state_changed_at: string;
  /** Whole days since the claim entered its state, by the server clock. */
  readonly days_waiting: number;
  /** The investigator of the open investigation, if any. */
  readonly assigned_to_user_id: bigint | null;
  readonly open_objections: number;
}

/** What the staff queue and its counts are filtered by; every field is optional. */
export interface ClaimQueueFilter {
  readonly state?: ClaimState | undefined;
  readonly plan_id?: string | undefined;
  readonly illness_code?: string | undefined;
  /** Age at diagnosis, inclusive bounds (an aid band of the plan is one such range). */
  readonly age_from_years?: number | undefined;
  readonly age_to_years?: number | undefined;
  /** Only claims that have been in their state for at least this many whole days (by the server clock). */
  readonly min_days_waiting?: number | undefined;
  /** The investigator of the open investigation, or 'unassigned' for claims with none. */
  readonly assigned_to?: bigint | 'unassigned' | undefined;
}

const dayMs = 86_400_000;

/** Whole days between an instant and now: how long a claim has waited in its state. */
export function daysWaiting(state_changed_at: string, now: string): number {
  return Math.max(0, Math.floor((Date.parse(now) - Date.parse(state_changed_at)) / dayMs));
}

function queueBase(context: ServiceContext) {
  return context.store.db
    .selectFrom('claims as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .leftJoin('investigations as i', (join) => join.onRef('i.claim_id', '=', 'c.id').on('i.completed_at', 'is', null));
}

/** The filters but the state (the counts are per state under the others). */
function filtered(query: ReturnType<typeof queueBase>, filter: ClaimQueueFilter, now: string): ReturnType<typeof queueBase> {
  let q = query;
  if (filter.plan_id !== undefined) q = q.where('c.plan_id', '=', filter.plan_id);
  if (filter.illness_code !== undefined) q = q.where('c.illness_code', '=', filter.illness_code);
  if (filter.age_from_years !== undefined) q = q.where('c.age_at_diagnosis_years', '>=', BigInt(filter.age_from_years));
  if (filter.age_to_years !== undefined) q = q.where('c.age_at_diagnosis_years', '<=', BigInt(filter.age_to_years));
  if (filter.min_days_waiting !== undefined) {
    // ISO instants of one format sort as text, on both databases; the (state, state_changed_at) index serves it.
    const changed_by = new Date(Date.parse(now) - filter.min_days_waiting * dayMs).toISOString();
    q = q.where('c.state_changed_at', '<=', changed_by);
  }
  const assigned = filter.assigned_to;
  if (assigned === 'unassigned') q = q.where('i.investigator_user_id', 'is', null);
  else if (assigned !== undefined) q = q.where('i.investigator_user_id', '=', assigned);
  return q;
}

/**
 * The staff work queue, by claim id ascending, keyset-paged (pass the last claim_id as `after`),
 * filtered as ClaimQueueFilter says; `now` is the server clock that days waiting count from.
 */
export async function listClaimQueue(
  context: ServiceContext,
  filter: ClaimQueueFilter & { after?: bigint | undefined; limit: number },
): Promise<{ claims: ClaimQueueItem[]; next_after: bigint | null }> {
  const limit = Math.min(Math.max(1, filter.limit), maxClaimPageSize);
  const now = context.clock.now().toISOString();
  let query = filtered(queueBase(context), filter, now);
  if (filter.state !== undefined) query = query.where('c.state', '=', filter.state);
  if (filter.after !== undefined) query = query.where('c.id', '>', filter.after);
  const rows = await query
    .select([
      'c.id',
      'c.case_number',
      'c.plan_id',
      'c.member_code',
      'p.name_masked',
      'c.state',
      'c.illness_code',
      'c.age_at_diagnosis_years',
      'c.aid_minor',
      'c.submitted_at',
      'c.state_changed_at',
      'i.investigator_user_id',
    ])
    .select((eb) =>
      eb
        .selectFrom('objections as o')
        .select((inner) => inner.fn.countAll<bigint>().as('n'))
        .whereRef('o.claim_id', '=', 'c.id')
        .where('o.status', '=', 'open')
        .as('open_objections'),
    )
    .orderBy('c.id')
    .limit(limit)
    .execute();
  const claims = rows.map((row) => ({
    claim_id: row.id,
    case_number: row.case_number,
    plan_id: row.plan_id,
    member_code: row.member_code,
    name_masked: row.name_masked,
    state: row.state,
    illness_code: row.illness_code,
    age_at_diagnosis_years: Number(row.age_at_diagnosis_years),
    aid_minor: row.aid_minor,
    submitted_at: row.submitted_at,
    state_changed_at: row.state_changed_at,
    days_waiting: daysWaiting(row.state_changed_at, now),
    assigned_to_user_id: row.investigator_user_id ?? null,
    open_objections: Number(row.open_objections ?? 0),
  }));
  const last = claims.at(-1);
  return { claims, next_after: claims.length === limit && last !== undefined ? last.claim_id : null };
}

/** How many claims are in each state under the filters (the state filter aside): one GROUP BY. */
export async function countClaimQueue(context: ServiceContext, filter: ClaimQueueFilter): Promise<Partial<Record<ClaimState, number>>> {
  const now = context.clock.now().toISOString();
  const rows = await filtered(queueBase(context), filter, now)
    .select(['c.state', (eb) => eb.fn.countAll<bigint | number | string>().as('n')])
    .groupBy('c.state')
    .execute();
  const counts: Partial<Record<ClaimState, number>> = {};
  for (const row of rows) counts[row.state] = Number(row.n);
  return counts;
}

/** Whether this user was ever assigned an investigation of the claim (an investigator's scope). */
export async function isInvestigatorOf(context: ServiceContext, claim_id: bigint, user_id: bigint): Promise<boolean> {
  const row = await context.store.db.selectFrom('investigations').select('id').where('claim_id', '=', claim_id).where('investigator_user_id', '=', user_id).executeTakeFirst();
  return row !== undefined;
}

/** The claim id of a numeric id or a case number; CLAIM_NOT_FOUND when there is none. */
export async function resolveClaimId(context: ServiceContext, id_or_case_number: string): Promise<bigint> {
  let query = context.store.db.selectFrom('claims').select('id');
  query = /^\d+$/.test(id_or_case_number) ? query.where('id', '=', BigInt(id_or_case_number)) : query.where('case_number', '=', id_or_case_number);
  const row = await query.executeTakeFirst();
  if (row === undefined) notFound('CLAIM_NOT_FOUND', 'No such claim.', { claim: id_or_case_number });
  return row.id;
}

/** The claim's membership and its payer, for the payer checks of the member routes. */
export async function claimOwner(context: ServiceContext, claim_id: bigint): Promise<{ membership_id: bigint; payer_user_id: bigint | null } | undefined> {
  return context.store.db
    .selectFrom('claims as c')
    .innerJoin('memberships as m', 'm.id', 'c.membership_id')
    .select(['c.membership_id', 'm.payer_user_id'])
    .where('c.id', '=', claim_id)
    .executeTakeFirst();
}

/** The claim an objection belongs to; CLAIM_OBJECTION_NOT_FOUND unless it is this claim's. */
export async function assertObjectionOf(context: ServiceContext, claim_id: bigint, objection_id: bigint): Promise<void> {
  const row = await context.store.db.selectFrom('objections').select('id').where('id', '=', objection_id).where('claim_id', '=', claim_id).executeTakeFirst();
  if (row === undefined) notFound('CLAIM_OBJECTION_NOT_FOUND', `No objection ${objection_id} on this claim.`, { objection_id: objection_id.toString() });
}

export interface EvidenceView {
  readonly kind: 'claimant' | 'investigation';
  readonly sha256: string;
  readonly content_type: string;
  readonly size_bytes: number;
  readonly uploaded_at: string;
  /** Only when asked for (reviewers, investigators, admins): it may name the patient. */
  readonly file_name?: string;
}

export interface ClaimStaffView {
  readonly claim_id: bigint;
  readonly case_number: string;
  readonly membership_id: bigint;
  readonly member_code: string;
  readonly plan_id: string;
  readonly plan_version: number;
  readonly state: ClaimState;
  readonly illness_code: string;
  readonly diagnosis_date: string;
  /** Only with `private_details`. */
  readonly hospital?: string;
  readonly age_at_diagnosis_years: number;
  readonly aid_minor: bigint;
  readonly rejection_code: string | null;
  readonly rejection_text: string | null;
  readonly submitted_at: string;
  readonly state_changed_at: string;
  readonly notice_starts_at: string | null;
  readonly notice_ends_at: string | null;
  readonly person: { readonly name_masked: string; readonly id_number_masked: string; readonly phone_masked: string; readonly gender: 'female' | 'male'; readonly province: string };
  readonly evidence: readonly EvidenceView[];
  readonly investigations: ReadonlyArray<{ investigator_user_id: bigint; assigned_at: string; findings: string | null; recommendation: 'approve' | 'reject' | null; completed_at: string | null }>;
  readonly objections: ReadonlyArray<{ objection_id: bigint; status: string; reason: string; resolution: string | null; created_at: string; resolved_at: string | null }>;
}

/** One claim as staff see it: masked person data; hospital and file names only with `private_details`. */
export async function getClaimForStaff(context: ServiceContext, claim_id: bigint, options: { private_details: boolean }): Promise<ClaimStaffView> {
  const db = context.store.db;
  const row = await db
    .selectFrom('claims as c')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .selectAll('c')
    .select(['p.name_masked', 'p.id_number_masked', 'p.phone_masked', 'p.gender', 'p.province'])
    .where('c.id', '=', claim_id)
    .executeTakeFirst();
  if (row === undefined) notFound('CLAIM_NOT_FOUND', `No claim ${claim_id}.`, { claim_id: claim_id.toString() });
  const evidence = await db.selectFrom('claim_evidence').select(['kind', 'sha256', 'content_type', 'size_bytes', 'uploaded_at', 'file_name']).where('claim_id', '=', claim_id).orderBy('id').execute();
  const investigations = await db.selectFrom('investigations').select(['investigator_user_id', 'assigned_at', 'findings', 'recommendation', 'completed_at']).where('claim_id', '=', claim_id).orderBy('id').execute();
  const objections = await db.selectFrom('objections').select(['id', 'status', 'reason', 'resolution', 'created_at', 'resolved_at']).where('claim_id', '=', claim_id).orderBy('id').execute();
  return {
    claim_id: row.id,
    case_number: row.case_number,
    membership_id: row.membership_id,
    member_code: row.member_code,
    plan_id: row.plan_id,
    plan_version: Number(row.plan_version),
    state: row.state,
    illness_code: row.illness_code,
    diagnosis_date: row.diagnosis_date,
    ...(options.private_details ? { hospital: row.hospital } : {}),
    age_at_diagnosis_years: Number(row.age_at_diagnosis_years),
    aid_minor: row.aid_minor,
    rejection_code: row.rejection_code,
    rejection_text: row.rejection_text,
    submitted_at: row.submitted_at,
    state_changed_at: row.state_changed_at,
    notice_starts_at: row.notice_starts_at,
    notice_ends_at: row.notice_ends_at,
    person: { name_masked: row.name_masked, id_number_masked: row.id_number_masked, phone_masked: row.phone_masked, gender: row.gender, province: row.province },
    evidence: evidence.map((file) => ({
      kind: file.kind,
      sha256: file.sha256,
      content_type: file.content_type,
      size_bytes: Number(file.size_bytes),
      uploaded_at: file.uploaded_at,
      ...(options.private_details ? { file_name: file.file_name } : {}),
    })),
    investigations,
    objections: objections.map(({ id, ...rest }) => ({ objection_id: id, ...rest })),
  };
}

/** The content type of a claim's evidence blob; CLAIM_EVIDENCE_NOT_FOUND unless the claim holds it. */
export async function evidenceOf(context: ServiceContext, claim_id: bigint, sha256: string): Promise<{ content_type: string }> {
  const row = await context.store.db.selectFrom('claim_evidence').select('content_type').where('claim_id', '=', claim_id).where('sha256', '=', sha256).executeTakeFirst();
  if (row === undefined) notFound('CLAIM_EVIDENCE_NOT_FOUND', 'This claim holds no such file.', { sha256 });
  return row;
}

export interface OwnClaim {
  readonly claim_id: bigint;
  readonly case_number: string;
  readonly membership_id: bigint;
  readonly member_code: string;
  readonly plan_id: string;
  readonly name_masked: string;
  readonly state: ClaimState;
  readonly illness_code: string;
  readonly diagnosis_date: string;
  readonly aid_minor: bigint;
  readonly rejection_code: string | null;
  readonly rejection_text: string | null;
  readonly submitted_at: string;
  readonly notice_starts_at: string | null;
  readonly notice_ends_at: string | null;
  readonly evidence_files: number;
  /** The claim's history without actors or free texts: staff are not named to members. */
  readonly events: ReadonlyArray<{ event: string; from_state: string | null; to_state: string; at: string }>;
}

/** The claims of the memberships a user pays for, newest first (bounded: one person has few). */
export async function listOwnClaims(context: ServiceContext, payer_user_id: bigint): Promise<OwnClaim[]> {
  const db = context.store.db;
  const rows = await db
    .selectFrom('claims as c')
    .innerJoin('memberships as m', 'm.id', 'c.membership_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.case_number', 'c.membership_id', 'c.member_code', 'c.plan_id', 'p.name_masked', 'c.state', 'c.illness_code', 'c.diagnosis_date', 'c.aid_minor', 'c.rejection_code', 'c.rejection_text', 'c.submitted_at', 'c.notice_starts_at', 'c.notice_ends_at'])
    .select((eb) => eb.selectFrom('claim_evidence as e').select((inner) => inner.fn.countAll<bigint>().as('n')).whereRef('e.claim_id', '=', 'c.id').where('e.kind', '=', 'claimant').as('evidence_files'))
    .where('m.payer_user_id', '=', payer_user_id)
    .orderBy('c.id', 'desc')
    .limit(maxClaimPageSize)
    .execute();
  if (rows.length === 0) return [];
  const events = await db
    .selectFrom('claim_events')
    .select(['claim_id', 'event', 'from_state', 'to_state', 'at'])
    .where(
      'claim_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('id')
    .execute();
  return rows.map(({ id, evidence_files, ...row }) => ({
    claim_id: id,
    ...row,
    evidence_files: Number(evidence_files ?? 0),
    events: events.filter((event) => event.claim_id === id).map(({ claim_id: _claim, ...event }) => event),
  }));
}

export interface AuditEntry {
  readonly id: bigint;
  readonly event: string;
  readonly from_state: string | null;
  readonly to_state: string;
  readonly actor: string;
  readonly reason: string;
  readonly at: string;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown>;
}

/** Every action on the claim, oldest first: who, when, what, and the claim before and after. */
export async function claimAuditTrail(context: ServiceContext, claim_id: bigint): Promise<AuditEntry[]> {
  await resolveClaimId(context, claim_id.toString());
  const rows = await context.store.db.selectFrom('claim_events').selectAll().where('claim_id', '=', claim_id).orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    event: row.event,
    from_state: row.from_state,
    to_state: row.to_state,
    actor: row.actor,
    reason: row.reason,
    at: row.at,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as Record<string, unknown>),
    after: JSON.parse(row.after_json) as Record<string, unknown>,
  }));
}

/** States whose case cards are public (as caseCard's), once the notice has started. */
export const publicCaseStates: readonly ClaimState[] = ['in_notice', 'objected', 'in_jury', 'approved', 'scheduled', 'paid'];

/**
 * Published case cards, newest notice first, keyset-paged by case number: pass the last card's
 * case_number as `after` (the numeric id never leaves the server).
 */
export async function listPublicCases(context: ServiceContext, filter: { plan_id?: string; after?: string; limit: number }): Promise<{ cases: CaseCard[]; next_after: string | null }> {
  const limit = Math.min(Math.max(1, filter.limit), maxPublicPageSize);
  const db = context.store.db;
  let query = db
    .selectFrom('claims')
    .select(['id', 'case_number', 'notice_starts_at'])
    .where('state', 'in', [...publicCaseStates])
    .where('notice_starts_at', 'is not', null)
    .orderBy('notice_starts_at', 'desc')
    .orderBy('case_number', 'desc')
    .limit(limit);
  if (filter.plan_id !== undefined) query = query.where('plan_id', '=', filter.plan_id);
  if (filter.after !== undefined) {
    const cursor = await db.selectFrom('claims').select(['notice_starts_at', 'case_number']).where('case_number', '=', filter.after).where('state', 'in', [...publicCaseStates]).executeTakeFirst();
    if (cursor === undefined || cursor.notice_starts_at === null) notFound('CLAIM_NOT_FOUND', 'No published case with this number.', { after: filter.after });
    const starts = cursor.notice_starts_at;
    query = query.where((eb) => eb.or([eb('notice_starts_at', '<', starts), eb.and([eb('notice_starts_at', '=', starts), eb('case_number', '<', cursor.case_number)])]));
  }
  const rows = await query.execute();
  const cases: CaseCard[] = [];
  for (const row of rows) cases.push(await caseCard(context, row.id));
  const last = rows.at(-1);
  return { cases, next_after: rows.length === limit && last !== undefined ? last.case_number : null };
}

/** One published case card by its case number; an unpublished or unknown case is the same 404. */
export async function publicCase(context: ServiceContext, case_number: string): Promise<CaseCard> {
  const row = await context.store.db
    .selectFrom('claims')
    .select('id')
    .where('case_number', '=', case_number)
    .where('state', 'in', [...publicCaseStates])
    .where('notice_starts_at', 'is not', null)
    .executeTakeFirst();
  if (row === undefined) notFound('CLAIM_NOT_FOUND', 'No published case with this number.', { case_number });
  return caseCard(context, row.id);
}
