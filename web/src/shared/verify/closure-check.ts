/**
 * Checks a member's closure line in the browser with src/core's own closure verifier (the one
 * `huzhu verify` runs on a closure report): the signed header parses, is signed by the operator's
 * published key, names the proof's root and tree size, and the proof leads from the member's
 * line to that root. node:crypto is the shim of node-crypto.ts here (aliased in vite.config.ts).
 */
import './buffer-global';
import { parseClosureHeader } from '../../../../src/core/closure/closure-report.js';
import { closureProofHolds, closureSignatureHolds, parseClosureProof } from '../../../../src/core/closure/closure-verifier.js';

export type ClosureCheckId = 'header' | 'operator_key' | 'signature' | 'root' | 'path';

export interface ClosureLineCheck {
  readonly ok: boolean;
  readonly checks: ReadonlyArray<{ readonly id: ClosureCheckId; readonly ok: boolean }>;
}

export function checkClosureLine(proof_json: unknown, signed_header_json: string, operator_key_hex: string | null): ClosureLineCheck {
  const header = parseClosureHeader(signed_header_json);
  const proof = parseClosureProof(proof_json);
  if (!header.ok || !proof.ok) return { ok: false, checks: [{ id: 'header', ok: false }] };
  const checks = [
    { id: 'header' as const, ok: true },
    { id: 'operator_key' as const, ok: operator_key_hex !== null && operator_key_hex === header.value.public_key_hex },
    { id: 'signature' as const, ok: closureSignatureHolds(header.value) },
    {
      id: 'root' as const,
      ok: proof.value.merkle_root_hex === header.value.merkle_root_hex && proof.value.tree_size === header.value.member_count && proof.value.plan_id === header.value.plan_id,
    },
    { id: 'path' as const, ok: closureProofHolds(proof.value) },
  ];
  return { ok: checks.every((check) => check.ok), checks };
}
