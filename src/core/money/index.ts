export {
  CURRENCIES,
  CURRENCY_CODES,
  currencyOf,
  isCurrencyCode,
  type Currency,
  type CurrencyCode,
  type CurrencyRejectionCode,
  type MinorUnitExponent,
} from './currency.js';
export {
  DEFAULT_MAX_MINOR,
  MONEY_REJECTION_CODES,
  parseMinor,
  parseMoney,
  type MoneyRejectionCode,
  type ParseMinorOptions,
  type ParseMoneyOptions,
} from './parse-money.js';
export { formatMinorPlain, formatMoney, type MoneyLocale } from './format-money.js';
export { compareUtf8 } from './byte-order.js';
export {
  ALLOCATION_REJECTION_CODES,
  allocate,
  tieBreakHash,
  type Allocation,
  type AllocationInput,
  type AllocationMember,
  type AllocationRejectionCode,
  type AllocationShare,
} from './allocate.js';
export { checkedAdd, checkedSub, checkedSum, int64MaxMinor, int64MinMinor, isInt64, type Int64RejectionCode } from './checked-int64.js';
