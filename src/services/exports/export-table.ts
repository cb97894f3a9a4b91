import type { Db } from '../../store/schema.js';

/** What a column holds; the CSV writer and the audit page read it the same way. */
export const exportColumnTypes = ['text', 'integer', 'minor_units', 'instant', 'date'] as const;
export type ExportColumnType = (typeof exportColumnTypes)[number];

export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export interface ExportColumn {
  readonly name: string;
  readonly type: ExportColumnType;
  readonly description: Bilingual;
}

/** The filters a table may take; a table lists the ones that mean something for it. */
export const exportFilterNames = ['from', 'to', 'plan_id'] as const;
export type ExportFilterName = (typeof exportFilterNames)[number];

export interface ExportFilter {
  /** First UTC day included (YYYY-MM-DD), on the table's own time column. */
  readonly from?: string;
  /** Last UTC day included (YYYY-MM-DD). */
  readonly to?: string;
  readonly plan_id?: string;
}

/** A cell as a table's query gives it: money and ids as bigint, times and text as strings, null for empty. */
export type ExportCell = string | bigint | null;
export type ExportRow = Readonly<Record<string, ExportCell>>;

export interface ExportTable {
  readonly name: string;
  readonly title: Bilingual;
  readonly description: Bilingual;
  /** The column the from/to filters apply to, named for the page. */
  readonly time_column?: string;
  readonly filters: readonly ExportFilterName[];
  readonly columns: readonly ExportColumn[];
  /**
   * The rows in a stable order, in batches of at most `batch_rows`, each batch one keyset query
   * after the last row of the one before: never the whole table in memory.
   */
  batches(db: Db, filter: ExportFilter, batch_rows: number): AsyncGenerator<ExportRow[]>;
}

export function column(name: string, type: ExportColumnType, en: string, zh: string): ExportColumn {
  return { name, type, description: { en, zh } };
}

/** The filter's bounds as ISO instants: from the start of `from`, to before the start of the day after `to`. */
export function instantBounds(filter: ExportFilter): { since?: string; before?: string } {
  const day_ms = 86_400_000;
  const before = filter.to === undefined ? undefined : new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + day_ms).toISOString();
  return {
    ...(filter.from === undefined ? {} : { since: `${filter.from}T00:00:00.000Z` }),
    ...(before === undefined ? {} : { before }),
  };
}

/**
 * Runs a keyset query until it returns a short batch. `fetch(after, limit)` returns the rows
 * after the cursor in the table's order; `cursorOf` takes a row's cursor and `toRow` makes its
 * CSV cells. Bounded: every turn moves the cursor past `limit` rows, so the loop ends after
 * (rows ÷ batch_rows) + 1 turns.
 */
export async function* keysetBatches<Raw, Cursor>(
  fetch: (after: Cursor | undefined, limit: number) => Promise<Raw[]>,
  cursorOf: (row: Raw) => Cursor,
  toRow: (row: Raw) => ExportRow,
  batch_rows: number,
): AsyncGenerator<ExportRow[]> {
  let after: Cursor | undefined;
  for (;;) {
    const rows = await fetch(after, batch_rows);
    if (rows.length > 0) yield rows.map(toRow);
    if (rows.length < batch_rows) return;
    after = cursorOf(rows[rows.length - 1]!);
  }
}
