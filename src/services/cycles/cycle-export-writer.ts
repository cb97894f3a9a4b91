import { memberLine } from '../../core/cycles/cycle-export.js';
import type { ServiceContext } from '../context.js';
import { cycleMemberLines } from './cycle-member-stream.js';
import { cycleRejection } from './cycle-rejections.js';
import { getCycleRow } from './cycle-queries.js';
import { storedExportPages } from './export-pages.js';
import { LineBuffer } from './line-buffer.js';

/**
 * The cycle's JSON Lines export (DESIGN.md): the signed header, then one line per covered member
 * in member_code byte order, every line ending in "\n". Yields UTF-8 chunks of whole lines, one
 * page each, so a caller streams ten million lines to a file or an HTTP response in bounded memory.
 */
export async function* cycleExportChunks(context: ServiceContext, cycle_code: string): AsyncGenerator<Buffer> {
  const cycle = await getCycleRow(context, cycle_code);
  if (cycle.header_json === null) cycleRejection('CYCLE_NOT_PUBLISHED', `Cycle ${cycle_code} has not been published yet.`, { cycle_id: cycle_code });
  const lines = new LineBuffer();
  lines.push(cycle.header_json);
  yield lines.take();
  // The lines as published, when publication stored them; otherwise rebuilt from the member rows.
  const stored = await storedExportPages(context.store.db, cycle);
  if (stored !== undefined) {
    yield* stored;
    return;
  }
  for await (const page of cycleMemberLines(context.store.db, cycle.id)) {
    for (const line of page) lines.push(memberLine(line));
    yield lines.take();
  }
}
