import { sha256Hex, sha256Pattern, type BlobStore, type StoredBlob } from './blob-store.js';

/** The blob store in memory, for tests; copies bytes in and out so callers cannot change what is stored. */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, { bytes: Uint8Array; content_type: string }>();

  async put(bytes: Uint8Array, content_type: string): Promise<StoredBlob> {
    const sha256 = sha256Hex(bytes);
    if (!this.blobs.has(sha256)) this.blobs.set(sha256, { bytes: Uint8Array.from(bytes), content_type });
    return { sha256, size_bytes: bytes.length };
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    if (!sha256Pattern.test(sha256)) return undefined;
    const blob = this.blobs.get(sha256);
    return blob === undefined ? undefined : Uint8Array.from(blob.bytes);
  }

  async has(sha256: string): Promise<boolean> {
    return sha256Pattern.test(sha256) && this.blobs.has(sha256);
  }

  /** How many distinct contents are stored (tests check deduplication and "nothing written"). */
  get size(): number {
    return this.blobs.size;
  }
}
