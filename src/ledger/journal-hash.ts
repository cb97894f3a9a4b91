import { createHash } from 'node:crypto';

export const genesisHash = '0'.repeat(64);

export interface JournalEntry {
  readonly id: bigint;
  readonly idempotency_key: string;
  readonly payload_sha256: string;
  readonly kind: string;
  readonly description: string;
  readonly currency: string;
  readonly metadata_json: string;
  readonly reverses_id: bigint | null;
  readonly posted_at: string;
  readonly postings: ReadonlyArray<{ readonly leg_index: number; readonly account_id: bigint; readonly amount_minor: bigint }>;
}

/**
 * Each transaction's hash covers the previous one, so editing, inserting or deleting any row
 * breaks the chain from there on; `ledger verify` recomputes it.
 */
export function journalHash(prev_hash: string, entry: JournalEntry): string {
  const canonical = JSON.stringify([
    entry.id.toString(),
    entry.idempotency_key,
    entry.payload_sha256,
    entry.kind,
    entry.description,
    entry.currency,
    entry.metadata_json,
    entry.reverses_id === null ? null : entry.reverses_id.toString(),
    entry.posted_at,
    entry.postings.map((posting) => [String(posting.leg_index), posting.account_id.toString(), posting.amount_minor.toString()]),
  ]);
  return createHash('sha256').update(prev_hash).update('\n').update(canonical).digest('hex');
}
