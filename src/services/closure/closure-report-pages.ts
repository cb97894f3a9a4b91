import { parseClosureLine, closureLeafHash, type ClosureReportHeader, type ClosureReportLine } from '../../core/closure/closure-report.js';
import type { ClosureMemberProof } from '../../core/closure/closure-verifier.js';
import { chunkedInclusionProof, isBlockSize } from '../../core/merkle/chunked-proof.js';
import { MerkleRootBuilder, emptyRoot, merkleRoot, proofToHex, verifyInclusion } from '../../core/merkle/merkle.js';
import { assert } from '../../core/rejection.js';
import type { Db } from '../../store/schema.js';
import { GzipPageQueue, gunzipPage, gunzippedPages } from '../blobs/gzip-pages.js';
import { LineBuffer } from '../cycles/line-buffer.js';

/**
 * Writes one finalisation attempt's report lines (0036): lines go in as the report is built, and
 * every `page_leaves` lines become a stored page with its block's Merkle root. Pages are written
 * outside the finishing transaction under the attempt's own id, so an attempt that crashes or
 * loses to another leaves pages nothing reads.
 */
export class ClosureReportPageWriter {
  readonly attempt_id: bigint;
  readonly page_leaves: number;
  readonly #db: Db;
  readonly #queue = new GzipPageQueue();
  readonly #lines = new LineBuffer();
  readonly #blockRoots = new MerkleRootBuilder();
  #leaves: Buffer[] = [];
  #first_member_code = '';
  #page_index = 0;

  private constructor(db: Db, attempt_id: bigint, page_leaves: number) {
    this.#db = db;
    this.attempt_id = attempt_id;
    this.page_leaves = page_leaves;
  }

