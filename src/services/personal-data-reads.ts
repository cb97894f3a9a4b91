import { RejectionError, reject } from '../core/rejection.js';
import type { ServiceContext } from './context.js';
import { revealPerson, type RevealedPerson } from './member-queries.js';

export const minReadReasonLength = 5;
export const maxReadReasonLength = 500;
export const maxReadPageSize = 200;

function fail(code: string, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

export interface PersonalDataRead {
  readonly id: bigint;
  readonly at: string;
  readonly reader_user_id: bigint;
  readonly reader_username: string;
  readonly person_id: bigint;
  readonly member_code: string | null;
  readonly reason: string;
}

/** The reason an admin gives for a read: required, trimmed, bounded, so the log says why. */
export function checkReadReason(reason: string | undefined): string {
  const text = reason?.trim() ?? '';
  if (text.length < minReadReasonLength) {
    fail('PERSON_READ_REASON_REQUIRED', `Say why you read this person's full data (at least ${minReadReasonLength} characters).`, { min: minReadReasonLength });
  }
  if (text.length > maxReadReasonLength) fail('PERSON_READ_REASON_TOO_LONG', `A reason has at most ${maxReadReasonLength} characters.`, { max: maxReadReasonLength });
  return text;
}

/**
 * A person's full, decrypted data for an administrator, with the read written to
 * personal_data_reads first: the data leaves only once its audit row is stored (an insert that
 * fails fails the request). `member_code` is the code the lookup started from, if any.
 */
export async function readPersonalData(
  context: ServiceContext,
  person_id: bigint,
  reader_user_id: bigint,
  reason: string | undefined,
  member_code: string | null = null,
): Promise<{ person: RevealedPerson; read_id: bigint }> {
  const text = checkReadReason(reason);
  const person = await revealPerson(context, person_id);
  const row = await context.store.db
    .insertInto('personal_data_reads')
    .values({ reader_user_id, person_id, member_code, reason: text, at: context.clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { person, read_id: row.id };
}

/** The person behind a member code (a reviewer's reference), without any personal data. */
export async function personOfMemberCode(context: ServiceContext, reference: string | undefined): Promise<{ person_id: bigint; membership_id: bigint; member_code: string }> {
  const member_code = reference?.trim() ?? '';
  if (member_code === '') fail('MEMBER_CODE_REQUIRED', 'Give the member code to look up.');
  const row = await context.store.db.selectFrom('memberships').select(['person_id', 'id', 'member_code']).where('member_code', '=', member_code).executeTakeFirst();
  if (row === undefined) fail('MEMBER_CODE_NOT_FOUND', `No membership has the member code ${member_code}.`, { member_code });
  return { person_id: row.person_id, membership_id: row.id, member_code: row.member_code };
}

/** The audit log of full-data reads, newest first, paged by id (pass next_before as before). */
export async function listPersonalDataReads(
  context: ServiceContext,
  filter: { person_id?: bigint | undefined; before?: bigint | undefined; limit: number },
): Promise<{ reads: PersonalDataRead[]; next_before: bigint | null }> {
  const limit = Math.min(Math.max(1, filter.limit), maxReadPageSize);
  let query = context.store.db
    .selectFrom('personal_data_reads as r')
    .innerJoin('users as u', 'u.id', 'r.reader_user_id')
    .select(['r.id', 'r.at', 'r.reader_user_id', 'u.username as reader_username', 'r.person_id', 'r.member_code', 'r.reason'])
    .orderBy('r.id', 'desc')
    .limit(limit + 1);
  if (filter.person_id !== undefined) query = query.where('r.person_id', '=', filter.person_id);
  if (filter.before !== undefined) query = query.where('r.id', '<', filter.before);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  return { reads: page, next_before: rows.length > limit ? page[page.length - 1]!.id : null };
}
