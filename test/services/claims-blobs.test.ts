import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../src/services/blobs/blob-store.js';
import { LocalBlobStore } from '../../src/services/blobs/local-blob-store.js';
import { MemoryBlobStore } from '../../src/services/blobs/memory-blob-store.js';

const directories: string[] = [];
afterAll(async () => {
  for (const directory of directories) await rm(directory, { recursive: true, force: true });
});

async function localStore(): Promise<LocalBlobStore> {
  const directory = await mkdtemp(join(tmpdir(), 'huzhu-blobs-'));
  directories.push(directory);
  return new LocalBlobStore(directory);
}

/** One contract, every implementation of the port. */
const implementations: Array<[string, () => Promise<BlobStore>]> = [
  ['local', localStore],
  ['memory', async () => new MemoryBlobStore()],
];

for (const [name, make] of implementations) {
  describe(`blob store [${name}]`, () => {
    it('names content by its SHA-256, returns it, and stores the same content once', async () => {
      const store = await make();
      const bytes = Buffer.from('%PDF-1.7\nevidence\n%%EOF');
      const expected = createHash('sha256').update(bytes).digest('hex');
      const first = await store.put(bytes, 'application/pdf');
      expect(first).toEqual({ sha256: expected, size_bytes: bytes.length });
      expect(await store.put(bytes, 'application/pdf')).toEqual(first);
      expect(await store.has(expected)).toBe(true);
      expect(Buffer.from((await store.get(expected))!)).toEqual(bytes);
      const other = await store.put(Buffer.from('other'), 'image/png');
      expect(other.sha256).not.toBe(expected);
    });

    it('answers "absent" for unknown and malformed names without touching the disk outside its folder', async () => {
      const store = await make();
      expect(await store.has('0'.repeat(64))).toBe(false);
      expect(await store.get('0'.repeat(64))).toBeUndefined();
      expect(await store.has('../../etc/passwd')).toBe(false);
      expect(await store.get('../../etc/passwd')).toBeUndefined();
    });

    it('stores concurrent puts of the same content once', async () => {
      const store = await make();
      const bytes = Buffer.alloc(100_000, 3);
      const results = await Promise.all(Array.from({ length: 8 }, () => store.put(bytes, 'image/jpeg')));
      expect(new Set(results.map((result) => result.sha256)).size).toBe(1);
      expect((await store.get(results[0]!.sha256))!.length).toBe(100_000);
    });
  });
}

describe('local blob store layout', () => {
  it('writes <dir>/<aa>/<sha256> and leaves no temporary files', async () => {
    const store = await localStore();
    const { sha256 } = await store.put(Buffer.from('scan'), 'image/png');
    await Promise.all(Array.from({ length: 4 }, () => store.put(Buffer.from('scan'), 'image/png')));
    expect(store.pathOf(sha256).endsWith(join(sha256.slice(0, 2), sha256))).toBe(true);
    const folder = join(store.pathOf(sha256), '..');
    expect(await readdir(folder)).toEqual([sha256]);
  });
});
