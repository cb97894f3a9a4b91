import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';

/**
 * A share charge's plan must be its membership's plan, on both backends.
 *
 * PostgreSQL: one composite foreign key (membership_id, plan_id) → memberships (id, plan_id)
 * replaces the two single-column keys. Besides being stricter, it is one referential check per
 * row instead of two: the plan key locked the same plans row once per inserted charge, and made a
 * cycle's million receivables take 21 s instead of 14 s (measured).
 *
 * SQLite: its foreign-key checks cost little and cannot be changed without rebuilding the table,
 * so the two keys stay and triggers add the same rule.
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
        return;
      }
      for (const event of ['insert', 'update of membership_id, plan_id']) {
        const name = event === 'insert' ? 'share_charges_plan_on_insert' : 'share_charges_plan_on_update';
        await sql`
          create trigger ${sql.raw(name)} before ${sql.raw(event)} on share_charges
          when new.plan_id is not (select m.plan_id from memberships m where m.id = new.membership_id)
          begin select raise(abort, 'FOREIGN KEY constraint failed: a share charge''s plan is its membership''s plan'); end`.execute(db);
      }
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`
          alter table share_charges
            drop constraint share_charges_membership_plan_fkey,
            add constraint share_charges_membership_id_fkey foreign key (membership_id) references memberships (id),
            add constraint share_charges_plan_id_fkey foreign key (plan_id) references plans (id)`.execute(db);
        await sql`drop index memberships_id_plan`.execute(db);
        return;
      }
      await sql`drop trigger share_charges_plan_on_insert`.execute(db);
      await sql`drop trigger share_charges_plan_on_update`.execute(db);
    },
  };
}
