import { addDays, calendarDateOf, formatCalendarDate } from '../../core/members/age.js';
import { hasAnyRole, parseRoles } from '../../core/roles.js';
import type { Trx } from '../../ledger/ledger.js';
import type { Store } from '../../store/store.js';
import type { ServiceContext } from '../context.js';
import { queueNotifications, type NotificationInput } from '../notifications/outbox.js';

/** The setting: an open break older than this many days raises an alert. */
export const breakAlertDaysSetting = 'reconciliation.break_alert_days';
export const defaultBreakAlertDays = 3;
/** The most breaks one pass alerts on; the next pass takes the rest. */
export const alertBatchSize = 200;
const alertedRoles = ['operator', 'auditor'] as const;

export async function breakAlertDaysIn(db: Trx | Store['db']): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', breakAlertDaysSetting).executeTakeFirst();
  const days = row === undefined ? NaN : Number(row.value);
  return Number.isInteger(days) && days >= 0 ? days : defaultBreakAlertDays;
}

/** The alert age in force. */
export async function breakAlertDays(context: ServiceContext): Promise<number> {
  return breakAlertDaysIn(context.store.db);
}

/** An admin changes the alert age; the next background pass applies it to every open break. */
export async function saveBreakAlertDays(context: ServiceContext, days: number): Promise<number> {
  await setBreakAlertDays(context.store, days, context.clock.now().toISOString());
  return breakAlertDays(context);
}

/** The longest alert age an admin may set: a break unexplained for a year is alerted on regardless. */
export const maxBreakAlertDays = 365;

/** Sets the alert age (whole days, 0–365); an admin's setting. */
export async function setBreakAlertDays(store: Store, days: number, at: string): Promise<void> {
  if (!Number.isInteger(days) || days < 0 || days > maxBreakAlertDays) {
    throw new RangeError(`break alert days: a whole number 0–${maxBreakAlertDays}`);
  }
  await store.db
    .insertInto('settings')
    .values({ key: breakAlertDaysSetting, value: String(days), updated_at: at })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: String(days), updated_at: at }))
    .execute();
}

/**
 * The background step: every open break older than the setting's days is marked alerted, once,
 * and every active operator and auditor (admins hold every role) is told through the outbox, with
 * a dedupe key per break and person, so a pass run twice (or two at once) alerts once.
 */
export async function alertOldBreaks(context: ServiceContext): Promise<{ alerted: number }> {
  const at = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const days = await breakAlertDaysIn(trx);
    // Older than N days: it arose before today − N.
    const before = formatCalendarDate(addDays(calendarDateOf(at), -days));
    const due = await trx
      .selectFrom('reconciliation_breaks')
      .select('id')
      .where('status', '=', 'open')
      .where('alerted_at', 'is', null)
      .where('occurred_on', '<', before)
      .orderBy('occurred_on')
      .orderBy('id')
      .limit(alertBatchSize)
      .execute();
    if (due.length === 0) return { alerted: 0 };
    const marked = await trx
      .updateTable('reconciliation_breaks')
      .set({ alerted_at: at })
      .where(
        'id',
        'in',
        due.map((row) => row.id),
      )
      .where('alerted_at', 'is', null)
      .returning(['id', 'kind', 'currency', 'occurred_on', 'reference'])
      .execute();
    const staff = await trx.selectFrom('users').select(['id', 'roles']).where('disabled_at', 'is', null).where('roles', '!=', 'member').execute();
    const told = staff.filter((user) => hasAnyRole(parseRoles(user.roles), alertedRoles));
    const messages: NotificationInput[] = marked.flatMap((found) =>
      told.map((user) => ({
        user_id: user.id,
        membership_id: null,
        kind: 'reconciliation_break_old',
        title_zh: `对账差异 #${found.id} 已超过 ${days} 天未处理`,
        title_en: `Reconciliation break #${found.id} is open for more than ${days} days`,
        body_zh: `托管账户（${found.currency}）自 ${found.occurred_on} 起的差异（参考号 ${found.reference}）仍未处理，请在对账页面查明原因。`,
        body_en: `The custody account (${found.currency}) break of ${found.occurred_on} (reference ${found.reference}) is still open. Please explain or correct it on the reconciliation page.`,
        dedupe_key: `reconciliation-break-old:${found.id}:${user.id}`,
      })),
    );
    await queueNotifications(trx, messages, at);
    return { alerted: marked.length };
  });
}
