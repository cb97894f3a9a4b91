import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

const claimStateList = sql.raw(
  ["'submitted'", "'in_review'", "'investigating'", "'approved_for_notice'", "'in_notice'", "'objected'", "'in_jury'", "'approved'", "'scheduled'", "'paid'", "'rejected'", "'appealed'", "'rejected_final'"].join(', '),
);

/**
 * Claims: the application, its evidence (private), the audit trail of every transition,
 * investigations, objections raised during the public notice, and fraud findings. Member-owned
 * rows carry membership_id / person_id (directly or through the claim) so the schema stays
 * shardable by member.
 */
export function claims(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('claims'), dialect)
        // The public id printed on the case card; the numeric id never leaves the operator's side.
        .addColumn('case_number', 'text', (c) => c.notNull().unique())
        .addColumn('membership_id', 'bigint', (c) => c.notNull().references('memberships.id'))
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id'))
        .addColumn('member_code', 'text', (c) => c.notNull())
        .addColumn('person_id', 'bigint', (c) => c.notNull().references('persons.id'))
        .addColumn('plan_version', 'bigint', (c) => c.notNull())
        .addColumn('illness_code', 'text', (c) => c.notNull())
        .addColumn('diagnosis_date', 'text', (c) => c.notNull())
        .addColumn('hospital', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in (${claimStateList})`))
        .addColumn('age_at_diagnosis_years', 'bigint', (c) => c.notNull())
        .addColumn('aid_minor', 'bigint', (c) => c.notNull().check(sql`aid_minor > 0`))
        .addColumn('rejection_code', 'text')
        .addColumn('rejection_text', 'text')
        .addColumn('submitted_by_user_id', 'bigint', (c) => c.references('users.id'))
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('state_changed_at', 'text', (c) => c.notNull())
        .addColumn('notice_starts_at', 'text')
        .addColumn('notice_ends_at', 'text')
        .addColumn('jury_seed_hex', 'text')
        .execute();
      // One live claim per diagnosis: a race between two submissions ends in a unique violation
      // (mapped to CLAIM_DUPLICATE), never in two claims. A finally rejected claim no longer counts.
      await sql`create unique index claims_one_live_per_diagnosis on claims (membership_id, illness_code, diagnosis_date) where state <> 'rejected_final'`.execute(db);
      await db.schema.createIndex('claims_membership').on('claims').column('membership_id').execute();
      await db.schema.createIndex('claims_person_plan').on('claims').columns(['person_id', 'plan_id', 'state']).execute();
      await db.schema.createIndex('claims_state').on('claims').columns(['state', 'state_changed_at']).execute();

      await withIdColumn(db.schema.createTable('claim_events'), dialect)
        .addColumn('claim_id', 'bigint', (c) => c.notNull().references('claims.id'))
        .addColumn('event', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('claim_events_claim').on('claim_events').columns(['claim_id', 'id']).execute();

      // Evidence is private: the bytes live in the blob store under their SHA-256; the original
      // file name may itself be personal ("王某某_病理报告.pdf") and is never published.
      await withIdColumn(db.schema.createTable('claim_evidence'), dialect)
        .addColumn('claim_id', 'bigint', (c) => c.notNull().references('claims.id'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('claimant', 'investigation')`))
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size_bytes', 'bigint', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('uploaded_by_user_id', 'bigint', (c) => c.references('users.id'))
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('claim_evidence_claim').on('claim_evidence').columns(['claim_id', 'id']).execute();

      await withIdColumn(db.schema.createTable('investigations'), dialect)
        .addColumn('claim_id', 'bigint', (c) => c.notNull().references('claims.id'))
        .addColumn('investigator_user_id', 'bigint', (c) => c.notNull().references('users.id'))
        .addColumn('assigned_at', 'text', (c) => c.notNull())
        .addColumn('findings', 'text')
        .addColumn('recommendation', 'text', (c) => c.check(sql`recommendation in ('approve', 'reject')`))
        .addColumn('completed_at', 'text')
        .execute();
      // At most one open investigation per claim, so "the assigned investigator" is well defined.
      await sql`create unique index investigations_one_open on investigations (claim_id) where completed_at is null`.execute(db);
      await db.schema.createIndex('investigations_investigator').on('investigations').columns(['investigator_user_id', 'completed_at']).execute();

      await withIdColumn(db.schema.createTable('objections'), dialect)
        .addColumn('claim_id', 'bigint', (c) => c.notNull().references('claims.id'))
        .addColumn('objector_membership_id', 'bigint', (c) => c.notNull().references('memberships.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'dismissed', 'upheld', 'referred')`))
        .addColumn('resolved_by', 'text')
        .addColumn('resolution', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('resolved_at', 'text')
        .execute();
      // One open objection per member per claim; a concurrent second one is a unique violation.
      await sql`create unique index objections_one_open on objections (claim_id, objector_membership_id) where status = 'open'`.execute(db);
      await db.schema.createIndex('objections_claim_status').on('objections').columns(['claim_id', 'status']).execute();

      await withIdColumn(db.schema.createTable('fraud_findings'), dialect)
        .addColumn('membership_id', 'bigint', (c) => c.notNull().references('memberships.id'))
        .addColumn('person_id', 'bigint', (c) => c.notNull().references('persons.id'))
        .addColumn('claim_id', 'bigint', (c) => c.references('claims.id'))
        .addColumn('finding', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      // The jury draw excludes people with a fraud record: looked up by person.
      await db.schema.createIndex('fraud_findings_person').on('fraud_findings').column('person_id').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['fraud_findings', 'objections', 'investigations', 'claim_evidence', 'claim_events', 'claims']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
