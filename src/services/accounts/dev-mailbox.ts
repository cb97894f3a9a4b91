import type { ServiceContext } from '../context.js';
import { accountMessageKinds } from './account-messages.js';

export interface MailboxMessage {
  readonly id: bigint;
  readonly channel: 'email' | 'sms';
  /** Masked: the mailbox is open to anyone who can reach a development server. */
  readonly to: string;
  readonly subject_zh: string;
  readonly subject_en: string;
  readonly body_zh: string;
  readonly body_en: string;
  readonly created_at: string;
}

export const maxMailboxMessages = 50;

/**
 * The latest account messages (codes, sign-up notices) of the outbox, for a newcomer on a
 * development server who has no real mailbox behind it. Only those kinds, which carry no one's
 * name or data, and only the message: no user, membership or full address. Never in production
 * (the route does not exist there).
 */
export async function devMailbox(context: ServiceContext, limit: number): Promise<MailboxMessage[]> {
  const rows = await context.store.db
    .selectFrom('notifications')
    .select(['id', 'channel', 'recipient_masked', 'title_zh', 'title_en', 'body_zh', 'body_en', 'created_at'])
    .where('kind', 'in', [...accountMessageKinds])
    .where('channel', 'in', ['email', 'sms'])
    .where('recipient_masked', 'is not', null)
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(1, limit), maxMailboxMessages))
    .execute();
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel === 'sms' ? 'sms' : 'email',
    to: row.recipient_masked ?? '',
    subject_zh: row.title_zh,
    subject_en: row.title_en,
    body_zh: row.body_zh,
    body_en: row.body_en,
    created_at: row.created_at,
  }));
}
