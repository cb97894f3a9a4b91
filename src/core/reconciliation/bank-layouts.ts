/**
 * The column layouts of bank statement CSV files we read, one per bank export format. Each names
 * its header row exactly (order free, every column required, no other column allowed) and says
 * which column carries each field of a statement line. Documented in the README ("Custody
 * reconciliation"); a new bank is a new entry here, nothing else.
 */
export interface BankLayout {
  readonly id: string;
  readonly title: { readonly en: string; readonly zh: string };
  /** Header of each field; `null` when the layout has no such column. */
  readonly columns: {
    /** Booking date of the line. */
    readonly booked_on: string;
    /** Value date (interest date); optional in some layouts. */
    readonly value_on: string | null;
    /** The payment reference the payer or the payment provider wrote: where our reference travels. */
    readonly reference: string;
    readonly description: string;
    readonly counterparty: string | null;
    /** Signed amount: money in positive, money out negative. */
    readonly amount: string;
    readonly currency: string;
    /** The account's balance after this line. */
    readonly balance: string;
    /** The bank's own serial number of the line, when it has one. */
    readonly bank_serial: string | null;
  };
  /** Accepted date spellings: ISO `YYYY-MM-DD`, and for Chinese banks also `YYYYMMDD` and `YYYY/MM/DD`. */
  readonly date_formats: readonly ('iso' | 'compact' | 'slashes')[];
  /** How the currency column names currencies besides the ISO code (人民币 for CNY). */
  readonly currency_names: Readonly<Record<string, string>>;
}

export const bankLayouts = {
  generic: {
    id: 'generic',
    title: { en: 'Generic (ISO columns)', zh: '通用格式' },
    columns: {
      booked_on: 'date',
      value_on: 'value_date',
      reference: 'reference',
      description: 'description',
      counterparty: null,
      amount: 'amount',
      currency: 'currency',
      balance: 'balance',
      bank_serial: null,
    },
    date_formats: ['iso'],
    currency_names: {},
  },
  // The layout of the account-detail export of the large Chinese commercial banks (交易明细导出).
  // 摘要 carries the remittance memo, which is where the payment provider puts our reference.
  cn_bank: {
    id: 'cn_bank',
    title: { en: 'Chinese bank account details (交易明细)', zh: '银行交易明细（中文表头）' },
    columns: {
      booked_on: '交易日期',
      value_on: null,
      reference: '摘要',
      description: '摘要',
      counterparty: '对方户名',
      amount: '交易金额',
      currency: '币种',
      balance: '余额',
      bank_serial: '流水号',
    },
    date_formats: ['iso', 'compact', 'slashes'],
    currency_names: { 人民币: 'CNY', 美元: 'USD', 港币: 'HKD', 港元: 'HKD' },
  },
} as const satisfies Record<string, BankLayout>;

export type BankLayoutId = keyof typeof bankLayouts;

export const bankLayoutIds = Object.keys(bankLayouts) as BankLayoutId[];

export function isBankLayoutId(value: string): value is BankLayoutId {
  return Object.hasOwn(bankLayouts, value);
}

/** The distinct headers a layout's file must have, in the order the layout lists them. */
export function layoutHeaders(layout: BankLayout): string[] {
  const headers = Object.values(layout.columns).filter((header): header is string => header !== null);
  return [...new Set(headers)];
}
