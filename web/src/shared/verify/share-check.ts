/**
 * Checks one member's proof (huzhu-proof/1) in the browser against the cycle's signed header:
 * SHA-256 and the ed25519 signature through WebCrypto (crypto.subtle), falling back to @noble when
 * the browser has no Ed25519 in WebCrypto or no crypto.subtle at all (a page served over plain
 * HTTP from another machine is not a secure context). A proof has at most 64 hashes to check, so
 * WebCrypto's asynchronous digest costs nothing here; src/core's parsers read the proof and the
 * header, so the browser accepts exactly what `huzhu verify --proof` accepts.
 */
import './buffer-global';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { parseHeaderLine, signedHeaderPayload, type CycleExportHeader } from '../../../../src/core/cycles/cycle-export.js';
import { parseMemberProof, type MemberProof } from '../../../../src/core/cycles/export-verifier.js';

export type { MemberProof };

/** Which implementation did the hashing and the signature check, shown beside the result. */
export type CryptoEngine = 'webcrypto' | 'noble';

export type ShareCheckId = 'header' | 'operator_key' | 'signature' | 'root' | 'tree_size' | 'path';

export interface ShareCheck {
  readonly id: ShareCheckId;
  readonly ok: boolean;
  /** The values the sentence names (hex, numbers), for the translated text. */
  readonly values: Readonly<Record<string, string>>;
}

export interface ShareCheckResult {
  readonly ok: boolean;
  readonly checks: readonly ShareCheck[];
  readonly header: CycleExportHeader | null;
  readonly engine: { readonly hash: CryptoEngine; readonly signature: CryptoEngine };
}

export type ProofReading = { readonly ok: true; readonly proof: MemberProof } | { readonly ok: false; readonly reason: 'json' | 'format'; readonly message: string };

/** Reads pasted or opened text as a proof, with src/core's strict parser; never throws. */
export function readProof(text: string): ProofReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'json', message: error instanceof Error ? error.message : String(error) };
  }
  const parsed = parseMemberProof(json);
  return parsed.ok ? { ok: true, proof: parsed.value } : { ok: false, reason: 'format', message: parsed.rejection.message };
}

const HASH_BYTES = 32;
const MAX_PATH_LENGTH = 64;

function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = Number.parseInt(hex.slice(2 * index, 2 * index + 2), 16);
  return bytes;
}

function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

function subtle(): SubtleCrypto | null {
  return globalThis.crypto?.subtle ?? null;
}

/** SHA-256 through WebCrypto when there is one. */
export async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<{ digest: Uint8Array; engine: CryptoEngine }> {
  const webCrypto = subtle();
  if (webCrypto === null) return { digest: nobleSha256(bytes), engine: 'noble' };
  return { digest: new Uint8Array(await webCrypto.digest('SHA-256', bytes)), engine: 'webcrypto' };
}

/**
 * An ed25519 signature check through WebCrypto, or @noble/curves where WebCrypto has no Ed25519
 * (importKey then throws NotSupportedError). `preferNoble` is for the test of the fallback.
 */
export async function ed25519Verify(
  public_key: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
  message: Uint8Array<ArrayBuffer>,
  preferNoble = false,
): Promise<{ holds: boolean; engine: CryptoEngine }> {
  const webCrypto = preferNoble ? null : subtle();
  if (webCrypto !== null) {
    let key: CryptoKey | null = null;
    try {
      key = await webCrypto.importKey('raw', public_key, { name: 'Ed25519' }, false, ['verify']);
    } catch (error) {
      // Not 32 bytes of a key: nothing verifies. Ed25519 unknown to this browser: ask @noble.
      if (!(error instanceof DOMException && error.name === 'NotSupportedError')) return { holds: false, engine: 'webcrypto' };
    }
    if (key !== null) return { holds: await webCrypto.verify({ name: 'Ed25519' }, key, signature, message), engine: 'webcrypto' };
  }
  try {
    return { holds: ed25519.verify(signature, message, public_key, { zip215: false }), engine: 'noble' };
  } catch {
    return { holds: false, engine: 'noble' };
  }
}

/**
 * The root an RFC 6962 audit path leads to from a leaf (RFC 9162, 2.1.3.2), or null when the path
 * cannot belong to a tree of that size. The same walk as src/core's verifyInclusion, with the
 * browser's asynchronous SHA-256.
 */
