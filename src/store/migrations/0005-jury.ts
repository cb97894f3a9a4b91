import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';

/**
 * The members' jury: who passed the qualification quiz, one jury per claim (seed, the published
 * snapshot of eligible juror codes, the voting window, the counts and verdict once closed), the
 * drawn panel, and the secret ballot. A vote is two rows written in one transaction that share
 * nothing: `jury_voted` says *who* voted (claim, member code; unique, so one vote each) and
 * `jury_ballots` says *what* was voted (claim, choice, a random ballot id) with no member code,
 * no user id and no time. Counts come from the ballots; the number of ballots must equal the
 * number of markers.
 */
export function jury(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('juror_qualifications')
        .addColumn('membership_id', 'bigint', (c) => c.primaryKey().references('memberships.id'))
        .addColumn('correct_answers', 'bigint', (c) => c.notNull())
        .addColumn('passed_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('juries')
        .addColumn('claim_id', 'bigint', (c) => c.primaryKey().references('claims.id'))
        .addColumn('seed_hex', 'text', (c) => c.notNull())
        .addColumn('seed_ledger_seq', 'bigint', (c) => c.notNull())
        .addColumn('seed_ledger_hash', 'text', (c) => c.notNull())
        // The published snapshot (codes only, sorted) that anyone can redraw the panel from.
        .addColumn('eligible_codes_json', 'text', (c) => c.notNull())
        .addColumn('eligible_count', 'bigint', (c) => c.notNull())
        .addColumn('panel_size', 'bigint', (c) => c.notNull())
        .addColumn('quorum', 'bigint', (c) => c.notNull())
        .addColumn('opens_at', 'text', (c) => c.notNull())
        .addColumn('closes_at', 'text', (c) => c.notNull())
        .addColumn('opened_by', 'text', (c) => c.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('closed_by', 'text')
        .addColumn('approve_votes', 'bigint')
        .addColumn('reject_votes', 'bigint')
        .addColumn('verdict', 'text', (c) => c.check(sql`verdict in ('approve', 'reject', 'operator_decides')`))
        .addColumn('verdict_reason', 'text')
        .addColumn('operator_decision', 'text', (c) => c.check(sql`operator_decision in ('approve', 'reject')`))
        .addColumn('operator_decided_by', 'text')
        .addColumn('operator_decided_at', 'text')
        .execute();

      await db.schema
        .createTable('jury_panels')
        .addColumn('claim_id', 'bigint', (c) => c.notNull().references('claims.id'))
        .addColumn('member_code', 'text', (c) => c.notNull())
        .addColumn('membership_id', 'bigint', (c) => c.notNull().references('memberships.id'))
        .addColumn('position', 'bigint', (c) => c.notNull())
        .addColumn('rank_hex', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('jury_panels_pk', ['claim_id', 'member_code'])
        .execute();
      await db.schema.createIndex('jury_panels_membership').on('jury_panels').columns(['membership_id', 'claim_id']).execute();

      await db.schema
        .createTable('jury_voted')
        .addColumn('claim_id', 'bigint', (c) => c.notNull().references('claims.id'))
        .addColumn('member_code', 'text', (c) => c.notNull())
        .addColumn('voted_at', 'text', (c) => c.notNull())
        // One vote per juror per claim: a concurrent second vote is a unique violation.
        .addPrimaryKeyConstraint('jury_voted_pk', ['claim_id', 'member_code'])
        .execute();

      // Keyed by a random ballot id, not a sequence, so ballots are not numbered in the order the
      // markers were written; on SQLite WITHOUT ROWID, so no hidden rowid numbers them either.
      await db.schema
        .createTable('jury_ballots')
        .addColumn('ballot_hex', 'text', (c) => c.primaryKey())
        .addColumn('claim_id', 'bigint', (c) => c.notNull().references('claims.id'))
        .addColumn('choice', 'text', (c) => c.notNull().check(sql`choice in ('approve', 'reject')`))
        .$call((builder) => (dialect === 'sqlite' ? builder.modifyEnd(sql`without rowid`) : builder))
        .execute();
      await db.schema.createIndex('jury_ballots_claim').on('jury_ballots').columns(['claim_id', 'choice']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['jury_ballots', 'jury_voted', 'jury_panels', 'juries', 'juror_qualifications']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
