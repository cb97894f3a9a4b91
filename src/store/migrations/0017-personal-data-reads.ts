import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Staff console administration (issue 12, item 5).
 *
 * personal_data_reads: every time an administrator reads a person's full, decrypted data, who read
 * whom, when and why. A log line alone can be rotated away; this table is the audit trail an admin
 * and an auditor can page through. Rows are only ever inserted. `member_code` is the code the lookup
 * started from (null when it started from the person id). Paged newest first by id.
 */
export function personalDataReads(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('personal_data_reads'), dialect)
        .addColumn('reader_user_id', 'bigint', (c) => c.notNull().references('users.id'))
        .addColumn('person_id', 'bigint', (c) => c.notNull().references('persons.id'))
        .addColumn('member_code', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('personal_data_reads_person').on('personal_data_reads').columns(['person_id', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('personal_data_reads').execute();
    },
  };
}
