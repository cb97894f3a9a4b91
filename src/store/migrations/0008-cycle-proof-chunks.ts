import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';

/**
 * The root of every block of 1,024 leaves of a cycle's Merkle tree, written at publication: a
 * member's proof is then the path inside their block plus the block's path among the block
 * roots, without streaming all the cycle's members (ten thousand rows for ten million members).
 */
export function cycleProofChunks(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('cycle_proof_chunks')
        .addColumn('cycle_id', 'bigint', (c) => c.notNull().references('cycles.id'))
        .addColumn('chunk_index', 'bigint', (c) => c.notNull())
        // The block's first member code, so a member's block is found by code (byte order on PostgreSQL too).
        .addColumn('first_member_code', 'text', (c) => (dialect === 'postgres' ? c.modifyFront(sql`collate "C"`).notNull() : c.notNull()))
        .addColumn('leaf_count', 'bigint', (c) => c.notNull())
        .addColumn('root_hex', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('cycle_proof_chunks_pk', ['cycle_id', 'chunk_index'])
        .execute();
      await db.schema.createIndex('cycle_proof_chunks_code').on('cycle_proof_chunks').columns(['cycle_id', 'first_member_code']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('cycle_proof_chunks').execute();
    },
  };
}
