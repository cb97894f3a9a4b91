import { afterAll, beforeAll, expect, it } from 'vitest';
import { criticalIllnessPlan } from '../../src/core/plans/sample-plans.js';
import { describeEachBackend } from '../support/test-stores.js';
import { startTestApp, testNow, type TestApp } from '../support/test-app.js';
import { enrol, enrolBody, outcome } from './member-fixtures.js';

describeEachBackend('HTTP notifications', (dialect) => {
  let t: TestApp;
  let operator: string;
  let member: string;
  let other: string;
  let membership_id: string;

  beforeAll(async () => {
    t = await startTestApp(dialect, { samplePlans: true });
    operator = await t.login('olivia', 'operator-password');
    member = await t.login('mei', 'member-password');
    other = await t.userWithRoles('ming', ['member']);
    membership_id = (await enrol(t, member, enrolBody('1990-05-17', 1))).membership_id;
    await enrol(t, other, enrolBody('1991-05-17', 2));
    // Three announced rule changes: one in-app message per change for each paying member.
    for (const [month, fee_bps] of [['01', 700], ['02', 600], ['03', 500]] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/plans/critical-illness/versions',
        headers: { cookie: operator },
        payload: { effective_at: `2027-${month}-01T00:00:00Z`, note: `Fee ${fee_bps / 100}%`, rules: { ...criticalIllnessPlan.rules, fee_bps } },
      });
      expect(response.statusCode, response.body).toBe(201);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const read = (id: string, cookie: string) => t.app.inject({ method: 'POST', url: `/api/notifications/${id}/read`, headers: { cookie } });

  it('lists the user’s in-app messages newest first, keyset-paged, with the unread count', async () => {
    const all = await get('/api/notifications', member);
    expect(all.statusCode, all.body).toBe(200);
    const messages: Array<{ id: string; body_en: string }> = all.json().notifications;
    expect(messages.map((message) => message.body_en)).toEqual([
      expect.stringContaining('version 4'),
      expect.stringContaining('version 3'),
      expect.stringContaining('version 2'),
    ]);
    expect(messages[0]).toMatchObject({ kind: 'plan_rules_changed', membership_id, read_at: null, created_at: testNow, title_zh: '大病互助计划规则变更' });
    expect([all.json().unread, all.json().next_before]).toEqual([3, null]);

    const first = (await get('/api/notifications?limit=2', member)).json();
    expect(first.notifications.map((message: { id: string }) => message.id)).toEqual(messages.slice(0, 2).map((message) => message.id));
    expect(first.next_before).toBe(messages[1]!.id);
    const second = (await get(`/api/notifications?limit=2&before=${first.next_before}`, member)).json();
    expect([second.notifications.map((message: { id: string }) => message.id), second.next_before]).toEqual([[messages[2]!.id], null]);

    const others = (await get('/api/notifications', other)).json().notifications as Array<{ id: string }>;
    expect(others).toHaveLength(3);
    expect(others.some((message) => messages.some((mine) => mine.id === message.id))).toBe(false);
    expect(outcome(await t.app.inject('/api/notifications'))).toEqual([401, 'AUTH_REQUIRED']);
    expect(outcome(await get('/api/notifications?limit=100000', member))).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('marks a message read once, and answers 404 for another user’s message', async () => {
    const [newest] = (await get('/api/notifications', member)).json().notifications as Array<{ id: string }>;
    t.context.clock.set('2026-11-28T11:00:00.000Z');
    const marked = await read(newest!.id, member);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json().notification).toMatchObject({ id: newest!.id, read_at: '2026-11-28T11:00:00.000Z' });
    t.context.clock.set('2026-11-28T12:00:00.000Z');
    expect((await read(newest!.id, member)).json().notification.read_at).toBe('2026-11-28T11:00:00.000Z');
    t.context.clock.set(testNow);
    expect((await get('/api/notifications', member)).json().unread).toBe(2);

    expect(outcome(await read(newest!.id, other))).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
    expect(outcome(await read('424242', member))).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
    expect(outcome(await read('0', member))).toEqual([400, 'VALIDATION_FAILED']);
    expect((await get('/api/notifications', other)).json().unread).toBe(3);
  });
});
