import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../store/schema.js';

export type NoticeChannel = 'in_app' | 'email';

/** One message to many memberships: the same words for each, in both languages. */
export interface MembershipNotice {
  readonly kind: string;
  readonly title_zh: string;
  readonly title_en: string;
  readonly body_zh: string;
  readonly body_en: string;
}

export interface NotifyOptions {
  readonly channels: readonly NoticeChannel[];
  /** Each row's dedupe key is this followed by the membership's id, so telling again adds nothing. */
  readonly dedupe_prefix: (channel: NoticeChannel) => string;
  readonly created_at: string;
}

/**
 * Tells every membership that `from` selects (what follows FROM, naming the memberships `m`; the
 * payer, m.payer_user_id, is the one told) with one INSERT … SELECT per channel, in the caller's
 * transaction: a plan of ten million members is told without a row in memory. The casts type the
 * parameters of the select list for PostgreSQL.
 */
export async function notifyMemberships(trx: Kysely<Database>, notice: MembershipNotice, from: RawBuilder<unknown>, options: NotifyOptions): Promise<void> {
  for (const channel of options.channels) {
    await sql`
      insert into notifications (user_id, membership_id, kind, channel, title_zh, title_en, body_zh, body_en, dedupe_key, created_at)
      select m.payer_user_id, m.id, cast(${notice.kind} as text), cast(${channel} as text),
        cast(${notice.title_zh} as text), cast(${notice.title_en} as text), cast(${notice.body_zh} as text), cast(${notice.body_en} as text),
        cast(${options.dedupe_prefix(channel)} as text) || cast(m.id as text), cast(${options.created_at} as text)
      from ${from}
      order by m.id
      on conflict (dedupe_key) do nothing`.execute(trx);
  }
}
