import { awaitingResponseStates } from '../../core/complaints/complaint-lifecycle.js';
import { hasAnyRole, parseRoles } from '../../core/roles.js';
import type { ServiceContext } from '../context.js';
import { queueNotifications, type NotificationInput } from '../notifications/outbox.js';

/** The most complaints one pass escalates; the next pass takes the rest. */
export const escalationBatchSize = 200;
/** Roles that supervise complaint owners and hear of escalations. */
const supervisorRoles = ['operator'] as const;

/**
 * The background step: complaints past their deadline with no response yet are marked escalated,
 * once, and every active operator and admin is told. The mark is set only where it is still null,
 * and each message has a dedupe key per complaint and supervisor, so a pass run twice (or two at
 * once) escalates and notifies once. Set-based: one select, one update, one insert per table.
 */
export async function escalateOverdueComplaints(context: ServiceContext): Promise<{ escalated: number }> {
  const at = context.clock.now().toISOString();
  return context.store.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('complaints')
      .select(['id'])
      .where('state', 'in', awaitingResponseStates)
      .where('escalated_at', 'is', null)
      .where('deadline_at', '<=', at)
      .orderBy('deadline_at')
      .orderBy('id')
      .limit(escalationBatchSize)
      .execute();
    if (due.length === 0) return { escalated: 0 };
    const marked = await trx
      .updateTable('complaints')
      .set({ escalated_at: at, updated_at: at })
      .where(
        'id',
        'in',
        due.map((row) => row.id),
      )
      .where('escalated_at', 'is', null)
      .returning(['id', 'state', 'subject_label', 'owner_user_id', 'deadline_at'])
      .execute();
    if (marked.length === 0) return { escalated: 0 };
    await trx
      .insertInto('complaint_events')
      .values(
        marked.map((row) => ({
          complaint_id: row.id,
          event: 'escalated' as const,
          from_state: row.state,
          to_state: row.state,
          actor: 'system',
          detail_json: JSON.stringify({ deadline_at: row.deadline_at, owner_user_id: row.owner_user_id?.toString() ?? null }),
          at,
        })),
      )
      .execute();
    // Staff accounts are few; their roles are a comma-separated column, read once and filtered here.
    const staff = await trx.selectFrom('users').select(['id', 'roles']).where('disabled_at', 'is', null).where('roles', '!=', 'member').execute();
    const supervisors = staff.filter((user) => hasAnyRole(parseRoles(user.roles), supervisorRoles));
    const messages: NotificationInput[] = marked.flatMap((complaint) =>
      supervisors.map((supervisor) => ({
        user_id: supervisor.id,
        membership_id: null,
        kind: 'complaint_escalated',
        title_zh: `投诉 #${complaint.id} 已逾期`,
        title_en: `Complaint #${complaint.id} is overdue`,
        body_zh: `关于 ${complaint.subject_label} 的投诉已过答复期限（${complaint.deadline_at.slice(0, 10)}），请尽快处理。`,
        body_en: `The complaint about ${complaint.subject_label} passed its response deadline (${complaint.deadline_at.slice(0, 10)}). Please see that it is answered.`,
        dedupe_key: `complaint-escalated:${complaint.id}:${supervisor.id}`,
      })),
    );
    await queueNotifications(trx, messages, at);
    return { escalated: marked.length };
  });
}
