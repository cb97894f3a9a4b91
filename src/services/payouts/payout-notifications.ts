import { formatMoney } from '../../core/money/index.js';
import type { Trx } from '../../ledger/ledger.js';
import { queueNotifications } from '../notifications/outbox.js';

/**
 * Tells the patient's payer that the aid was paid, once per payout (the dedupe key names it), in
 * the transaction that records the payment.
 */
export async function notifyAidPaidIn(trx: Trx, payout: { id: bigint; claim_id: bigint; amount_minor: bigint; currency: string }, at: string): Promise<void> {
  const claim = await trx
    .selectFrom('claims as c')
    .innerJoin('memberships as m', 'm.id', 'c.membership_id')
    .select(['c.case_number', 'c.membership_id', 'm.payer_user_id'])
    .where('c.id', '=', payout.claim_id)
    .executeTakeFirstOrThrow();
  const amount_zh = formatMoney(payout.amount_minor, payout.currency, 'zh-CN');
  const amount_en = formatMoney(payout.amount_minor, payout.currency, 'en');
  await queueNotifications(
    trx,
    [
      {
        user_id: claim.payer_user_id,
        membership_id: claim.membership_id,
        kind: 'aid_paid',
        dedupe_key: `aid_paid:${payout.id}`,
        title_zh: '互助金已发放',
        title_en: 'Aid paid',
        body_zh:
          payout.amount_minor === 0n
            ? `案件 ${claim.case_number} 已结案：按计划规则，本期无可发放的互助金。`
            : `案件 ${claim.case_number} 的互助金 ${amount_zh} 已发放，请留意到账。`,
        body_en:
          payout.amount_minor === 0n
            ? `Case ${claim.case_number} is settled: under the plan's rules no aid was payable in this cycle.`
            : `The aid of ${amount_en} for case ${claim.case_number} has been paid out.`,
      },
    ],
    at,
  );
}
