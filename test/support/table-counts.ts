import type { Database } from '../../src/store/schema.js';
import type { Store } from '../../src/store/store.js';

/** Row counts of the given tables: taken before and after a refused request, they show it wrote nothing. */
export async function rowCounts(store: Store, tables: ReadonlyArray<keyof Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string | number | bigint>().as('count'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}
