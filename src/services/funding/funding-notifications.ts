import { formatMoney } from '../../core/money/index.js';
import type { NotificationInput } from '../notifications/outbox.js';
import type { FundingMembership } from './funding-memberships.js';

/**
 * The messages funding sends, in both languages. Each carries a dedupe key derived from the
 * record that caused it, so a job or webhook that runs twice queues it once.
 */
type Recipient = Pick<FundingMembership, 'id' | 'payer_user_id' | 'member_code'>;

function day(at: string): string {
  return at.slice(0, 10);
}

function message(recipient: Recipient, kind: string, dedupe_key: string, text: { title_zh: string; title_en: string; body_zh: string; body_en: string }): NotificationInput {
  return { user_id: recipient.payer_user_id, membership_id: recipient.id, kind, dedupe_key, ...text };
}

export function lowBalanceReminder(recipient: Recipient, balance_minor: bigint, threshold_minor: bigint, currency: string, cause: string): NotificationInput {
  return message(recipient, 'wallet_low_balance', `wallet_low_balance:${recipient.id}:${cause}`, {
    title_zh: '钱包余额不足',
    title_en: 'Wallet balance is low',
    body_zh: `会员 ${recipient.member_code} 的钱包余额为 ${formatMoney(balance_minor, currency, 'zh-CN')}，低于 ${formatMoney(threshold_minor, currency, 'zh-CN')}。请及时充值，以免分摊扣款失败。`,
    body_en: `The wallet of member ${recipient.member_code} holds ${formatMoney(balance_minor, currency, 'en')}, below ${formatMoney(threshold_minor, currency, 'en')}. Please top up so the next share can be deducted.`,
  });
}

/** Sent when a wallet cannot cover a share: the first lapse warning, with the deadline. */
export function shareUnpaidWarning(recipient: Recipient, charge_id: bigint, amount_minor: bigint, currency: string, deadline: string): NotificationInput {
  return message(recipient, 'lapse_warning', `lapse_warning:${charge_id}`, {
    title_zh: '分摊扣款失败',
    title_en: 'Share not covered by your wallet',
    body_zh: `钱包余额不足以支付 ${formatMoney(amount_minor, currency, 'zh-CN')} 的分摊。请在 ${day(deadline)} 前充值，否则会员资格将失效。`,
    body_en: `Your wallet could not cover a share of ${formatMoney(amount_minor, currency, 'en')}. Top up before ${day(deadline)}, or the membership lapses.`,
  });
}

/** Sent when a post-paid collection fails: the first lapse warning, with the last retry day. */
export function collectionFailedWarning(recipient: Recipient, charge_id: bigint, amount_minor: bigint, currency: string, deadline: string): NotificationInput {
  return message(recipient, 'lapse_warning', `lapse_warning:${charge_id}`, {
    title_zh: '分摊扣款失败',
    title_en: 'Share collection failed',
    body_zh: `${formatMoney(amount_minor, currency, 'zh-CN')} 的分摊扣款未成功，我们将每天重试至 ${day(deadline)}。届时仍未成功，会员资格将失效。`,
    body_en: `We could not collect a share of ${formatMoney(amount_minor, currency, 'en')}. We retry daily until ${day(deadline)}; if it still fails, the membership lapses.`,
  });
}

/** The last warning, a day before the deadline, for a charge nobody was told about yet. */
export function finalLapseWarning(recipient: Recipient, charge_id: bigint, amount_minor: bigint, currency: string, deadline: string): NotificationInput {
  return message(recipient, 'lapse_warning', `lapse_warning:${charge_id}`, {
    title_zh: '会员资格即将失效',
    title_en: 'Membership about to lapse',
    body_zh: `${formatMoney(amount_minor, currency, 'zh-CN')} 的分摊尚未支付。若在 ${day(deadline)} 前仍未支付，会员资格将失效。`,
    body_en: `A share of ${formatMoney(amount_minor, currency, 'en')} is unpaid. If it is still unpaid by ${day(deadline)}, the membership lapses.`,
  });
}

export function lapsedNotice(recipient: Recipient): NotificationInput {
  return message(recipient, 'membership_lapsed', `membership_lapsed:${recipient.id}`, {
    title_zh: '会员资格已失效',
    title_en: 'Membership lapsed',
    body_zh: `会员 ${recipient.member_code} 的分摊未能按期支付，会员资格已失效。您可以重新加入（需重新经过观察期）。`,
    body_en: `Member ${recipient.member_code}: a share was not paid in time, so the membership has lapsed. You may join again, with a new waiting period.`,
  });
}

export function sharesRefundedNotice(recipient: Recipient, amount_minor: bigint, currency: string, to_wallet: boolean): NotificationInput {
  const where_zh = to_wallet ? '已退回钱包，可随时申请提现' : '将原路退回';
  const where_en = to_wallet ? 'has gone back to your wallet, which you can withdraw at any time' : 'is being paid back to you';
  return message(recipient, 'shares_refunded', `shares_refunded:${recipient.id}`, {
    title_zh: '观察期内确诊，分摊已退还',
    title_en: 'Diagnosed in the waiting period: shares refunded',
    body_zh: `会员资格已终止。已支付的分摊共 ${formatMoney(amount_minor, currency, 'zh-CN')}（不计利息）${where_zh}。`,
    body_en: `The membership has ended. The ${formatMoney(amount_minor, currency, 'en')} of shares paid (without interest) ${where_en}.`,
  });
}
