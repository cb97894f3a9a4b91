import type { Trx } from '../../ledger/ledger.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { claimRejection } from './claim-rejections.js';

export interface EvidenceFile {
  readonly bytes: Uint8Array;
  readonly content_type: string;
  /** As uploaded; kept private (it may name the patient). */
  readonly file_name: string;
}

export const maxEvidenceFileBytes = 10 * 1024 * 1024;
export const maxEvidenceFilesPerClaim = 20;

/**
 * The allowed types and the bytes each must start with: the declared type alone is whatever the
 * uploader's browser says, so a script renamed to .pdf would pass a declared-type check.
 */
const allowedTypes: Readonly<Record<string, readonly number[]>> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // "%PDF-"
};
export const allowedEvidenceTypes = Object.keys(allowedTypes);

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, index) => bytes[index] === byte);
}

/**
 * Checks every file before anything is stored, so a refused upload writes nothing. `already` is
 * how many files the claim holds, for the per-claim limit.
 */
export function checkEvidenceFiles(files: readonly EvidenceFile[], already = 0): void {
  if (already + files.length > maxEvidenceFilesPerClaim) {
    claimRejection('CLAIM_TOO_MANY_FILES', `A claim holds at most ${maxEvidenceFilesPerClaim} files.`, { limit: maxEvidenceFilesPerClaim, files: already + files.length });
  }
  for (const [index, file] of files.entries()) {
    if (file.bytes.length > maxEvidenceFileBytes) {
      claimRejection('CLAIM_FILE_TOO_LARGE', `A file may be at most ${maxEvidenceFileBytes / 1024 / 1024} MiB.`, { index, limit_bytes: maxEvidenceFileBytes, size_bytes: file.bytes.length });
    }
    const content_type = file.content_type.split(';')[0]!.trim().toLowerCase();
    const magic = allowedTypes[content_type];
    if (magic === undefined || !startsWith(file.bytes, magic)) {
      // The message names the allowed types, never the file name (it may be personal).
      claimRejection('CLAIM_FILE_TYPE_NOT_ALLOWED', `Evidence must be ${allowedEvidenceTypes.join(', ')}, and its content must be of the declared type.`, { index, allowed: allowedEvidenceTypes });
    }
    const name = file.file_name.trim();
    if (name === '' || name.length > 255 || name.includes('/') || name.includes('\\') || [...name].some((character) => character.charCodeAt(0) < 0x20)) {
      claimRejection('CLAIM_BAD_FILE_NAME', 'A file name is 1–255 characters without slashes or control characters.', { index });
    }
  }
}

export interface StoredEvidence {
  readonly sha256: string;
  readonly content_type: string;
  readonly size_bytes: number;
  readonly file_name: string;
}

/**
 * Writes the (already checked) files to the blob store. Called before the database transaction:
 * blobs are content-addressed and idempotent, so a transaction that then fails leaves at most an
 * unreferenced blob, never a row pointing at a missing file; and file I/O does not hold the
 * database's write lock.
 */
export async function storeEvidenceFiles(blobStore: BlobStore, files: readonly EvidenceFile[]): Promise<StoredEvidence[]> {
  const stored: StoredEvidence[] = [];
  for (const file of files) {
    const content_type = file.content_type.split(';')[0]!.trim().toLowerCase();
    const blob = await blobStore.put(file.bytes, content_type);
    stored.push({ sha256: blob.sha256, content_type, size_bytes: blob.size_bytes, file_name: file.file_name.trim() });
  }
  return stored;
}

export async function insertEvidenceIn(
  trx: Trx,
  claim_id: bigint,
  kind: 'claimant' | 'investigation',
  evidence: readonly StoredEvidence[],
  uploaded_by_user_id: bigint | null,
  uploaded_at: string,
): Promise<void> {
  if (evidence.length === 0) return;
  await trx
    .insertInto('claim_evidence')
    .values(evidence.map((file) => ({ claim_id, kind, sha256: file.sha256, content_type: file.content_type, size_bytes: BigInt(file.size_bytes), file_name: file.file_name, uploaded_by_user_id, uploaded_at })))
    .execute();
}
