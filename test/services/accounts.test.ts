import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseContact } from '../../src/core/accounts/contact.js';
import { RejectionError } from '../../src/core/rejection.js';
import { authenticateLogin } from '../../src/services/accounts/login.js';
import { codeRules } from '../../src/services/accounts/one-time-codes.js';
import { askPasswordReset, confirmPasswordReset } from '../../src/services/accounts/password-reset.js';
import { confirmSignUp, resendSignUpCode, signUp } from '../../src/services/accounts/sign-up.js';
import { sessionUser, startSession } from '../../src/services/sessions.js';
import { createUser } from '../../src/services/users.js';
import { describeEachBackend } from '../support/test-stores.js';
import { testContext, type TestContext } from '../support/test-context.js';
import { codeOf } from '../support/rejection-code.js';

const start = '2026-11-28T10:00:00.000Z';
const later = (seconds: number) => new Date(Date.parse(start) + seconds * 1000).toISOString();
const password = 'a-long-password';

/** Any six digits other than the right code. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describeEachBackend('accounts: sign-up, one-time codes and password reset', (dialect) => {
  let context: TestContext;
  beforeEach(async () => {
    context = await testContext(dialect, { now: start });
  });
  afterEach(async () => context.store.close());

  const signUpCode = async (contact: string, display_name = 'Lin Xiao') => {
    const outcome = await signUp(context, { contact, display_name, password });
    if (outcome.issued === undefined) throw new Error('no code was issued');
    return outcome.issued.code;
  };
  const outbox = () => context.store.db.selectFrom('notifications').selectAll().orderBy('id').execute();
  const rejection = async (promise: Promise<unknown>) => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof RejectionError) return error.rejection;
      throw error;
    }
    throw new Error('expected a rejection');
  };

  it('reads e-mail addresses and mainland mobile numbers, and refuses anything else', () => {
    expect(parseContact(' Lin.Xiao@Example.COM ')).toEqual({ ok: true, value: { kind: 'email', value: 'lin.xiao@example.com', masked: 'l***@example.com', channel: 'email' } });
    expect(parseContact('+86 138-0013-8000')).toEqual({ ok: true, value: { kind: 'phone', value: '13800138000', masked: '138****8000', channel: 'sms' } });
    for (const bad of ['', 'lin', 'lin@', '@example.com', 'lin@example', 'a b@example.com', '1380013800', '23800138000', '138001380001']) {
      expect(parseContact(bad).ok, bad).toBe(false);
    }
  });

  it('keeps a sign-up pending until its code is confirmed; the account is then a member, and the code is stored as a hash only', async () => {
    const outcome = await signUp(context, { contact: 'Lin.Xiao@example.com', display_name: ' Lin Xiao ', password });
    expect(outcome.answer).toEqual({ channel: 'email', contact_masked: 'l***@example.com', expires_in_seconds: 600, resend_after_seconds: 60 });
    const code = outcome.issued!.code;
    expect(code).toMatch(/^\d{6}$/);
    expect(await context.store.db.selectFrom('users').select('username').where('display_name', '=', 'Lin Xiao').execute()).toEqual([]);

    const [message] = await outbox();
    expect(message).toMatchObject({ kind: 'signup_code', channel: 'email', user_id: null, membership_id: null, recipient_masked: 'l***@example.com' });
    expect(message!.body_en).toContain(code);
    expect(context.cipher.decrypt(message!.recipient_enc!)).toBe('lin.xiao@example.com');
    const stored = await context.store.db.selectFrom('contact_codes').selectAll().executeTakeFirstOrThrow();
    const storedText = Object.values(stored).map(String).join('|');
    expect(storedText).not.toContain(code);
    expect(storedText).not.toContain('lin.xiao');

    const user = await confirmSignUp(context, { contact: 'lin.xiao@EXAMPLE.com', code });
    expect(user).toMatchObject({ display_name: 'Lin Xiao', roles: ['member'], disabled: false });
    expect(user.username).toMatch(/^u-[a-z0-9]{10}$/);
    expect(await context.store.db.selectFrom('memberships').select('id').execute()).toEqual([]);
    expect(await context.store.db.selectFrom('contact_codes').select('id').execute()).toEqual([]);
    // The code is used up: confirming again is refused.
    expect(await codeOf(confirmSignUp(context, { contact: 'lin.xiao@example.com', code }))).toBe('AUTH_CODE_INVALID');

    // Logs in by e-mail, by username; a wrong password and an unknown contact get the one rejection.
    expect((await authenticateLogin(context, 'LIN.XIAO@example.com', password)).id).toBe(user.id);
    expect((await authenticateLogin(context, user.username, password)).id).toBe(user.id);
    expect(await rejection(authenticateLogin(context, 'lin.xiao@example.com', 'wrong-password'))).toEqual(await rejection(authenticateLogin(context, 'nobody@example.com', 'wrong-password')));
    expect(await codeOf(authenticateLogin(context, 'nobody@example.com', password))).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('signs up with a mobile number through SMS and logs in with it however it is written', async () => {
    const code = await signUpCode('13800138000');
    const [message] = await outbox();
    expect(message).toMatchObject({ channel: 'sms', recipient_masked: '138****8000' });
    const user = await confirmSignUp(context, { contact: '138 0013 8000', code });
    expect((await authenticateLogin(context, '+86 138-0013-8000', password)).id).toBe(user.id);
  });

  it('a code expires after 10 minutes (by the injected clock)', async () => {
    const code = await signUpCode('lin@example.com');
    context.clock.set(later(codeRules.valid_seconds));
    expect(await codeOf(confirmSignUp(context, { contact: 'lin@example.com', code }))).toBe('AUTH_CODE_EXPIRED');

    context.clock.set(later(codeRules.valid_seconds + 60));
    const second = await signUpCode('lin@example.com');
    context.clock.set(later(codeRules.valid_seconds + 60 + codeRules.valid_seconds - 1));
    expect((await confirmSignUp(context, { contact: 'lin@example.com', code: second })).display_name).toBe('Lin Xiao');
  });

  it('allows 5 tries of a code; after the fifth wrong one the code is dead, even the right one', async () => {
    const code = await signUpCode('lin@example.com');
    for (let attempt = 1; attempt < codeRules.max_attempts; attempt += 1) {
      expect(await codeOf(confirmSignUp(context, { contact: 'lin@example.com', code: wrong(code) })), `attempt ${attempt}`).toBe('AUTH_CODE_INVALID');
    }
    expect(await codeOf(confirmSignUp(context, { contact: 'lin@example.com', code: wrong(code) }))).toBe('AUTH_CODE_EXHAUSTED');
    expect(await codeOf(confirmSignUp(context, { contact: 'lin@example.com', code }))).toBe('AUTH_CODE_EXHAUSTED');
    const row = await context.store.db.selectFrom('contact_codes').select('attempts').executeTakeFirstOrThrow();
    expect(row.attempts).toBe(5n);
  });

  it('spends an attempt before comparing, so guesses sent at once still get 5 comparisons in all', async () => {
    const code = await signUpCode('lin@example.com');
    const guesses = await Promise.all(Array.from({ length: 12 }, (_, index) => codeOf(confirmSignUp(context, { contact: 'lin@example.com', code: wrong(String(Number(code) + index)) }))));
    expect(guesses.filter((answer) => answer === 'AUTH_CODE_INVALID').length).toBeLessThanOrEqual(4);
    expect(await codeOf(confirmSignUp(context, { contact: 'lin@example.com', code }))).toBe('AUTH_CODE_EXHAUSTED');
  });

  it('resends a new code after the cooldown only; the old code stops working', async () => {
    const first = await signUpCode('lin@example.com');
    context.clock.set(later(30));
    const tooSoon = await rejection(resendSignUpCode(context, { contact: 'lin@example.com' }));
    expect(tooSoon).toMatchObject({ code: 'AUTH_RESEND_TOO_SOON', details: { retry_after_seconds: 30 } });
    // Signing up again is a request for a code too, under the same cooldown.
    expect(await codeOf(signUp(context, { contact: 'lin@example.com', display_name: 'Lin', password }))).toBe('AUTH_RESEND_TOO_SOON');

    context.clock.set(later(codeRules.resend_cooldown_seconds));
    const resent = await resendSignUpCode(context, { contact: 'lin@example.com' });
    const second = resent.issued!.code;
    expect(second).not.toBe(first);
    expect(await codeOf(confirmSignUp(context, { contact: 'lin@example.com', code: first }))).toBe('AUTH_CODE_INVALID');
    expect((await confirmSignUp(context, { contact: 'lin@example.com', code: second })).display_name).toBe('Lin Xiao');
    expect((await outbox()).map((message) => message.kind)).toEqual(['signup_code', 'signup_code']);
  });

  it('sends one contact at most 5 codes an hour, over sign-up and reset, whether or not it has an account', async () => {
    for (const contact of ['lin@example.com', 'nobody@example.com']) {
      context.clock.set(start);
      for (let request = 0; request < codeRules.requests_per_contact_per_hour; request += 1) {
        context.clock.set(later(request * 61));
        if (request % 2 === 0) await signUp(context, { contact, display_name: 'Lin', password });
        else await askPasswordReset(context, { contact });
      }
      context.clock.set(later(10 * 61));
      expect(await rejection(askPasswordReset(context, { contact }))).toMatchObject({ code: 'RATE_LIMITED', details: { retry_after_seconds: 3600 - 10 * 61 } });
      expect(await codeOf(resendSignUpCode(context, { contact }))).toBe('RATE_LIMITED');
      context.clock.set(later(3600));
      expect((await askPasswordReset(context, { contact })).answer.contact_masked).toMatch(/\*\*\*@example\.com$/);
    }
  });

  it('answers a sign-up with a contact that has an account exactly as any other, tells the owner, and never confirms it', async () => {
    const code = await signUpCode('lin@example.com');
    const owner = await confirmSignUp(context, { contact: 'lin@example.com', code });
    context.clock.set(later(61));
    const again = await signUp(context, { contact: 'lin@example.com', display_name: 'Someone Else', password: 'another-password' });
    const fresh = await signUp(context, { contact: 'lee@example.com', display_name: 'Lee', password });
    expect(again.answer).toEqual({ ...fresh.answer, contact_masked: 'l***@example.com' });
    expect(fresh.answer.contact_masked).toBe('l***@example.com');
    expect(again.issued).toBeUndefined();
    const notice = (await outbox()).find((message) => message.kind === 'signup_attempt_notice');
    expect(notice).toMatchObject({ channel: 'email', user_id: owner.id, recipient_masked: 'l***@example.com' });
    expect(notice!.body_en).not.toMatch(/\d{6}/);
    // Confirming spends attempts like any code and is refused like a wrong code.
    expect(await codeOf(confirmSignUp(context, { contact: 'lin@example.com', code: '123456' }))).toBe('AUTH_CODE_INVALID');
    // A resend for it sends nothing.
    context.clock.set(later(122));
    const resent = await resendSignUpCode(context, { contact: 'lin@example.com' });
    expect(resent.issued).toBeUndefined();
    expect(resent.answer).toEqual(again.answer);
    expect((await outbox()).filter((message) => message.kind === 'signup_code')).toHaveLength(2);
    expect((await authenticateLogin(context, 'lin@example.com', password)).display_name).toBe('Lin Xiao');
  });

  it('resets a password with the code, ending every other session; asking for an unknown contact answers the same and sends nothing', async () => {
    const owner = await confirmSignUp(context, { contact: 'lin@example.com', code: await signUpCode('lin@example.com') });
    const elsewhere = await startSession(context.store, owner.id, context.clock.now());
    const here = await startSession(context.store, owner.id, context.clock.now());
    const staff = await createUser(context.store, { username: 'olivia', display_name: 'Olivia', password: 'operator-password', roles: ['operator'] }, start);
    const staffSession = await startSession(context.store, staff.id, context.clock.now());

    const known = await askPasswordReset(context, { contact: 'LIN@example.com' });
    const unknown = await askPasswordReset(context, { contact: 'lim@example.com' });
    expect(known.answer).toEqual(unknown.answer);
    expect(unknown.issued).toBeUndefined();
    const messages = (await outbox()).filter((message) => message.kind === 'password_reset_code');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ user_id: null, recipient_masked: 'l***@example.com' });
    expect(await codeOf(confirmPasswordReset(context, { contact: 'lim@example.com', code: '123456', new_password: 'a-new-password' }))).toBe('AUTH_CODE_INVALID');

    const code = known.issued!.code;
    expect(messages[0]!.body_zh).toContain(code);
    // A weak new password is refused before the code is tried.
    expect(await codeOf(confirmPasswordReset(context, { contact: 'lin@example.com', code, new_password: 'short' }))).toBe('AUTH_WEAK_PASSWORD');
    const attempts = await context.store.db.selectFrom('contact_codes').select('attempts').where('purpose', '=', 'password_reset').where('user_id', '=', owner.id).executeTakeFirstOrThrow();
    expect(attempts.attempts).toBe(0n);
    expect(await codeOf(confirmPasswordReset(context, { contact: 'lin@example.com', code: wrong(code), new_password: 'a-new-password' }))).toBe('AUTH_CODE_INVALID');

    const reset = await confirmPasswordReset(context, { contact: 'lin@example.com', code, new_password: 'a-new-password', session_token: here.token });
    expect(reset).toEqual({ user_id: owner.id, sessions_ended: 1 });
    expect(await sessionUser(context.store, elsewhere.token, context.clock.now())).toBeUndefined();
    expect((await sessionUser(context.store, here.token, context.clock.now()))?.id).toBe(owner.id);
    expect((await sessionUser(context.store, staffSession.token, context.clock.now()))?.id).toBe(staff.id);
    expect(await codeOf(authenticateLogin(context, 'lin@example.com', password))).toBe('AUTH_INVALID_CREDENTIALS');
    expect((await authenticateLogin(context, 'lin@example.com', 'a-new-password')).id).toBe(owner.id);
    expect(await codeOf(confirmPasswordReset(context, { contact: 'lin@example.com', code, new_password: 'a-third-password' }))).toBe('AUTH_CODE_INVALID');
  });

  it('refuses a bad contact, display name or password with its code before anything is written', async () => {
    expect(await codeOf(signUp(context, { contact: 'lin', display_name: 'Lin', password }))).toBe('AUTH_BAD_CONTACT');
    expect(await codeOf(signUp(context, { contact: 'lin@example.com', display_name: '   ', password }))).toBe('AUTH_BAD_DISPLAY_NAME');
    expect(await codeOf(signUp(context, { contact: 'lin@example.com', display_name: 'Lin', password: 'short' }))).toBe('AUTH_WEAK_PASSWORD');
    expect(await codeOf(askPasswordReset(context, { contact: '12345' }))).toBe('AUTH_BAD_CONTACT');
    expect(await outbox()).toEqual([]);
    expect(await context.store.db.selectFrom('contact_requests').select('id').execute()).toEqual([]);
  });
});
