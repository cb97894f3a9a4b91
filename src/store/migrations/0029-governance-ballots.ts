import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';

/**
 * The secret vote on a proposal, as for the jury (0005): `proposal_voters` is the voter roll, the
 * eligible memberships snapshotted at opening, each marked once when it votes (the marker and the
 * ballot are written in one transaction); `proposal_ballots` holds what was voted under a random
 * id, with no membership, no user and no time, on SQLite WITHOUT ROWID so no hidden rowid numbers
 * ballots in the order the markers were written. The count must equal the markers.
 * `proposal_leaves` records members who left before an accepted change took effect, with the
 * reference of their full wallet refund (null when there was nothing to refund).
 */
export function governanceBallots(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('proposal_voters')
        .addColumn('proposal_id', 'bigint', (c) => c.notNull().references('proposals.id'))
        .addColumn('membership_id', 'bigint', (c) => c.notNull().references('memberships.id'))
        .addColumn('member_code', 'text', (c) => c.notNull())
        .addColumn('voted_at', 'text')
        .addPrimaryKeyConstraint('proposal_voters_pk', ['proposal_id', 'membership_id'])
        .execute();
      // "Proposals I may vote on" starts from the member's memberships.
      await db.schema.createIndex('proposal_voters_membership').on('proposal_voters').columns(['membership_id', 'proposal_id']).execute();
      await db.schema
        .createTable('proposal_ballots')
        .addColumn('ballot_hex', 'text', (c) => c.primaryKey())
        .addColumn('proposal_id', 'bigint', (c) => c.notNull().references('proposals.id'))
        .addColumn('choice', 'text', (c) => c.notNull().check(sql`choice in ('yes', 'no', 'abstain')`))
        .$call((builder) => (dialect === 'sqlite' ? builder.modifyEnd(sql`without rowid`) : builder))
        .execute();
      await db.schema.createIndex('proposal_ballots_proposal').on('proposal_ballots').columns(['proposal_id', 'choice']).execute();
      await db.schema
        .createTable('proposal_leaves')
        .addColumn('proposal_id', 'bigint', (c) => c.notNull().references('proposals.id'))
        .addColumn('membership_id', 'bigint', (c) => c.notNull().references('memberships.id'))
        .addColumn('left_at', 'text', (c) => c.notNull())
        .addColumn('refund_reference', 'text')
        .addColumn('refund_minor', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('proposal_leaves_pk', ['proposal_id', 'membership_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('proposal_leaves').execute();
      await db.schema.dropTable('proposal_ballots').execute();
      await db.schema.dropTable('proposal_voters').execute();
    },
  };
}
