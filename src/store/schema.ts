import type { ColumnType, Generated, Kysely } from 'kysely';

/**
 * Table types. Amounts and ids are bigint on both backends (better-sqlite3 with safe integers,
 * pg with an int8 parser), so no amount ever passes through a JS number.
 * Times are ISO 8601 UTC strings (`2026-11-28T12:00:00.000Z`), which sort as text on both backends.
 */
export interface UsersTable {
  id: Generated<bigint>;
  username: string;
  display_name: string;
  password_hash: string;
  /** Comma-separated role names, e.g. "operator,auditor". */
  roles: string;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is only in the member's cookie. */
  token_sha256: string;
  user_id: bigint;
  created_at: string;
  expires_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface LedgerAccountsTable {
  id: Generated<bigint>;
  code: string;
  name: string;
  type: string;
  currency: string;
  guard: string;
  /** Debits minus credits over all postings; checked against them by `ledger verify`. */
  net_debit_minor: ColumnType<bigint, bigint, bigint>;
  created_at: string;
}

export interface LedgerTransactionsTable {
  /** Journal sequence number: 1, 2, 3 … without gaps. */
  id: bigint;
  idempotency_key: string;
  payload_sha256: string;
  kind: string;
  description: string;
  currency: string;
  metadata_json: string;
  reverses_id: bigint | null;
  posted_at: string;
  prev_hash: string;
  hash: string;
}

export interface LedgerPostingsTable {
  transaction_id: bigint;
  leg_index: number;
  account_id: bigint;
  /** Signed: debit positive, credit negative. The legs of a transaction sum to zero. */
  amount_minor: bigint;
}

export interface LedgerHeadTable {
  id: number;
  seq: bigint;
  hash: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  ledger_accounts: LedgerAccountsTable;
  ledger_transactions: LedgerTransactionsTable;
  ledger_postings: LedgerPostingsTable;
  ledger_head: LedgerHeadTable;
}

export type Db = Kysely<Database>;
export type DialectName = 'sqlite' | 'postgres';
