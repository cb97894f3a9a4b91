import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { operatorPublicKeyHex } from '../../src/services/cycles/operator-key.js';
import { cycleVectors, linesText } from '../support/cycle-vectors.js';
import { runCli } from '../support/run-cli.js';
import { runCompiledCli } from '../support/run-compiled-cli.js';
import { testContext, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';
import { allocateAndPublish, exportBytes, insertVectorCycle, insertVectorPlan } from '../support/vector-cycle-store.js';

/**
 * `huzhu verify` accepts the export the store path builds from each known-answer vector, also
 * against the operator's published key, and refuses it once one byte of a member line changes.
 * Those two run the compiled CLI an operator runs (its exit code is the process's); the plain
 * check runs in-process, as a child process costs about a second here.
 */

const now = '2026-03-01T10:00:00.000Z';
const vectors = cycleVectors();

/** The export with the first digit of one member's share changed (1 ↔ 2, any other digit to 1). */
function withOneShareByteChanged(bytes: Buffer, line_index: number): Buffer {
  let line_start = bytes.indexOf(0x0a) + 1;
  for (let line = 0; line < line_index; line += 1) line_start = bytes.indexOf(0x0a, line_start) + 1;
  const marker = '"share_minor":"';
  const offset = bytes.indexOf(marker, line_start) + marker.length;
  const changed = Buffer.from(bytes);
  changed[offset] = changed[offset] === 0x31 ? 0x32 : 0x31;
  return changed;
}

describeEachBackend('huzhu verify: known-answer cycle vectors from the store path', (dialect) => {
  let context: TestContext;
  let dir: string;
  let public_key_hex: string;
  const files = new Map<string, { path: string; bytes: Buffer }>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'huzhu-verify-vectors-'));
    context = await testContext(dialect, { now });
    const plan = await insertVectorPlan(context.store.db, 'vector-plan', now);
    for (const [index, vector] of vectors.entries()) {
      await allocateAndPublish(context, await insertVectorCycle(context.store.db, plan, vector, BigInt(index + 1), now), now);
      const bytes = await exportBytes(context, vector.input.cycle_id);
      const path = join(dir, `${vector.input.cycle_id}.jsonl`);
      writeFileSync(path, bytes);
      files.set(vector.file, { path, bytes });
    }
    public_key_hex = await operatorPublicKeyHex(context, now);
  });
  afterAll(async () => {
    await context?.store.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it.each(vectors.map((vector) => [vector.name, vector] as const))(
    'vector %s: OK, also with the public key; one byte changed fails',
    async (_name, vector) => {
      const { path, bytes } = files.get(vector.file)!;
      const { cycle_id } = vector.input;
      // The file under test holds the vector's member lines byte for byte.
      expect(bytes.subarray(bytes.indexOf(0x0a) + 1).toString('utf8')).toBe(linesText(vector.expected.member_lines));

      const ok = `OK cycle ${cycle_id}: ${vector.expected.member_count} members, root ${vector.expected.merkle_root_hex}\n`;
      expect(await runCompiledCli(['verify', path, '--public-key', public_key_hex])).toEqual({ exitCode: 0, out: ok, err: '' });
      expect(await runCli(['verify', path], {})).toEqual({ exitCode: 0, out: ok.trimEnd(), err: '' });

      const changedPath = join(dir, `${cycle_id}-changed.jsonl`);
      const changed = withOneShareByteChanged(bytes, Math.floor(vector.expected.member_count / 2));
      expect(changed.length).toBe(bytes.length);
      expect(changed.equals(bytes)).toBe(false);
      writeFileSync(changedPath, changed);
      const failed = await runCompiledCli(['verify', changedPath, '--public-key', public_key_hex]);
      expect(failed.exitCode).toBe(1);
      expect(failed.err).toBe('');
      expect(failed.out.startsWith(`FAILED cycle ${cycle_id}\n`)).toBe(true);
      expect(failed.out).toMatch(/header lines_sha256_hex is [0-9a-f]{64} but the member lines hash to [0-9a-f]{64}/);
      expect(failed.out).toMatch(/header merkle_root_hex is [0-9a-f]{64} but the members give [0-9a-f]{64}/);
    },
  );
});
