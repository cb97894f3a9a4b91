import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex, sha256Pattern, type BlobStore, type StoredBlob } from './blob-store.js';

/**
 * Blobs as files under a directory: `<dir>/<first two hex digits>/<sha256>`. The two-digit fan-out
 * keeps directories small (256 of them) at millions of files. A file is written to a temporary
 * name in the same directory, flushed, then renamed into place: rename is atomic on one file
 * system, so a reader never sees a half-written blob, and a crash leaves at most a temp file.
 * The content type is not stored: the claim row records it, and the bytes are what they are.
 */
export class LocalBlobStore implements BlobStore {
  constructor(private readonly directory: string) {}

  pathOf(sha256: string): string {
    if (!sha256Pattern.test(sha256)) throw new Error(`not a SHA-256 name: ${sha256}`);
    return join(this.directory, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Uint8Array, _content_type: string): Promise<StoredBlob> {
    const sha256 = sha256Hex(bytes);
    const target = this.pathOf(sha256);
    // Same name, same content: a file already there is the same blob, so storing again is a no-op.
    if (await this.has(sha256)) return { sha256, size_bytes: bytes.length };
    const folder = join(this.directory, sha256.slice(0, 2));
    await mkdir(folder, { recursive: true });
    const temporary = join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temporary, bytes, { flag: 'wx', flush: true });
      // Two concurrent puts of the same content both rename onto the same name: either wins, same bytes.
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return { sha256, size_bytes: bytes.length };
  }

  async get(sha256: string): Promise<Uint8Array | undefined> {
    if (!sha256Pattern.test(sha256)) return undefined;
    try {
      return new Uint8Array(await readFile(this.pathOf(sha256)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async has(sha256: string): Promise<boolean> {
    if (!sha256Pattern.test(sha256)) return false;
    try {
      return (await stat(this.pathOf(sha256))).isFile();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }
}
