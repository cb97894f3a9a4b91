import { sql } from 'kysely';
import { normalBalance, type AccountType } from '../../../ledger/account.js';
import { accountCodes } from '../../plan-accounts.js';
import { column, instantBounds, keysetBatches, type ExportRow, type ExportTable } from '../export-table.js';
import { legColumns } from './ledger-legs.js';

// Custody accounts are `custody:<currency>`: a handful, so they are listed whole.
const custodyPrefix = accountCodes.custody('');
const maxCustodyAccounts = 1000;

interface CustodyCursor {
  readonly transaction_id: bigint;
  readonly leg_index: number;
}

/**
 * Every movement of the segregated custody accounts, account by account in journal order, with
 * the balance after it: the lines a bank statement of the custody account is reconciled against.
 * Each account's postings are read along the index on (account_id, transaction_id).
 */
export const custodyTable: ExportTable = {
  name: 'custody',
  title: { en: 'Custody account movements', zh: '托管账户流水' },
  description: {
    en: 'Every movement of the segregated custody accounts (prepaid wallet money), account by account in journal order, with the balance after each movement.',
    zh: '隔离托管账户（预付钱包资金）的每一笔变动，按账户、按记账顺序排列，并列出每笔变动后的余额。',
  },
  time_column: 'posted_at',
  filters: ['from', 'to'],
  columns: [
    column('account_code', 'text', 'The custody account, custody:<currency>', '托管账户，custody:<币种>'),
    column('currency', 'text', 'ISO 4217 currency code', 'ISO 4217 币种代码'),
    column('transaction_id', 'integer', 'Journal sequence number of the transaction', '交易的流水序号'),
    column('leg_index', 'integer', 'Position of the leg in its transaction, from 0', '分录在交易中的序号，从 0 开始'),
    column('posted_at', 'instant', 'When the transaction was posted (UTC)', '记账时间（UTC）'),
    column(
      'kind',
      'text',
      'The flow that moved the money, e.g. top_up, wallet_refund, aid_paid',
      '资金变动的业务类型，如 top_up、wallet_refund、aid_paid',
    ),
    column('reference', 'text', "The transaction's idempotency key: the flow's unique reference", '交易的幂等键：业务的唯一参考号'),
    column('description', 'text', 'Description of the transaction', '交易说明'),
    column('debit_minor', 'minor_units', 'Money in (debit), in minor units', '流入（借方），以分计'),
    column('credit_minor', 'minor_units', 'Money out (credit), in minor units', '流出（贷方），以分计'),
    column(
      'balance_after_minor',
      'minor_units',
      'Balance of the account after this movement, in minor units',
      '本笔变动后的账户余额，以分计',
    ),
  ],
  async *batches(db, filter, batch_rows) {
    const { since, before } = instantBounds(filter);
    const accounts = await db
      .selectFrom('ledger_accounts')
      .select(['id', 'code', 'type', 'currency'])
      .where('code', 'like', `${custodyPrefix}%`)
      .orderBy('code')
      .limit(maxCustodyAccounts)
      .execute();
    for (const account of accounts) {
      const type = account.type as AccountType;
      // The balance before the first movement shown: everything posted before `from`.
      const opening =
        since === undefined
          ? 0n
          : ((
              await db
                .selectFrom('ledger_postings as p')
                .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
                .select(sql<bigint | null>`sum(p.amount_minor)`.as('net_debit_minor'))
                .where('p.account_id', '=', account.id)
                .where('t.posted_at', '<', since)
                .executeTakeFirst()
            )?.net_debit_minor ?? 0n);
      let net_debit_minor = BigInt(opening);
      yield* keysetBatches(
        async (after: CustodyCursor | undefined, limit) =>
          db
            .selectFrom('ledger_postings as p')
            .innerJoin('ledger_transactions as t', 't.id', 'p.transaction_id')
            .select(['p.transaction_id', 'p.leg_index', 'p.amount_minor'])
            .select(['t.posted_at', 't.kind', 't.idempotency_key', 't.description'])
            .where('p.account_id', '=', account.id)
            .$if(after !== undefined, (query) =>
              query.where((eb) =>
                eb(eb.refTuple('p.transaction_id', 'p.leg_index'), '>', eb.tuple(after!.transaction_id, after!.leg_index)),
              ),
            )
            .$if(since !== undefined, (query) => query.where('t.posted_at', '>=', since!))
            .$if(before !== undefined, (query) => query.where('t.posted_at', '<', before!))
            .orderBy('p.transaction_id')
            .orderBy('p.leg_index')
            .limit(limit)
            .execute(),
        (row) => ({ transaction_id: row.transaction_id, leg_index: Number(row.leg_index) }),
        (row): ExportRow => {
          // The rows are mapped in order, once each, so the running balance follows the journal.
          net_debit_minor += row.amount_minor;
          const leg = legColumns(row.amount_minor);
          return {
            account_code: account.code,
            currency: account.currency,
            transaction_id: row.transaction_id,
            leg_index: BigInt(row.leg_index),
            posted_at: row.posted_at,
            kind: row.kind,
            reference: row.idempotency_key,
            description: row.description,
            debit_minor: leg.debit_minor,
            credit_minor: leg.credit_minor,
            balance_after_minor: normalBalance(type, net_debit_minor),
          };
        },
        batch_rows,
      );
    }
  },
};
