import { RejectionError, reject } from '../../core/rejection.js';
import type { Trx } from '../../ledger/ledger.js';
import { codeRules, type CodePurpose } from './one-time-codes.js';

const hourMs = 3600_000;

/**
 * Records a request for a code to a contact, or refuses it: AUTH_RESEND_TOO_SOON within the
 * cooldown of the last request for the same purpose, RATE_LIMITED past the hourly cap. Requests are
 * counted for every contact, whether or not an account has it, so the answers tell nothing about
 * who has an account. Rows older than an hour are deleted as the contact asks again, so the table
 * holds at most `requests_per_contact_per_hour` rows per contact.
 */
export async function recordCodeRequest(trx: Trx, contact_hmac: string, purpose: CodePurpose, now: Date): Promise<void> {
  const hour_ago = new Date(now.getTime() - hourMs).toISOString();
  await trx.deleteFrom('contact_requests').where('contact_hmac', '=', contact_hmac).where('at', '<=', hour_ago).execute();
  const recent = await trx.selectFrom('contact_requests').select(['purpose', 'at']).where('contact_hmac', '=', contact_hmac).orderBy('at').execute();
  const last = recent.filter((request) => request.purpose === purpose).at(-1);
  if (last !== undefined) {
    const wait_ms = new Date(last.at).getTime() + codeRules.resend_cooldown_seconds * 1000 - now.getTime();
    if (wait_ms > 0) {
      const retry_after_seconds = Math.ceil(wait_ms / 1000);
      throw new RejectionError(reject('AUTH_RESEND_TOO_SOON', `A new code can be sent in ${retry_after_seconds} s.`, { retry_after_seconds }).rejection);
    }
  }
  const oldest = recent[0];
  if (recent.length >= codeRules.requests_per_contact_per_hour && oldest !== undefined) {
    const retry_after_seconds = Math.max(1, Math.ceil((new Date(oldest.at).getTime() + hourMs - now.getTime()) / 1000));
    throw new RejectionError(
      reject('RATE_LIMITED', `Too many codes were asked for this contact; try again in ${Math.ceil(retry_after_seconds / 60)} min.`, { retry_after_seconds }).rejection,
    );
  }
  await trx.insertInto('contact_requests').values({ contact_hmac, purpose, at: now.toISOString() }).execute();
}
