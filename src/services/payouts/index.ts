/** Aid payouts: approved claims become payables, paid from the plan's cash or the operator's advances. */
export { scheduleAidPayoutIn, payoutAttemptLimit, type AidPayoutRow, type ScheduleAidPayoutInput, type ScheduledAidPayout } from './schedule-payout.js';
export { payDueAid, plansWithDueAid, dispatchAidPayouts, resendUnsentAidPayouts, retryFailedAidPayout, aidPayoutReference, type PayDueAidReport, type UncoveredPayout } from './pay-due-aid.js';
export { lockAidPayoutAttemptIn, settleAidPayoutAttemptIn, payoutRetryDays, type AidPayoutAttemptRow, type AidPayoutOutcome } from './payout-settlement.js';
export { advanceAid, advanceKeyFor, repayAdvances, listAdvances, type AdvanceInput, type AdvanceResult, type AdvanceStatement, type OperatorAdvanceRow, type RepaymentReport } from './operator-advances.js';
export { listPayouts, type PayoutListEntry } from './payout-queries.js';
export { payoutAccountCodes, payoutAccounts, planCashIn, planFundingIn, type PlanCash, type PlanFunding } from './payout-accounts.js';
export { payoutRejectionCodes, type PayoutRejectionCode } from './payout-rejections.js';
