/** Funding use cases, for the HTTP routes, the CLI and the demo. */
export { requestTopUp } from './top-ups.js';
export { requestWalletRefund } from './wallet-refunds.js';
export { walletBalance } from './wallet-balances.js';
export { deductShares, type DeductionSummary } from './share-deductions.js';
export { createReceivables, type ReceivablesSummary } from './receivables.js';
export { collectDueCharges, collectionRetryDays } from './collections.js';
export { lapseUnpaidPrepaid, lapseUncollected, type LapseSummary } from './overdue-lapse.js';
export { diagnoseInWaitingPeriod, retryFailedShareRefunds, type WaitingPeriodRefund } from './waiting-period-refunds.js';
export { reconcileFundingAccounts, type FundingReport } from './funding-reconciliation.js';
export { fundingRejectionCodes, type FundingRejectionCode } from './funding-rejections.js';
export type { ShareChargeInput } from './share-charge-input.js';