export async function rootFromAuditPath(
  leaf_hash: Uint8Array,
  leaf_index: number,
  tree_size: number,
  path: readonly Uint8Array[],
  hash: (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>,
): Promise<Uint8Array | null> {
  if (!Number.isSafeInteger(leaf_index) || !Number.isSafeInteger(tree_size) || leaf_index < 0 || leaf_index >= tree_size) return null;
  if (leaf_hash.length !== HASH_BYTES || path.length > MAX_PATH_LENGTH) return null;
  const nodePrefix = Uint8Array.of(0x01);
  // fn and sn can exceed 2^32, so halving is division, not the 32-bit >> operator.
  let fn = leaf_index;
  let sn = tree_size - 1;
  let result = leaf_hash;
  for (const element of path) {
    if (element.length !== HASH_BYTES || sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      result = await hash(concat(nodePrefix, element, result));
      // Skip the levels where this node had no right sibling (it was carried up unchanged).
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      result = await hash(concat(nodePrefix, result, element));
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? result : null;
}

export interface PublishedCycle {
  /** The signed header line of the cycle's export, as GET /api/public/cycles/{id} gives it. */
  readonly header_json: string | null;
}

/**
 * Every check of a proof against the published cycle and the operator's key, each passed or failed
 * on its own, so the page can say which one failed.
 */
export async function checkShareProof(
  proof: MemberProof,
  cycle: PublishedCycle,
  operator_key_hex: string,
  options: { preferNoble?: boolean } = {},
): Promise<ShareCheckResult> {
  const checks: ShareCheck[] = [];
  let hashEngine: CryptoEngine = 'webcrypto';
  let signatureEngine: CryptoEngine = options.preferNoble === true ? 'noble' : 'webcrypto';
  const hash = async (bytes: Uint8Array<ArrayBuffer>) => {
    if (options.preferNoble === true) {
      hashEngine = 'noble';
      return nobleSha256(bytes);
    }
    const { digest, engine } = await sha256(bytes);
    hashEngine = engine;
    return digest;
  };

  const parsedHeader = cycle.header_json === null ? null : parseHeaderLine(cycle.header_json);
  const header = parsedHeader?.ok === true && parsedHeader.value.cycle_id === proof.cycle_id ? parsedHeader.value : null;
  checks.push({ id: 'header', ok: header !== null, values: { cycle: proof.cycle_id } });

  const expected_root_hex = header?.merkle_root_hex ?? proof.merkle_root_hex;
  if (header !== null) {
    const operator_key = operator_key_hex.toLowerCase();
    checks.push({ id: 'operator_key', ok: header.public_key_hex === operator_key, values: { header_key: header.public_key_hex, operator_key } });
    const { signature_hex, ...unsigned } = header;
    const signed = await ed25519Verify(
      hexToBytes(header.public_key_hex),
      hexToBytes(signature_hex),
      new TextEncoder().encode(signedHeaderPayload(unsigned)),
      options.preferNoble === true,
    );
    signatureEngine = signed.engine;
    checks.push({ id: 'signature', ok: signed.holds, values: { header_key: header.public_key_hex } });
    checks.push({ id: 'root', ok: proof.merkle_root_hex === header.merkle_root_hex, values: { proof_root: proof.merkle_root_hex, header_root: header.merkle_root_hex } });
    checks.push({ id: 'tree_size', ok: proof.tree_size === header.member_count, values: { tree_size: String(proof.tree_size), member_count: String(header.member_count) } });
  }

  // RFC 6962 leaf: SHA-256(0x00 ‖ utf8(cycle_id + "|" + member_code + "|" + share_minor)).
  const leafData = new TextEncoder().encode(`${proof.cycle_id}|${proof.member_code}|${proof.share_minor}`);
  const leaf = await hash(concat(Uint8Array.of(0x00), leafData));
  const root = await rootFromAuditPath(leaf, proof.leaf_index, proof.tree_size, proof.proof_hex.map(hexToBytes), hash);
  const computed_root_hex = root === null ? '' : bytesToHex(root);
  checks.push({
    id: 'path',
    ok: computed_root_hex === expected_root_hex,
    values: { member_code: proof.member_code, member_line: String(proof.leaf_index + 1), computed_root: computed_root_hex, expected_root: expected_root_hex },
  });

  return { ok: checks.every((check) => check.ok), checks, header, engine: { hash: hashEngine, signature: signatureEngine } };
}
