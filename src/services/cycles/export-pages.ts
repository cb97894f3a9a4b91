import { assert } from '../../core/rejection.js';
import type { Db } from '../../store/schema.js';
import { GzipPageQueue, gunzippedPages } from '../blobs/gzip-pages.js';
import type { CycleRow } from './cycle-rows.js';

/**
 * Stores a cycle's member lines page by page while publication streams them. Each page is
 * compressed on libuv's thread pool while the next page is read and hashed, with at most one page
 * in flight, so memory stays at two pages. Pages go in outside the publication's transaction; an
 * interrupted publication leaves pages that the next attempt deletes first, and nothing reads them
 * before the cycle's header is written.
 */
export class ExportPageWriter {
  readonly #db: Db;
  readonly #cycle_id: bigint;
  readonly #queue = new GzipPageQueue();
  #next_index = 0n;

  private constructor(db: Db, cycle_id: bigint) {
    this.#db = db;
    this.#cycle_id = cycle_id;
  }

  /** Starts over: removes what an interrupted attempt may have written. */
  static async begin(db: Db, cycle_id: bigint): Promise<ExportPageWriter> {
    await db.deleteFrom('cycle_export_pages').where('cycle_id', '=', cycle_id).execute();
    return new ExportPageWriter(db, cycle_id);
  }

  /** Adds the next page: whole lines, each ending in "\n". The bytes are copied. */
  async add(lines: Uint8Array, line_count: number): Promise<void> {
    const page_index = this.#next_index;
    this.#next_index += 1n;
    await this.#queue.add(lines, async (gzip_bytes) => {
      await this.#db.insertInto('cycle_export_pages').values({ cycle_id: this.#cycle_id, page_index, line_count: BigInt(line_count), gzip_bytes }).execute();
    });
  }

  /** Waits for the last page to be stored. */
  async finish(): Promise<void> {
    await this.#queue.finish();
  }

  /** Waits for a page still in flight when publication fails, ignoring its outcome. */
  async settle(): Promise<void> {
    await this.#queue.settle();
  }
}

/**
 * The stored member lines of a published cycle, one decompressed page at a time, the next page
 * decompressing while the caller writes the current one. Undefined when the cycle has no complete
 * set of pages (published before pages were stored): the caller then rebuilds the lines.
 */
export async function storedExportPages(db: Db, cycle: CycleRow): Promise<AsyncGenerator<Buffer> | undefined> {
  const stored = await db
    .selectFrom('cycle_export_pages')
    .select((eb) => [eb.fn.countAll<bigint>().as('pages'), eb.fn.sum<bigint | null>('line_count').as('lines')])
    .where('cycle_id', '=', cycle.id)
    .executeTakeFirstOrThrow();
  if (BigInt(stored.pages) === 0n || stored.lines === null || BigInt(stored.lines) !== cycle.member_count) return undefined;
  return gunzippedPages(Number(stored.pages), async (page_index) => {
    const row = await db.selectFrom('cycle_export_pages').select('gzip_bytes').where('cycle_id', '=', cycle.id).where('page_index', '=', BigInt(page_index)).executeTakeFirst();
    assert(row !== undefined, `export page ${page_index} of cycle ${cycle.cycle_code} is stored`);
    return row.gzip_bytes;
  });
}
