import { claimRuleChecks, type ClaimRuleCheck } from '../../core/claims/claim-eligibility.js';
import { calendarDateOf, parseCalendarDate } from '../../core/members/age.js';
import type { ServiceContext } from '../context.js';
import { getPlanIn } from '../funding/plan-in.js';
import { claimRejection } from './claim-rejections.js';
import { coverEndOf } from './submit-claim.js';

/**
 * What the staff workbench shows beside the claim itself (claim-queries.ts getClaimForStaff): the
 * plan's rules checked again with their figures, the membership's history, the appeal and the
 * fraud finding, the staff's notes on the claim and the investigators a reviewer may assign.
 */

export interface ClaimExtras {
  /** The rules of the plan version at diagnosis, checked on the membership as it stands now. */
  readonly checks: readonly ClaimRuleCheck[];
  readonly membership: {
    readonly status: string;
    readonly joined_at: string;
    readonly waiting_until: string;
    readonly history: ReadonlyArray<{ event: string; from_status: string | null; to_status: string; reason: string; at: string }>;
  };
  readonly appeal: { readonly reason: string; readonly at: string } | null;
  readonly fraud_finding: { readonly finding: string; readonly recorded_by: string; readonly at: string } | null;
}

/** The most membership events one workbench lists: a membership has a handful (join, activate, lapse, rejoin…). */
const maxHistoryEvents = 100;

export async function claimExtras(context: ServiceContext, claim_id: bigint): Promise<ClaimExtras> {
  const db = context.store.db;
  const claim = await db
    .selectFrom('claims as c')
    .innerJoin('memberships as m', 'm.id', 'c.membership_id')
    .innerJoin('persons as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.plan_id', 'c.plan_version', 'c.person_id', 'c.membership_id', 'c.illness_code', 'c.diagnosis_date', 'c.submitted_at'])
    .select(['m.status', 'm.joined_at', 'm.waiting_until', 'm.status_changed_at', 'p.birth_date'])
    .where('c.id', '=', claim_id)
    .executeTakeFirst();
  if (claim === undefined) claimRejection('CLAIM_NOT_FOUND', `No claim ${claim_id}.`, { claim_id: claim_id.toString() });
  const plan = await getPlanIn(db, claim.plan_id);
  const version = plan.versions.find((entry) => entry.version === Number(claim.plan_version));
  if (version === undefined) throw new Error(`claim ${claim_id} names plan version ${claim.plan_version}, which is missing`);
  const others = await db
    .selectFrom('claims')
    .select((eb) => eb.fn.countAll<bigint | number | string>().as('n'))
    .where('person_id', '=', claim.person_id)
    .where('plan_id', '=', claim.plan_id)
    .where('id', '<>', claim_id)
    .where('state', 'in', ['approved', 'scheduled', 'paid'])
    .executeTakeFirstOrThrow();
  const date = (text: string, what: string) => parseCalendarDate(text) ?? assertNever(`claim ${claim_id}: a bad ${what}`);
  const checks = claimRuleChecks({
    rules: version.rules,
    birth_date: date(claim.birth_date, 'birth date'),
    diagnosis_date: date(claim.diagnosis_date, 'diagnosis date'),
    submitted_on: calendarDateOf(claim.submitted_at),
    illness_code: claim.illness_code,
    covered_from: date(claim.waiting_until, 'waiting_until'),
    covered_until: coverEndOf(claim),
    aids_so_far: Number(others.n),
    duplicate: false,
  });
  const history = await db
    .selectFrom('membership_events')
    .select(['event', 'from_status', 'to_status', 'reason', 'at'])
    .where('membership_id', '=', claim.membership_id)
    .orderBy('id')
    .limit(maxHistoryEvents)
    .execute();
  const appeal = await db.selectFrom('claim_events').select(['reason', 'at']).where('claim_id', '=', claim_id).where('event', '=', 'appeal').orderBy('id', 'desc').executeTakeFirst();
  const fraud = await db.selectFrom('fraud_findings').select(['finding', 'recorded_by', 'at']).where('claim_id', '=', claim_id).orderBy('id', 'desc').executeTakeFirst();
  return {
    checks,
    membership: { status: claim.status, joined_at: claim.joined_at, waiting_until: claim.waiting_until, history },
    appeal: appeal ?? null,
    fraud_finding: fraud ?? null,
  };
}

