import type { Trx } from '../../ledger/ledger.js';
import type { Store } from '../../store/store.js';

/**
 * The notification outbox: rows written in the same transaction as the change they report, then
 * delivered by channel. In-app messages are delivered by being read; email and SMS go through
 * their ports when a provider is configured.
 */
export interface NotificationInput {
  readonly user_id: bigint | null;
  readonly membership_id: bigint | null;
  readonly kind: string;
  readonly channel?: 'in_app' | 'email' | 'sms';
  readonly title_zh: string;
  readonly title_en: string;
  readonly body_zh: string;
  readonly body_en: string;
  /** The same key is queued once, however often the job that finds it runs. */
  readonly dedupe_key?: string;
  /** A message to an address or number rather than to a user's own (a sign-up's code): encrypted, and masked. */
  readonly recipient?: { readonly enc: string; readonly masked: string };
}

export async function queueNotifications(trx: Trx, inputs: readonly NotificationInput[], created_at: string): Promise<void> {
  if (inputs.length === 0) return;
  for (let start = 0; start < inputs.length; start += 500) {
    await trx
      .insertInto('notifications')
      .values(
        inputs.slice(start, start + 500).map((input) => ({
          user_id: input.user_id,
          membership_id: input.membership_id,
          kind: input.kind,
          channel: input.channel ?? 'in_app',
          title_zh: input.title_zh,
          title_en: input.title_en,
          body_zh: input.body_zh,
          body_en: input.body_en,
          dedupe_key: input.dedupe_key ?? null,
          recipient_enc: input.recipient?.enc ?? null,
          recipient_masked: input.recipient?.masked ?? null,
          created_at,
          delivered_at: null,
          read_at: null,
        })),
      )
      .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
      .execute();
  }
}

export interface MessageSender {
  readonly channel: 'email' | 'sms';
  /** `recipient_enc`: the sealed address or number of a message to a contact (decrypt it with the field cipher), else null. */
  send(message: { user_id: bigint | null; recipient_enc: string | null; title: string; body: string }): Promise<void>;
}

/** Delivers queued email/SMS messages in bounded batches through the configured senders. */
export async function deliverOutbox(store: Store, senders: readonly MessageSender[], delivered_at: string, limit = 500): Promise<number> {
  let delivered = 0;
  for (const sender of senders) {
    const rows = await store.db
      .selectFrom('notifications')
      .selectAll()
      .where('channel', '=', sender.channel)
      .where('delivered_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .execute();
    for (const row of rows) {
      await sender.send({ user_id: row.user_id, recipient_enc: row.recipient_enc, title: row.title_zh, body: row.body_zh });
      await store.db.updateTable('notifications').set({ delivered_at }).where('id', '=', row.id).execute();
      delivered += 1;
    }
  }
  return delivered;
}
