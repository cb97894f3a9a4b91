import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Staff notes on a claim (issue 12, item 1): what reviewers, investigators and operators tell each
 * other about a case while working it. Append-only (a note is never edited, so the trail stays
 * true); read in the order written, per claim, hence the (claim_id, id) index.
 */
export function claimNotes(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('claim_notes'), dialect)
        .addColumn('claim_id', 'bigint', (c) => c.notNull().references('claims.id').onDelete('cascade'))
        .addColumn('author_user_id', 'bigint', (c) => c.notNull().references('users.id'))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('claim_notes_claim').on('claim_notes').columns(['claim_id', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('claim_notes').execute();
    },
  };
}
