import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { assert } from '../../core/rejection.js';
import type { Db } from '../../store/schema.js';
import type { CycleRow } from './cycle-rows.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * Level 1: about 470 MB/s and a twelfth of the size on export lines, measured; higher levels
 * save a few per cent for twice the time.
 */
const GZIP_LEVEL = 1;

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
  #next_index = 0n;
  #pending: Promise<void> = Promise.resolve();

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
    await this.#pending;
    const page_index = this.#next_index;
    this.#next_index += 1n;
    const copy = Buffer.from(lines);
    this.#pending = gzipAsync(copy, { level: GZIP_LEVEL }).then(async (gzip_bytes) => {
      await this.#db.insertInto('cycle_export_pages').values({ cycle_id: this.#cycle_id, page_index, line_count: BigInt(line_count), gzip_bytes }).execute();
    });
    // A failure surfaces at the next add or at finish; until then it is not an unhandled rejection.
    this.#pending.catch(() => undefined);
  }

  /** Waits for the last page to be stored. */
  async finish(): Promise<void> {
    await this.#pending;
  }

  /**
   * Waits for a page still in flight when publication fails, ignoring its outcome: a late insert
   * must not land after the next attempt has started over.
   */
  async settle(): Promise<void> {
    await this.#pending.catch(() => undefined);
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
  const page_count = BigInt(stored.pages);
  async function* pages(): AsyncGenerator<Buffer> {
    const load = async (page_index: bigint): Promise<Buffer> => {
      const row = await db.selectFrom('cycle_export_pages').select('gzip_bytes').where('cycle_id', '=', cycle.id).where('page_index', '=', page_index).executeTakeFirst();
      assert(row !== undefined, `export page ${page_index} of cycle ${cycle.cycle_code} is stored`);
      return gunzipAsync(row.gzip_bytes);
    };
    let next = load(0n);
    for (let page_index = 0n; page_index < page_count; page_index += 1n) {
      const current = await next;
      if (page_index + 1n < page_count) {
        next = load(page_index + 1n);
        // A caller that stops reading early must not leave an unhandled rejection behind.
        next.catch(() => undefined);
      }
      yield current;
    }
  }
  return pages();
}
