import { afterEach, beforeEach, expect, it } from 'vitest';
import { deliverOutbox, queueNotifications, type MessageSender } from '../../src/services/notifications/outbox.js';
import { describeEachBackend } from '../support/test-stores.js';
import { testContext, type TestContext } from '../support/test-context.js';

describeEachBackend('notification outbox', (dialect) => {
  let context: TestContext;
  beforeEach(async () => {
    context = await testContext(dialect);
  });
  afterEach(async () => context.store.close());

  const message = (kind: string, channel: 'in_app' | 'email' | 'sms', dedupe_key?: string) => ({
    user_id: null,
    membership_id: null,
    kind,
    channel,
    title_zh: '余额不足',
    title_en: 'Low balance',
    body_zh: '请充值',
    body_en: 'Please top up',
    ...(dedupe_key === undefined ? {} : { dedupe_key }),
  });

  it('queues a reminder once per dedupe key and delivers email and SMS through their ports once', async () => {
    const at = '2026-11-28T10:00:00.000Z';
    await context.store.db.transaction().execute(async (trx) => {
      await queueNotifications(trx, [message('low_balance', 'email', 'low:1'), message('low_balance', 'email', 'low:1'), message('lapse_warning', 'sms', 'lapse:1'), message('rules', 'in_app')], at);
    });
    const queued = await context.store.db.selectFrom('notifications').select(['kind', 'channel']).orderBy('id').execute();
    expect(queued).toEqual([
      { kind: 'low_balance', channel: 'email' },
      { kind: 'lapse_warning', channel: 'sms' },
      { kind: 'rules', channel: 'in_app' },
    ]);
    const sent: string[] = [];
    const senders: MessageSender[] = [
      { channel: 'email', send: async (m) => void sent.push(`email:${m.title}`) },
      { channel: 'sms', send: async (m) => void sent.push(`sms:${m.body}`) },
    ];
    expect(await deliverOutbox(context.store, senders, at)).toBe(2);
    expect(sent).toEqual(['email:余额不足', 'sms:请充值']);
    expect(await deliverOutbox(context.store, senders, at)).toBe(0);
    const inApp = await context.store.db.selectFrom('notifications').select('delivered_at').where('channel', '=', 'in_app').executeTakeFirstOrThrow();
    expect(inApp.delivered_at).toBeNull();
  });
});
