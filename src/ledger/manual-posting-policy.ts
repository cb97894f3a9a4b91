import { ok, reject, type Result } from '../core/rejection.js';
import { currencyCodePattern } from './account.js';
import type { LedgerRejectionCode } from './ledger-rejections.js';

/**
 * Which accounts staff may post to by hand. Pure: no store, no clock.
 *
 * The rule is a list of what is allowed, not of what is forbidden, so an account a flow adds
 * later (a new in-transit or payable account) is out of reach of manual postings by default.
 * Allowed are only the operator's own books:
 *
 * - `operator:…`, the namespace of accounts staff open by hand (POST /api/ledger/accounts opens
 *   nothing else, so no hand-opened account can be named like a flow's account);
 * - `operator_equity:<currency>`, the operator's own money. Flows credit it only as the other side
 *   of a cost the operator bears (backstop, written-off shares); no member balance and no bank
 *   reconciliation (custody-reconciliation.ts) includes it, so moving it between the operator's
 *   accounts changes nothing a member or an auditor of the plans' cash relies on.
 *
 * Everything else is refused, in particular and on purpose:
 * - wallets, custody, collection, shares receivable, aid payable: members' money and the plans' cash;
 * - fee payable: the fee is recognized by the cycle and still sits in the plan's bank account,
 *   which the custody reconciliation checks against it; taking it out by hand would break that
 *   reconciliation, and paying the fee to the operator is a flow's job, not a hand posting;
 * - operator advances: a liability the repayment flow pays back from later collections; a hand
 *   posting would make the plan owe the operator more (or less) than it advanced;
 * - backstop: an expense, but the plans' reports read it as what the operator bore per plan;
 * - the in-transit accounts of refunds and payouts: money the provider has not confirmed yet.
 */
export const manualAccountPrefix = 'operator:';
const operatorEquityPrefix = 'operator_equity:';

export function isManualAccount(code: string): boolean {
  if (code.startsWith(manualAccountPrefix)) return code.length > manualAccountPrefix.length;
  if (code.startsWith(operatorEquityPrefix)) return currencyCodePattern.test(code.slice(operatorEquityPrefix.length));
  return false;
}

/** Every leg of a manual posting must name an operator account; the first that does not is refused. */
export function checkManualLegs(legs: ReadonlyArray<{ readonly account_code: string }>): Result<null, LedgerRejectionCode> {
  for (const [leg_index, leg] of legs.entries()) {
    if (!isManualAccount(leg.account_code)) {
      return reject(
        'LEDGER_MANUAL_ACCOUNT_FORBIDDEN',
        `Account ${leg.account_code} is not one of the operator's own accounts; ` +
          `staff post by hand only between ${manualAccountPrefix}… accounts and operator equity.`,
        { leg_index, account_code: leg.account_code },
      );
    }
  }
  return ok(null);
}

/** Staff open by hand only accounts in the operator's namespace. */
export function checkManualAccountCode(code: string): Result<null, LedgerRejectionCode> {
  if (code.startsWith(manualAccountPrefix) && code.length > manualAccountPrefix.length) return ok(null);
  const message = `Staff may open only accounts whose code starts with ${manualAccountPrefix}; the flows open their own accounts.`;
  return reject('LEDGER_MANUAL_ACCOUNT_FORBIDDEN', message, { account_code: code });
}

/**
 * The transaction kinds a manual posting is written with. Only a transaction posted by an approved
 * manual posting may be reversed by hand; whether one was is read from the manual postings table,
 * not from its kind, so a flow can never make its own posting reversible by naming a kind.
 */
export const manualKinds = { transfer: 'manual', reversal: 'manual_reversal' } as const;

/** Metadata keys the ledger writes on a manual posting; a request may not set them itself. */
export const reservedMetadataKeys = ['manual_posting_id', 'requested_by', 'approved_by'] as const;