  static async begin(db: Db, plan_id: string, started_at: string, page_leaves: number): Promise<ClosureReportPageWriter> {
    assert(isBlockSize(page_leaves), `a report page of ${page_leaves} lines is an aligned block of the tree (a power of two)`);
    const attempt = await db
      .insertInto('closure_report_attempts')
      .values({ plan_id, started_at, page_leaves: BigInt(page_leaves) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return new ClosureReportPageWriter(db, attempt.id, page_leaves);
  }

  /** Adds the next member line (its canonical text and leaf hash); a full page goes to the store. */
  async push(member_code: string, text: string, leaf_hash: Buffer): Promise<void> {
    if (this.#leaves.length === 0) this.#first_member_code = member_code;
    this.#lines.push(text);
    this.#leaves.push(leaf_hash);
    if (this.#leaves.length === this.page_leaves) await this.#storePage();
  }

  async #storePage(): Promise<void> {
    const root = merkleRoot(this.#leaves);
    this.#blockRoots.push(root);
    const values = {
      attempt_id: this.attempt_id,
      page_index: BigInt(this.#page_index),
      line_count: BigInt(this.#leaves.length),
      first_member_code: this.#first_member_code,
      root_hex: root.toString('hex'),
    };
    this.#page_index += 1;
    this.#leaves = [];
    const bytes = this.#lines.view();
    await this.#queue.add(bytes, async (gzip_bytes) => {
      await this.#db.insertInto('closure_report_pages').values({ ...values, gzip_bytes }).execute();
    });
    this.#lines.clear();
  }

  /** Stores the last, partial page and waits for every page; returns the root over the pages' blocks. */
  async finish(): Promise<Buffer> {
    if (this.#leaves.length > 0) await this.#storePage();
    await this.#queue.finish();
    return this.#page_index === 0 ? emptyRoot() : this.#blockRoots.root();
  }

  /** Waits for a page in flight when the build fails, ignoring its outcome. */
  async settle(): Promise<void> {
    await this.#queue.settle();
  }
}

/** Removes the pages of a plan's attempts other than the published one (crashed or beaten); the attempt rows stay as a record. */
export async function dropUnpublishedPages(db: Db, plan_id: string, published_attempt_id: bigint | null): Promise<void> {
  let attempts = db.selectFrom('closure_report_attempts').select('id').where('plan_id', '=', plan_id);
  if (published_attempt_id !== null) attempts = attempts.where('id', '<>', published_attempt_id);
  await db.deleteFrom('closure_report_pages').where('attempt_id', 'in', attempts).execute();
}

async function pageCount(db: Db, attempt_id: bigint): Promise<{ pages: number; lines: bigint }> {
  const stored = await db
    .selectFrom('closure_report_pages')
    .select((eb) => [eb.fn.countAll<bigint | number>().as('pages'), eb.fn.sum<bigint | number | string | null>('line_count').as('lines')])
    .where('attempt_id', '=', attempt_id)
    .executeTakeFirstOrThrow();
  return { pages: Number(stored.pages), lines: BigInt(stored.lines ?? 0) };
}

/** The published member lines, page by page (whole lines, each ending in "\n"). */
export async function storedClosureLines(db: Db, attempt_id: bigint, header: ClosureReportHeader): Promise<AsyncGenerator<Buffer>> {
  const stored = await pageCount(db, attempt_id);
  assert(stored.lines === BigInt(header.member_count), `the published pages hold the report's ${header.member_count} lines (${stored.lines})`);
  return gunzippedPages(stored.pages, async (page_index) => {
    const row = await db
      .selectFrom('closure_report_pages')
      .select('gzip_bytes')
      .where('attempt_id', '=', attempt_id)
      .where('page_index', '=', BigInt(page_index))
      .executeTakeFirst();
    assert(row !== undefined, `page ${page_index} of closure report attempt ${attempt_id} is stored`);
    return row.gzip_bytes;
  });
}

function pageLines(page: Buffer): ClosureReportLine[] {
  const texts = page.toString('utf8').split('\n');
  assert(texts.pop() === '', 'a stored page ends in "\\n"');
  return texts.map((text) => {
    const parsed = parseClosureLine(text);
    assert(parsed.ok, 'a stored line parses');
    return parsed.value;
  });
}

/**
 * A member's line and proof from her page and the pages' roots: one page of at most `page_leaves`
 * lines is read and decompressed, and one root per page, instead of the whole report. Undefined
 * when the member has no line in the report.
 */
export async function pagedClosureProof(db: Db, attempt_id: bigint, header: ClosureReportHeader, member_code: string): Promise<ClosureMemberProof | undefined> {
  const attempt = await db.selectFrom('closure_report_attempts').select('page_leaves').where('id', '=', attempt_id).executeTakeFirstOrThrow();
  const page_leaves = Number(attempt.page_leaves);
  const page = await db
    .selectFrom('closure_report_pages')
    .select(['page_index', 'gzip_bytes'])
    .where('attempt_id', '=', attempt_id)
    .where('first_member_code', '<=', member_code)
    .orderBy('first_member_code', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (page === undefined) return undefined;
  const lines = pageLines(await gunzipPage(page.gzip_bytes));
  const position = lines.findIndex((line) => line.member_code === member_code);
  if (position < 0) return undefined;
  const roots = await db.selectFrom('closure_report_pages').select('root_hex').where('attempt_id', '=', attempt_id).orderBy('page_index').execute();
  const page_index = Number(page.page_index);
  const leaf_hashes = lines.map((line) => closureLeafHash(header.plan_id, line));
  const proof = chunkedInclusionProof(
    leaf_hashes,
    position,
    roots.map((row) => Buffer.from(row.root_hex, 'hex')),
    page_index,
    page_leaves,
  );
  const leaf_index = page_index * page_leaves + position;
  const root = Buffer.from(header.merkle_root_hex, 'hex');
  // The pages and the signed header were written by the same finalisation: the proof holds.
  assert(verifyInclusion({ leafHash: leaf_hashes[position]!, index: leaf_index, treeSize: header.member_count, proof, root }), 'the stored pages prove the line in the signed root');
  const line = lines[position]!;
  return {
    format: 'huzhu-closure-proof/1',
    plan_id: header.plan_id,
    member_code,
    wallet_at_closure_minor: line.wallet_at_closure_minor.toString(),
    refunded_minor: line.refunded_minor.toString(),
    unclaimed_minor: line.unclaimed_minor.toString(),
    leaf_index,
    tree_size: header.member_count,
    merkle_root_hex: header.merkle_root_hex,
    proof_hex: proofToHex(proof),
  };
}
