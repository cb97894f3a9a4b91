import type { Db } from '../../store/schema.js';

export interface CycleMemberLine {
  readonly member_code: string;
  readonly weight: bigint;
  readonly cap_room_minor: bigint | null;
  readonly share_minor: bigint;
  readonly capped_minor: bigint;
}

const defaultPageSize = 10_000;

/**
 * A cycle's member lines in export order (member_code byte order: the primary key's order on both
 * backends), read in pages by key so memory stays one page however many members there are.
 */
export async function* cycleMemberLines(db: Db, cycle_id: bigint, page_size = defaultPageSize): AsyncGenerator<CycleMemberLine[]> {
  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom('cycle_members')
      .select(['member_code', 'weight', 'cap_room_minor', 'share_minor', 'capped_minor'])
      .where('cycle_id', '=', cycle_id)
      .orderBy('member_code')
      .limit(page_size);
    if (after !== null) query = query.where('member_code', '>', after);
    const page = await query.execute();
    if (page.length === 0) return;
    yield page;
    if (page.length < page_size) return;
    after = page[page.length - 1]!.member_code;
  }
}
