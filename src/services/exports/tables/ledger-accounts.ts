import { normalBalance, type AccountType } from '../../../ledger/account.js';
import { column, keysetBatches, type ExportTable } from '../export-table.js';

/** Every ledger account and its balance, by code (wallets are one account per member: millions of rows). */
export const ledgerAccountsTable: ExportTable = {
  name: 'ledger_accounts',
  title: { en: 'Ledger accounts', zh: '账户' },
  description: {
    en: 'Every account of the double-entry ledger with its balance now, by account code.',
    zh: '复式记账中的每个账户及其当前余额，按账户代码排序。',
  },
  filters: [],
  columns: [
    column(
      'code',
      'text',
      'Account code, e.g. custody:CNY or wallet:<member code>',
      '账户代码，如 custody:CNY 或 wallet:<会员编号>',
    ),
    column('name', 'text', 'Account name', '账户名称'),
    column('kind', 'text', 'Account type: asset, liability, income, expense or equity', '账户类型：资产、负债、收入、费用或权益'),
    column('currency', 'text', 'ISO 4217 currency code', 'ISO 4217 币种代码'),
    column(
      'guard',
      'text',
      'non_negative: the balance may never go below zero; none: no such limit',
      'non_negative：余额不得为负；none：无此限制',
    ),
    column(
      'balance_minor',
      'minor_units',
      'Balance on the normal side (debits − credits for assets and expenses, credits − debits otherwise), in minor units',
      '正常方向的余额（资产、费用为借减贷，其余为贷减借），以分计',
    ),
    column(
      'net_debit_minor',
      'minor_units',
      'Debits minus credits over all postings, in minor units',
      '全部分录的借方减贷方，以分计',
    ),
    column('created_at', 'instant', 'When the account was opened (UTC)', '开户时间（UTC）'),
  ],
  batches: (db, _filter, batch_rows) =>
    keysetBatches(
      async (after: string | undefined, limit) => {
        return db
          .selectFrom('ledger_accounts')
          .select(['code', 'name', 'type', 'currency', 'guard', 'net_debit_minor', 'created_at'])
          .$if(after !== undefined, (query) => query.where('code', '>', after!))
          .orderBy('code')
          .limit(limit)
          .execute();
      },
      (row) => row.code,
      (row) => ({
          code: row.code,
          name: row.name,
        kind: row.type,
        currency: row.currency,
        guard: row.guard,
        balance_minor: normalBalance(row.type as AccountType, row.net_debit_minor),
        net_debit_minor: row.net_debit_minor,
          created_at: row.created_at,
        }),
      batch_rows,
    ),
};
