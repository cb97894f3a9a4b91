import type { CreateTableBuilder } from 'kysely';
import type { DialectName } from '../schema.js';

/** An auto-assigned bigint primary key: INTEGER PRIMARY KEY (the rowid) on SQLite, identity on PostgreSQL. */
export function withIdColumn<T extends string>(table: CreateTableBuilder<T, never>, dialect: DialectName) {
  return dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
    : table.addColumn('id', 'bigint', (column) => column.primaryKey().generatedAlwaysAsIdentity());
}