function assertNever(message: string): never {
  throw new Error(message);
}

/** A note is short: a remark for colleagues, not a report (findings take 20,000 characters). */
export const maxClaimNoteLength = 2000;
/** The most notes one page returns; pass the last note id as `after` for more. */
export const maxClaimNotesPage = 100;

export interface ClaimNote {
  readonly note_id: bigint;
  readonly author_user_id: bigint;
  readonly author_name: string;
  readonly body: string;
  readonly created_at: string;
}

/** Adds a staff note to a claim; CLAIM_NOTE_BAD_TEXT unless it is 1–2,000 characters. */
export async function addClaimNote(context: ServiceContext, claim_id: bigint, author_user_id: bigint, body: string): Promise<ClaimNote> {
  const text = body.trim();
  if (text === '' || text.length > maxClaimNoteLength) claimRejection('CLAIM_NOTE_BAD_TEXT', `A note is 1–${maxClaimNoteLength} characters.`, { max_length: maxClaimNoteLength });
  const at = context.clock.now().toISOString();
  const claim = await context.store.db.selectFrom('claims').select('id').where('id', '=', claim_id).executeTakeFirst();
  if (claim === undefined) claimRejection('CLAIM_NOT_FOUND', `No claim ${claim_id}.`, { claim_id: claim_id.toString() });
  const row = await context.store.db.insertInto('claim_notes').values({ claim_id, author_user_id, body: text, created_at: at }).returning('id').executeTakeFirstOrThrow();
  const author = await context.store.db.selectFrom('users').select('display_name').where('id', '=', author_user_id).executeTakeFirstOrThrow();
  return { note_id: row.id, author_user_id, author_name: author.display_name, body: text, created_at: at };
}

/** The claim's notes, oldest first, keyset-paged by note id. */
export async function listClaimNotes(context: ServiceContext, claim_id: bigint, page: { after?: bigint | undefined; limit: number }): Promise<{ notes: ClaimNote[]; next_after: bigint | null }> {
  const limit = Math.min(Math.max(1, page.limit), maxClaimNotesPage);
  let query = context.store.db
    .selectFrom('claim_notes as n')
    .innerJoin('users as u', 'u.id', 'n.author_user_id')
    .select(['n.id', 'n.author_user_id', 'u.display_name', 'n.body', 'n.created_at'])
    .where('n.claim_id', '=', claim_id)
    .orderBy('n.id')
    .limit(limit);
  if (page.after !== undefined) query = query.where('n.id', '>', page.after);
  const rows = await query.execute();
  const notes = rows.map((row) => ({ note_id: row.id, author_user_id: row.author_user_id, author_name: row.display_name, body: row.body, created_at: row.created_at }));
  const last = notes.at(-1);
  return { notes, next_after: notes.length === limit && last !== undefined ? last.note_id : null };
}

/** The most investigators listed for a reviewer to pick from (staff users are few). */
const maxInvestigators = 200;

/** Active users with the investigator role, by name: what a reviewer picks an assignee from. */
export async function listInvestigators(context: ServiceContext): Promise<Array<{ user_id: bigint; display_name: string }>> {
  // Roles are a comma-separated list; the LIKE narrows, the exact check below decides.
  const rows = await context.store.db
    .selectFrom('users')
    .select(['id', 'display_name', 'roles'])
    .where('disabled_at', 'is', null)
    .where('roles', 'like', '%investigator%')
    .orderBy('display_name')
    .orderBy('id')
    .limit(maxInvestigators)
    .execute();
  return rows.filter((row) => row.roles.split(',').includes('investigator')).map((row) => ({ user_id: row.id, display_name: row.display_name }));
}
