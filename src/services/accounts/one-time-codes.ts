import { timingSafeEqual } from 'node:crypto';
import { assert, RejectionError, reject } from '../../core/rejection.js';
import type { Trx } from '../../ledger/ledger.js';
import type { ContactCodesTable } from '../../store/schema.js';
import type { Selectable } from 'kysely';
import type { RandomSource, ServiceContext } from '../context.js';

/** The rules of one-time codes; the pages and the README say the same numbers. */
export const codeRules = {
  /** Six digits, as people are used to from banks and shops. */
  digits: 6,
  valid_seconds: 10 * 60,
  /** Wrong (or right) tries of one code; after the last the code is dead and a new one must be asked for. */
  max_attempts: 5,
  /** Between two codes asked for one contact and purpose. */
  resend_cooldown_seconds: 60,
  /** Codes asked for one contact in an hour, over every purpose, whether or not an account has the contact. */
  requests_per_contact_per_hour: 5,
} as const;

export type CodePurpose = ContactCodesTable['purpose'];
export type CodeRow = Selectable<ContactCodesTable>;

const codeSpace = 10 ** codeRules.digits;
// The largest multiple of the code space below 2^32: values above it are drawn again, so every code is equally likely.
const uniformBound = Math.floor(2 ** 32 / codeSpace) * codeSpace;

/** A uniformly drawn code of six digits; each draw is refused with probability below 0.03%, so ten draws always suffice in practice. */
export function drawCode(random: RandomSource): string {
  for (let draw = 0; draw < 10; draw += 1) {
    const value = Buffer.from(random.bytes(4)).readUInt32BE(0);
    if (value < uniformBound) return String(value % codeSpace).padStart(codeRules.digits, '0');
  }
  throw new Error('invariant violated: ten draws of a one-time code were all above the uniform bound');
}

/**
 * A keyed hash of the code, bound to its purpose and contact: the table alone (a backup, a leak)
 * does not give the code back without the server's data key.
 */
export function codeHash(context: ServiceContext, purpose: CodePurpose, contact_hmac: string, code: string): string {
  return context.cipher.lookupHash(`one-time-code|${purpose}|${contact_hmac}|${code}`);
}

function sameHash(left_hex: string, right_hex: string): boolean {
  const left = Buffer.from(left_hex, 'hex');
  const right = Buffer.from(right_hex, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

function fail(code: string, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

/** Replaces the contact's live code for the purpose with a new one (a new request or a resend). */
export async function replaceCode(
  trx: Trx,
  row: Omit<CodeRow, 'id' | 'attempts'>,
): Promise<void> {
  await trx.deleteFrom('contact_codes').where('purpose', '=', row.purpose).where('contact_hmac', '=', row.contact_hmac).execute();
  await trx.insertInto('contact_codes').values(row).execute();
}

/**
 * Spends one attempt of the contact's live code and says whether the code matches. The attempt is
 * taken before the comparison, in one conditional update, so many guesses sent at once still get
 * at most `max_attempts` comparisons between them. The caller uses the code (deletes its row) in
 * its own transaction; a row already used by a concurrent request is then gone.
 */
export async function spendAttempt(context: ServiceContext, purpose: CodePurpose, contact_hmac: string, code: string): Promise<CodeRow> {
  const { db } = context.store;
  const now = context.clock.now().toISOString();
  const row = await db.selectFrom('contact_codes').selectAll().where('purpose', '=', purpose).where('contact_hmac', '=', contact_hmac).executeTakeFirst();
  if (row === undefined) fail('AUTH_CODE_INVALID', 'The code is wrong or no longer valid; check it or ask for a new one.');
  if (row.attempts >= BigInt(codeRules.max_attempts)) fail('AUTH_CODE_EXHAUSTED', 'This code was tried too often and no longer works; ask for a new one.');
  if (row.expires_at <= now) fail('AUTH_CODE_EXPIRED', 'This code has expired; ask for a new one.');
  const spent = await db
    .updateTable('contact_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1n) }))
    .where('id', '=', row.id)
    .where('attempts', '<', BigInt(codeRules.max_attempts))
    .returning('attempts')
    .executeTakeFirst();
  if (spent === undefined) fail('AUTH_CODE_EXHAUSTED', 'This code was tried too often and no longer works; ask for a new one.');
  assert(spent.attempts <= BigInt(codeRules.max_attempts), 'a code is compared at most max_attempts times');
  if (!sameHash(row.code_hash, codeHash(context, purpose, contact_hmac, code))) {
    if (spent.attempts >= BigInt(codeRules.max_attempts)) fail('AUTH_CODE_EXHAUSTED', 'This code was tried too often and no longer works; ask for a new one.');
    fail('AUTH_CODE_INVALID', 'The code is wrong or no longer valid; check it or ask for a new one.');
  }
  return row;
}

/** Uses the code: deletes its row. False when a concurrent request used it first. */
export async function useCode(trx: Trx, row: CodeRow): Promise<boolean> {
  const deleted = await trx.deleteFrom('contact_codes').where('id', '=', row.id).executeTakeFirst();
  return deleted.numDeletedRows === 1n;
}
