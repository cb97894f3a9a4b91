import type { Contact } from '../../core/accounts/contact.js';
import type { NotificationInput } from '../notifications/outbox.js';
import { codeRules, type CodePurpose } from './one-time-codes.js';

/** Notification kinds of the account messages; the dev mailbox lists these only. */
export const accountMessageKinds = ['signup_code', 'password_reset_code', 'signup_attempt_notice'] as const;

const minutes = codeRules.valid_seconds / 60;

function toContact(contact: Contact, sealed: string, text: Omit<NotificationInput, 'user_id' | 'membership_id' | 'channel' | 'recipient'>): NotificationInput {
  return { user_id: null, membership_id: null, channel: contact.channel, recipient: { enc: sealed, masked: contact.masked }, ...text };
}

/**
 * The code message. It names no one and carries nothing but the code and what it is for, so it
 * tells a reader of someone else's phone nothing about them. No user id either: a reset code
 * never appears among the in-app messages of a logged-in session.
 */
export function codeMessage(purpose: CodePurpose, contact: Contact, sealed: string, code: string): NotificationInput {
  if (purpose === 'signup') {
    return toContact(contact, sealed, {
      kind: 'signup_code',
      title_zh: `互助注册验证码 ${code}`,
      title_en: `Huzhu sign-up code ${code}`,
      body_zh: `您的互助注册验证码是 ${code}，${minutes} 分钟内有效。如非本人操作，请忽略本消息。`,
      body_en: `Your Huzhu sign-up code is ${code}. It is valid for ${minutes} minutes. If you did not sign up, ignore this message.`,
    });
  }
  return toContact(contact, sealed, {
    kind: 'password_reset_code',
    title_zh: `互助重置密码验证码 ${code}`,
    title_en: `Huzhu password reset code ${code}`,
    body_zh: `您的互助重置密码验证码是 ${code}，${minutes} 分钟内有效。如非本人操作，请忽略本消息，您的密码不会改变。`,
    body_en: `Your Huzhu password reset code is ${code}. It is valid for ${minutes} minutes. If you did not ask for it, ignore this message; your password stays as it is.`,
  });
}

/** To the owner of a confirmed contact that someone tried to sign up with again. */
export function signupAttemptNotice(contact: Contact, sealed: string): NotificationInput {
  return toContact(contact, sealed, {
    kind: 'signup_attempt_notice',
    title_zh: '有人尝试用您的联系方式注册互助',
    title_en: 'Someone tried to sign up to Huzhu with your contact',
    body_zh: '有人尝试用您的联系方式注册新的互助账户。您已有账户，可直接登录；忘记密码可重置。如非本人操作，请忽略本消息。',
    body_en: 'Someone tried to sign up for a new Huzhu account with your contact. You already have an account: log in, or reset your password if you forgot it. If it was not you, ignore this message.',
  });
}
