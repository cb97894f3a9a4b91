import { afterAll, beforeAll, expect, it } from 'vitest';
import { memberLine, parseHeaderLine } from '../../src/core/cycles/cycle-export.js';
import { unwrap } from '../../src/core/rejection.js';
import { cycleMemberLines } from '../../src/services/cycles/cycle-member-stream.js';
import type { CycleRow } from '../../src/services/cycles/cycle-rows.js';
import { operatorKey } from '../../src/services/cycles/operator-key.js';
import { buildVectorExport, cycleVectors, figuresOf, linesText, type CycleVector } from '../support/cycle-vectors.js';
import { testContext, type TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';
import {
  allocateAndPublish,
  exportBytes,
  insertVectorCycle,
  insertVectorPlan,
  type VectorPlan,
} from '../support/vector-cycle-store.js';

/**
 * The store's own cycle path reproduces each known-answer vector exactly, on every backend: the
 * vector's cycle and its members inserted as snapshot rows in the vector's order, then the SQL
 * allocation and the publication; the stored member lines, the lines hash, the root and the header
 * figures equal the vector's, and the exported file holds its member lines byte for byte.
 */

const now = '2026-03-01T10:00:00.000Z';
const vectors = cycleVectors();

describeEachBackend('store contract: known-answer cycle vectors', (dialect) => {
  let context: TestContext;
  let plan: VectorPlan;
  const published = new Map<string, CycleRow>();

  beforeAll(async () => {
    context = await testContext(dialect, { now });
    plan = await insertVectorPlan(context.store.db, 'vector-plan', now);
  });
  afterAll(async () => {
    await context?.store.close();
  });

  async function publishedCycle(vector: CycleVector): Promise<CycleRow> {
    const known = published.get(vector.file);
    if (known !== undefined) return known;
    const sequence = BigInt(vectors.indexOf(vector) + 1);
    const inserted = await insertVectorCycle(context.store.db, plan, vector, sequence, now);
    const cycle = await allocateAndPublish(context, inserted, now);
    published.set(vector.file, cycle);
    return cycle;
  }

  it.each(vectors.map((vector) => [vector.name, vector] as const))(
    'vector %s: allocates, publishes and exports exactly the expected bytes',
    async (_name, vector) => {
      const { input, expected } = vector;
      const cycle = await publishedCycle(vector);
      expect(cycle.header_json).not.toBeNull();

      // The cycle row and the signed header carry the vector's figures.
      const header = unwrap(parseHeaderLine(cycle.header_json!));
      expect(figuresOf(header)).toEqual(figuresOf(vector.expected));
      expect({
        seed_hex: cycle.seed_hex,
        member_count: cycle.member_count,
        weight_total: cycle.weight_total,
        share_total_minor: cycle.share_total_minor,
        capped_total_minor: cycle.capped_total_minor,
        merkle_root_hex: cycle.merkle_root_hex,
      }).toEqual({
        seed_hex: expected.seed_hex,
        member_count: BigInt(expected.member_count),
        weight_total: expected.weight_total,
        share_total_minor: expected.share_total_minor,
        capped_total_minor: expected.capped_total_minor,
        merkle_root_hex: expected.merkle_root_hex,
      });
      expect(header).toMatchObject({
        cycle_id: input.cycle_id,
        plan_id: input.plan_id,
        previous_root_hex: input.previous_root_hex,
        cases: input.cases,
        fee_bps: input.fee_bps,
        surplus_in_minor: input.surplus_in_minor,
        weight_scheme: input.weight_scheme,
        cap_policy: input.cap_policy,
      });

      // The member rows as stored, in the store's export order, give the vector's lines.
      const stored: string[] = [];
      for await (const page of cycleMemberLines(context.store.db, cycle.id)) stored.push(...page.map(memberLine));
      expect(stored).toEqual(expected.member_lines);

      // The exported file: the signed header, then the vector's member lines byte for byte.
      const bytes = await exportBytes(context, input.cycle_id);
      const header_end = bytes.indexOf(0x0a) + 1;
      expect(bytes.subarray(0, header_end).toString('utf8')).toBe(`${cycle.header_json}\n`);
      expect(bytes.subarray(header_end).toString('utf8')).toBe(linesText(expected.member_lines));
      expect(bytes.subarray(header_end).equals(Buffer.from(linesText(expected.member_lines), 'utf8'))).toBe(true);

      // The whole file, header included, is what the core builds from the vector's input with the operator's key.
      const built = buildVectorExport(vector, await operatorKey(context, now));
      expect(bytes.toString('utf8')).toBe(built.text);
    },
  );

  it('exports the same bytes when the lines are rebuilt from the member rows (no stored pages)', async () => {
    for (const vector of vectors) {
      const cycle = await publishedCycle(vector);
      const from_pages = await exportBytes(context, vector.input.cycle_id);
      await context.store.db.deleteFrom('cycle_export_pages').where('cycle_id', '=', cycle.id).execute();
      const from_rows = await exportBytes(context, vector.input.cycle_id);
      expect(from_rows.equals(from_pages)).toBe(true);
    }
  });
});
