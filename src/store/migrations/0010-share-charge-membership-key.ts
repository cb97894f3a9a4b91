import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';

/**
 * PostgreSQL: one composite foreign key (membership_id, plan_id) → memberships (id, plan_id)
 * replaces the two single-column keys of share_charges. It is stricter (a charge's plan is its
 * membership's plan) and it is one referential check per row instead of two: the plan key locked
 * the same plans row once per inserted charge, which made a cycle's million receivables take 21 s
 * instead of 14 s (measured).
 *
 * SQLite keeps its two keys: its foreign-key checks cost little and cannot be changed without
 * rebuilding the table, and a trigger enforcing the stricter rule made the same insert about a
 * fifth slower (measured), for a rule the code never breaks (charges take the plan from the
 * membership or the cycle's snapshot of it).
 */
export function shareChargeMembershipKey(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`create unique index memberships_id_plan on memberships (id, plan_id)`.execute(db);
        await sql`
          alter table share_charges
            drop constraint share_charges_plan_id_fkey,
            drop constraint share_charges_membership_id_fkey,
            add constraint share_charges_membership_plan_fkey foreign key (membership_id, plan_id) references memberships (id, plan_id)`.execute(db);
      }
      // SQLite: nothing to change (see above).
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`
          alter table share_charges
            drop constraint share_charges_membership_plan_fkey,
            add constraint share_charges_membership_id_fkey foreign key (membership_id) references memberships (id),
            add constraint share_charges_plan_id_fkey foreign key (plan_id) references plans (id)`.execute(db);
        await sql`drop index memberships_id_plan`.execute(db);
      }
    },
  };
}
