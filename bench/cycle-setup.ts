import { sql } from 'kysely';
import type { Store } from '../src/store/store.js';

/** Spreads the member codes over the key space (an odd multiplier is a bijection modulo 2^48), as random codes are. */
const codeMultiplier = 2_654_435_761n;
const codeModulus = 281_474_976_710_656n;

function numbers(store: Store, count: number) {
  return store.dialect === 'postgres'
    ? sql`select i from generate_series(1, ${count}::bigint) as i`
    : sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count}) select i from n`;
}

/**
 * `members` covered post-paid members of the sample critical-illness plan and `cases` approved
 * claims, written with set-based SQL (the join benchmark measures joining one by one; here only
 * the cycle is measured). Not timed. Codes look like real ones: "M" and 12 upper-case hex digits.
 */
export async function seedCycleWorld(store: Store, members: number, cases: number): Promise<void> {
  const code = store.dialect === 'postgres'
    ? sql`'M' || lpad(upper(to_hex((i::bigint * ${codeMultiplier}::bigint) % ${codeModulus}::bigint)), 12, '0')`
    : sql`printf('M%012X', (i * ${codeMultiplier}) % ${codeModulus})`;
  await sql`
    insert into persons (name_enc, name_masked, id_number_enc, id_number_hmac, id_number_masked, birth_date, gender, province, phone_enc, phone_masked, relationship, demo, created_at)
    select 'bench', '吴*漫', 'bench', 'bench-' || i, '110105**********00', '1990-01-01', 'female', '北京', 'bench', '138****0000', 'self', 0, '2026-01-01T00:00:00.000Z'
    from (${numbers(store, members)}) as n`.execute(store.db);
  await sql`
    insert into memberships (plan_id, plan_version, person_id, member_code, status, funding_model, joined_at, waiting_until, status_changed_at, age_at_join_years, demo)
    select 'critical-illness', 1, i, ${code}, 'active', 'post_paid', '2026-01-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z', 36, 0
    from (${numbers(store, members)}) as n`.execute(store.db);
  await sql`
    insert into claims (case_number, membership_id, plan_id, member_code, person_id, plan_version, illness_code, diagnosis_date, hospital, state, age_at_diagnosis_years, aid_minor, submitted_at, state_changed_at)
    select 'CBENCH' || cast(1000000 + m.id as text), m.id, m.plan_id, m.member_code, m.person_id, 1, 'CI-01', '2026-11-01', 'bench hospital', 'approved', 36, 30000000, '2026-11-02T00:00:00.000Z', '2026-12-01T00:00:00.000Z'
    from memberships m where m.id <= ${cases}`.execute(store.db);
  if (store.dialect === 'postgres') await sql`analyze`.execute(store.db);
}

/** The floor: a bare INSERT … SELECT of as many rows as there are members, into a table without indexes. */
export async function floorInsertSelect(store: Store): Promise<number> {
  await sql`create table bench_floor_copy (membership_id bigint not null, member_code text not null, amount_minor bigint not null)`.execute(store.db);
  const started = performance.now();
  await sql`insert into bench_floor_copy (membership_id, member_code, amount_minor) select id, member_code, id from memberships`.execute(store.db);
  return (performance.now() - started) / 1000;
}
