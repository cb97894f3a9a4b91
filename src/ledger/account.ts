import { ok, reject, type Result } from '../core/rejection.js';
import type { LedgerRejectionCode } from './ledger-rejections.js';

export const accountTypes = ['asset', 'liability', 'income', 'expense', 'equity'] as const;
export type AccountType = (typeof accountTypes)[number];

/** `non_negative`: the balance on the account's normal side may never go below zero (a wallet, custody cash). */
export const accountGuards = ['none', 'non_negative'] as const;
export type AccountGuard = (typeof accountGuards)[number];

export interface AccountDefinition {
  readonly code: string;
  readonly name: string;
  readonly type: AccountType;
  readonly currency: string;
  readonly guard: AccountGuard;
}

export interface Account extends AccountDefinition {
  readonly id: bigint;
  /** Balance on the normal side: debits − credits for assets and expenses, credits − debits otherwise. */
  readonly balance_minor: bigint;
  readonly created_at: string;
}

export const accountCodePattern = /^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$/;
export const currencyCodePattern = /^[A-Z]{3}$/;

export function isDebitNormal(type: AccountType): boolean {
  return type === 'asset' || type === 'expense';
}

/** Converts the stored debits − credits into the balance on the account's normal side. */
export function normalBalance(type: AccountType, net_debit_minor: bigint): bigint {
  return isDebitNormal(type) ? net_debit_minor : -net_debit_minor;
}

export function guardHolds(definition: Pick<AccountDefinition, 'type' | 'guard'>, net_debit_minor: bigint): boolean {
  return definition.guard === 'none' || normalBalance(definition.type, net_debit_minor) >= 0n;
}

export function validateAccountDefinition(input: AccountDefinition): Result<AccountDefinition, LedgerRejectionCode> {
  if (!accountCodePattern.test(input.code)) {
    return reject('LEDGER_BAD_ACCOUNT', 'An account code is 1–128 letters, digits or : . _ - and starts with a letter or digit.', { code: input.code });
  }
  if (!accountTypes.includes(input.type)) {
    return reject('LEDGER_BAD_ACCOUNT', `Account type must be one of ${accountTypes.join(', ')}.`, { type: input.type });
  }
  if (!accountGuards.includes(input.guard)) {
    return reject('LEDGER_BAD_ACCOUNT', `Account guard must be one of ${accountGuards.join(', ')}.`, { guard: input.guard });
  }
  if (!currencyCodePattern.test(input.currency)) {
    return reject('LEDGER_BAD_ACCOUNT', 'Currency must be an ISO 4217 code such as CNY.', { currency: input.currency });
  }
  if (input.name.trim() === '' || input.name.length > 200) {
    return reject('LEDGER_BAD_ACCOUNT', 'Account name must be 1–200 characters.', { name: input.name });
  }
  return ok(input);
}
