import { assignComplaint, fileComplaint, respondToComplaint } from '../complaints/complaint-actions.js';
import type { ServiceContext } from '../context.js';
import { saveOperatorInfo } from '../operator-info.js';

const day_ms = 86_400_000;

/**
 * The demo operator's licence and custodian details: invented, and plainly so (the licence number
 * says DEMO), so nobody mistakes the demo for a licensed platform.
 */
export const demoOperatorInfo = {
  operator_name: '互助示范社区（演示）',
  licence_number: 'DEMO-HZ-2025-0001',
  supervisor: '地方金融监督管理局（演示）',
  custodian_bank: '示范银行 托管部（演示）',
  custodian_account: '6200 0000 0000 0000 4321',
  complaint_phone: '+86 400 000 0000',
  complaint_email: 'complaints@huzhu.example',
  complaint_response_days: 15,
} as const;

export interface DemoComplaintsInput {
  readonly context: ServiceContext;
  readonly setTime: (at: string) => void;
  /** The end of the demo's history (its "now"). */
  readonly end: string;
}

/**
 * The operator details (saved by demo-admin) and two complaints, so the complaint pages are not empty:
 * demo-member's about her own claim, answered by demo-reviewer and waiting for her reply; and
 * demo-prepaid's about a top-up, filed 20 days ago and never answered (overdue, first in the queue).
 * Times are fixed offsets from the end, so the demo stays deterministic.
 */
export async function seedDemoComplaints(input: DemoComplaintsInput): Promise<void> {
  const { context, setTime } = input;
  const db = context.store.db;
  const end_ms = Date.parse(input.end);
  const at = (days_before: number) => new Date(end_ms - days_before * day_ms).toISOString();
  const userId = async (username: string) => (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst())?.id;
  const [admin, reviewer, operator, member, prepaid] = await Promise.all(['demo-admin', 'demo-reviewer', 'demo-operator', 'demo-member', 'demo-prepaid'].map(userId));

  if (admin !== undefined) {
    setTime(at(40));
    await saveOperatorInfo(context, demoOperatorInfo, admin);
  }

  const claim = member === undefined ? undefined : await db.selectFrom('claims as c').innerJoin('memberships as m', 'm.id', 'c.membership_id').select('c.id').where('m.payer_user_id', '=', member).orderBy('c.id').executeTakeFirst();
  if (member !== undefined && claim !== undefined) {
    setTime(at(6));
    const filed = await fileComplaint(context, {
      filed_by_user_id: member,
      subject_kind: 'claim',
      subject_id: claim.id,
      text: '我的理赔等待调查的时间太长，也没有人告诉我进度。',
    });
    if (operator !== undefined && reviewer !== undefined) {
      setTime(at(5));
      await assignComplaint(context, filed.id, reviewer, operator);
      setTime(at(3));
      await respondToComplaint(
        context,
        filed.id,
        {
          outcome: 'partly_upheld',
          outcome_text: '调查确实比平时慢了两天，我们已改为每一步都发通知。',
        },
        reviewer,
      );
    }
  }

  const payment = prepaid === undefined ? undefined : await db.selectFrom('payments as p').innerJoin('memberships as m', 'm.id', 'p.membership_id').select('p.id').where('m.payer_user_id', '=', prepaid).where('p.kind', '=', 'top_up').orderBy('p.id').executeTakeFirst();
  if (prepaid !== undefined && payment !== undefined) {
    setTime(at(20));
    await fileComplaint(context, {
      filed_by_user_id: prepaid,
      subject_kind: 'payment',
      subject_id: payment.id,
      text: '充值后余额过了两天才更新，请解释原因。',
    });
  }
  setTime(input.end);
}
