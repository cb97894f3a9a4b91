import { RejectionError, reject } from '../../core/rejection.js';
import { queueNotifications } from '../notifications/outbox.js';
import type { ServiceContext } from '../context.js';
import { hashPassword } from '../password.js';
import { findUserById, minPasswordLength, usernamePattern, type User } from '../users.js';
import { codeMessage, signupAttemptNotice } from './account-messages.js';
import { recordCodeRequest } from './contact-throttle.js';
import { readContact, type KnownContact } from './contacts.js';
import type { CodeRequestOutcome } from './issued-code.js';
import { codeHash, codeRules, drawCode, replaceCode, spendAttempt, useCode } from './one-time-codes.js';

function fail(code: string, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

export const maxDisplayNameLength = 100;

export interface SignUpInput {
  readonly contact: string;
  readonly display_name: string;
  readonly password: string;
}

function answerFor(contact: KnownContact): CodeRequestOutcome['answer'] {
  return {
    channel: contact.channel,
    contact_masked: contact.masked,
    expires_in_seconds: codeRules.valid_seconds,
    resend_after_seconds: codeRules.resend_cooldown_seconds,
  };
}

/**
 * Starts a sign-up: the account waits for the code sent to the contact. For a contact that already
 * has an account the answer is the same, the owner is told that someone tried, and a stand-in
 * code that no one receives is kept, so confirming behaves the same too (and never succeeds).
 */
export async function signUp(context: ServiceContext, input: SignUpInput): Promise<CodeRequestOutcome> {
  const contact = readContact(context, input.contact);
  const display_name = input.display_name.trim();
  if (display_name === '' || [...display_name].length > maxDisplayNameLength) {
    fail('AUTH_BAD_DISPLAY_NAME', `A display name has 1–${maxDisplayNameLength} characters.`);
  }
  if (input.password.length < minPasswordLength) fail('AUTH_WEAK_PASSWORD', `A password has at least ${minPasswordLength} characters.`);
  // Hashed in both cases, so the time taken does not tell whether the contact has an account.
  const password_hash = await hashPassword(input.password);
  const code = drawCode(context.random);
  const now = context.clock.now();
  const sealed = context.cipher.encrypt(contact.value);
  const taken = await context.store.db.transaction().execute(async (trx) => {
    await recordCodeRequest(trx, contact.hmac, 'signup', now);
    const owner = await trx.selectFrom('user_contacts').select('user_id').where('value_hmac', '=', contact.hmac).executeTakeFirst();
    await replaceCode(trx, {
      purpose: 'signup',
      contact_hmac: contact.hmac,
      kind: contact.kind,
      contact_enc: sealed,
      contact_masked: contact.masked,
      user_id: null,
      display_name,
      password_hash,
      code_hash: codeHash(context, 'signup', contact.hmac, code),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + codeRules.valid_seconds * 1000).toISOString(),
    });
    const message = owner === undefined ? codeMessage('signup', contact, sealed, code) : { ...signupAttemptNotice(contact, sealed), user_id: owner.user_id };
    await queueNotifications(trx, [message], now.toISOString());
    return owner !== undefined;
  });
  return { answer: answerFor(contact), issued: taken ? undefined : { purpose: 'signup', channel: contact.channel, contact_masked: contact.masked, code } };
}

/**
 * Sends a new code for a sign-up waiting for one (the old code stops working). A contact with no
 * waiting sign-up, or one that already has an account, gets the same answer and no message.
 */
export async function resendSignUpCode(context: ServiceContext, input: { contact: string }): Promise<CodeRequestOutcome> {
  const contact = readContact(context, input.contact);
  const code = drawCode(context.random);
  const now = context.clock.now();
  const sent = await context.store.db.transaction().execute(async (trx) => {
    await recordCodeRequest(trx, contact.hmac, 'signup', now);
    const waiting = await trx.selectFrom('contact_codes').selectAll().where('purpose', '=', 'signup').where('contact_hmac', '=', contact.hmac).executeTakeFirst();
    if (waiting === undefined) return false;
    const owner = await trx.selectFrom('user_contacts').select('user_id').where('value_hmac', '=', contact.hmac).executeTakeFirst();
    const { id: _id, attempts: _attempts, ...kept } = waiting;
    await replaceCode(trx, {
      ...kept,
      code_hash: codeHash(context, 'signup', contact.hmac, code),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + codeRules.valid_seconds * 1000).toISOString(),
    });
    if (owner !== undefined) return false;
    await queueNotifications(trx, [codeMessage('signup', contact, waiting.contact_enc, code)], now.toISOString());
    return true;
  });
  return { answer: answerFor(contact), issued: sent ? { purpose: 'signup', channel: contact.channel, contact_masked: contact.masked, code } : undefined };
}

/** A username of the existing pattern that the person never chose: `u-` and 10 letters and digits. */
function generatedUsername(context: ServiceContext): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const name = `u-${[...context.random.bytes(10)].map((byte) => alphabet[byte % alphabet.length]).join('')}`;
  if (!usernamePattern.test(name)) throw new Error(`invariant violated: generated username ${name} does not match the username pattern`);
  return name;
}

/**
 * Confirms a sign-up with its code: the account is made (a member with no memberships) with the
 * contact as a confirmed one. The caller starts the session.
 */
export async function confirmSignUp(context: ServiceContext, input: { contact: string; code: string }): Promise<User> {
  const contact = readContact(context, input.contact);
  const row = await spendAttempt(context, 'signup', contact.hmac, input.code);
  const now = context.clock.now().toISOString();
  const user_id = await context.store.db.transaction().execute(async (trx) => {
    const used = await useCode(trx, row);
    const owner = await trx.selectFrom('user_contacts').select('user_id').where('value_hmac', '=', contact.hmac).executeTakeFirst();
    // The stand-in code of a contact that has an account, or a code a concurrent request used first.
    if (!used || owner !== undefined || row.display_name === null || row.password_hash === null) return undefined;
    // 31^10 names: a collision is already unlikely; three draws make it negligible.
    for (let draw = 0; draw < 3; draw += 1) {
      const username = generatedUsername(context);
      const existing = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
      if (existing !== undefined) continue;
      const user = await trx
        .insertInto('users')
        .values({ username, display_name: row.display_name, password_hash: row.password_hash, roles: 'member', created_at: now, disabled_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('user_contacts')
        .values({ value_hmac: contact.hmac, user_id: user.id, kind: contact.kind, value_enc: row.contact_enc, value_masked: row.contact_masked, confirmed_at: now })
        .execute();
      return user.id;
    }
    throw new Error('invariant violated: three generated usernames were all taken');
  });
  if (user_id === undefined) fail('AUTH_CODE_INVALID', 'The code is wrong or no longer valid; check it or ask for a new one.');
  const user = await findUserById(context.store, user_id);
  if (user === undefined) throw new Error('invariant violated: the confirmed user was not found');
  return user;
}
