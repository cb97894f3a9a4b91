import type { Insertable } from 'kysely';
import { GENESIS_ROOT_HEX } from '../../src/core/cycles/cycle-figures.js';
import type { CyclesTable } from '../../src/store/schema.js';

type CycleRowFields = Pick<Insertable<CyclesTable>, 'cycle_code' | 'plan_id' | 'sequence' | 'funding_model' | 'snapshot_at'> & Partial<Insertable<CyclesTable>>;

/**
 * A cycles row for tests that need a cycle to hang payouts or charges on without running one: a
 * completed cycle of nothing (no cases, no members, no publication) unless the fields say more.
 */
export function cycleRowValues(fields: CycleRowFields): Insertable<CyclesTable> {
  return {
    currency: 'CNY',
    collection_at: fields.snapshot_at,
    status: 'completed',
    run_token: null,
    run_lease_until: null,
    previous_root_hex: GENESIS_ROOT_HEX,
    seed_hex: GENESIS_ROOT_HEX,
    fee_bps: 800n,
    aid_total_minor: 0n,
    fee_minor: 0n,
    surplus_in_minor: 0n,
    total_minor: 0n,
    surplus_out_minor: 0n,
    weight_scheme: 'equal',
    cap_policy: 'backstop',
    member_count: null,
    weight_total: null,
    share_total_minor: null,
    capped_total_minor: null,
    merkle_root_hex: null,
    header_json: null,
    signature_hex: null,
    export_sha256: null,
    created_at: fields.snapshot_at,
    completed_at: fields.status === 'running' ? null : fields.snapshot_at,
    ...fields,
  };
}
