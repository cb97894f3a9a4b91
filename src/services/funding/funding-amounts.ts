import { maxLegAmountMinor } from '../../ledger/transfer.js';
import { fundingRejection } from './funding-rejections.js';

/** A member-entered amount: a positive bigint of minor units that the ledger can post. */
export function checkAmount(amount_minor: bigint): void {
  if (typeof amount_minor !== 'bigint' || amount_minor <= 0n || amount_minor > maxLegAmountMinor) {
    fundingRejection('FUNDING_BAD_AMOUNT', `An amount is a positive number of minor units, at most ${maxLegAmountMinor}.`, {
      amount_minor: String(amount_minor),
      max_amount_minor: maxLegAmountMinor.toString(),
    });
  }
}
