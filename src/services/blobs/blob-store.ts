import { createHash } from 'node:crypto';

/**
 * A content-addressed store for private files (claim evidence). Bytes are named by their
 * SHA-256, so storing the same file twice stores it once and a stored file cannot be changed
 * under its name. Behind a port, so local disk (the default), memory (tests) and later an object
 * store are interchangeable. Nothing here is ever served to the public.
 */
export interface StoredBlob {
  /** Lower-case hex SHA-256 of the bytes. */
  readonly sha256: string;
  readonly size_bytes: number;
}

export interface BlobStore {
  /** Stores the bytes (idempotent for the same content) and returns their name and size. */
  put(bytes: Uint8Array, content_type: string): Promise<StoredBlob>;
  /** The bytes stored under this name, or undefined. */
  get(sha256: string): Promise<Uint8Array | undefined>;
  has(sha256: string): Promise<boolean>;
}

export const sha256Pattern = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
