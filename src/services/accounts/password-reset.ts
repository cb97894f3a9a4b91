import { createHash } from 'node:crypto';
import { RejectionError, reject } from '../../core/rejection.js';
import type { ServiceContext } from '../context.js';
import { queueNotifications } from '../notifications/outbox.js';
import { hashPassword } from '../password.js';
import { minPasswordLength } from '../users.js';
import { codeMessage } from './account-messages.js';
import { recordCodeRequest } from './contact-throttle.js';
import { readContact } from './contacts.js';
import type { CodeRequestOutcome } from './issued-code.js';
import { codeHash, codeRules, drawCode, replaceCode, spendAttempt, useCode } from './one-time-codes.js';

function fail(code: string, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

/**
 * Asks for a password reset code. The answer is the same whether or not an account has the
 * contact; only an account's (enabled) owner gets a message, and a contact without one keeps a
 * stand-in code no one receives, so confirming behaves the same (and never succeeds).
 */
export async function askPasswordReset(context: ServiceContext, input: { contact: string }): Promise<CodeRequestOutcome> {
  const contact = readContact(context, input.contact);
  const code = drawCode(context.random);
  const now = context.clock.now();
  const sealed = context.cipher.encrypt(contact.value);
  const sent = await context.store.db.transaction().execute(async (trx) => {
    await recordCodeRequest(trx, contact.hmac, 'password_reset', now);
    const owner = await trx
      .selectFrom('user_contacts')
      .innerJoin('users', 'users.id', 'user_contacts.user_id')
      .select('users.id')
      .where('user_contacts.value_hmac', '=', contact.hmac)
      .where('users.disabled_at', 'is', null)
      .executeTakeFirst();
    await replaceCode(trx, {
      purpose: 'password_reset',
      contact_hmac: contact.hmac,
      kind: contact.kind,
      contact_enc: sealed,
      contact_masked: contact.masked,
      user_id: owner?.id ?? null,
      display_name: null,
      password_hash: null,
      code_hash: codeHash(context, 'password_reset', contact.hmac, code),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + codeRules.valid_seconds * 1000).toISOString(),
    });
    if (owner === undefined) return false;
    await queueNotifications(trx, [codeMessage('password_reset', contact, sealed, code)], now.toISOString());
    return true;
  });
  return {
    answer: { channel: contact.channel, contact_masked: contact.masked, expires_in_seconds: codeRules.valid_seconds, resend_after_seconds: codeRules.resend_cooldown_seconds },
    issued: sent ? { purpose: 'password_reset', channel: contact.channel, contact_masked: contact.masked, code } : undefined,
  };
}

/**
 * Sets a new password with the code, and ends every session of the user but the one this request
 * comes from (if it is theirs): whoever knew the old password is logged out.
 */
export async function confirmPasswordReset(
  context: ServiceContext,
  input: { contact: string; code: string; new_password: string; session_token?: string | undefined },
): Promise<{ user_id: bigint; sessions_ended: number }> {
  const contact = readContact(context, input.contact);
  // Checked before the code, so a too-short password does not spend one of its attempts.
  if (input.new_password.length < minPasswordLength) fail('AUTH_WEAK_PASSWORD', `A password has at least ${minPasswordLength} characters.`);
  const row = await spendAttempt(context, 'password_reset', contact.hmac, input.code);
  const password_hash = await hashPassword(input.new_password);
  const kept_sha256 = input.session_token === undefined ? null : createHash('sha256').update(input.session_token).digest('hex');
  const result = await context.store.db.transaction().execute(async (trx) => {
    const used = await useCode(trx, row);
    if (!used || row.user_id === null) return undefined;
    const user_id = row.user_id;
    await trx.updateTable('users').set({ password_hash }).where('id', '=', user_id).execute();
    let ending = trx.deleteFrom('sessions').where('user_id', '=', user_id);
    if (kept_sha256 !== null) ending = ending.where('token_sha256', '<>', kept_sha256);
    const ended = await ending.executeTakeFirst();
    return { user_id, sessions_ended: Number(ended.numDeletedRows) };
  });
  if (result === undefined) fail('AUTH_CODE_INVALID', 'The code is wrong or no longer valid; check it or ask for a new one.');
  return result;
}
