/**
 * The few `node:crypto` functions src/core uses, for the browser: web/vite.config.ts aliases
 * `node:crypto` to this file, so the cycle verifier runs in the browser as it runs in `huzhu verify`.
 *
 * SHA-256 is @noble/hashes' synchronous one: WebCrypto's digest is asynchronous, and awaiting it
 * two or three times per member line would make a cycle of millions of lines crawl. Signatures are
 * @noble/curves' ed25519, with RFC 8032's strict encodings (not ZIP-215), as OpenSSL checks them.
 *
 * Only what src/core calls is here, and it refuses anything else loudly (another hash, another key
 * type), so a new use in src/core fails in the browser test instead of computing something else.
 */
import './buffer-global';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';

type BinaryLike = string | Uint8Array;
/** The digest encodings src/core asks for; 'binary' is Node's name for latin1 (one char per byte). */
type DigestEncoding = 'hex' | 'binary' | 'latin1';

const encoder = new TextEncoder();

const HEX_DIGITS = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const LATIN1_CHARS = Array.from({ length: 256 }, (_, byte) => String.fromCharCode(byte));

function toHex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += HEX_DIGITS[byte];
  return text;
}

function toLatin1(bytes: Uint8Array): string {
  // A loop over a table: several times faster than String.fromCharCode(...bytes) on a digest.
  let text = '';
  for (const byte of bytes) text += LATIN1_CHARS[byte];
  return text;
}

/** Reused for every string hashed: UTF-8 is at most 3 bytes per UTF-16 code unit. */
let scratch = new Uint8Array(4096);

/**
 * The bytes to hash. A string is encoded into the scratch buffer, which the hash copies from before
 * the next call can overwrite it (hashing is synchronous).
 */
function inputBytes(data: BinaryLike, encoding?: string): Uint8Array {
  if (typeof data !== 'string') return data;
  if (encoding !== undefined && encoding !== 'utf8' && encoding !== 'utf-8') throw new Error(`node:crypto shim: input encoding ${encoding} is not supported`);
  if (scratch.length < 3 * data.length) scratch = new Uint8Array(3 * data.length);
  const { written } = encoder.encodeInto(data, scratch);
  return scratch.subarray(0, written);
}

function encodeDigest(digest: Uint8Array, encoding: DigestEncoding | undefined): string | Uint8Array {
  if (encoding === undefined) return Buffer.from(digest);
  if (encoding === 'hex') return toHex(digest);
  if (encoding === 'binary' || encoding === 'latin1') return toLatin1(digest);
  throw new Error(`node:crypto shim: digest encoding ${String(encoding)} is not supported`);
}

function assertSha256(algorithm: string): void {
  if (algorithm.toLowerCase() !== 'sha256') throw new Error(`node:crypto shim: only sha256 is supported, not ${algorithm}`);
}

// One-shot hashes (two or three per member line) reuse one hasher, reset from a pristine one with
// _cloneInto, instead of allocating a hasher, its buffers and views per hash: three times faster.
const pristine = sha256.create();
const oneShot = sha256.create();
const oneShotDigest = new Uint8Array(32);

function sha256Once(bytes: Uint8Array): Uint8Array {
  pristine._cloneInto(oneShot);
  oneShot.update(bytes);
  oneShot.digestInto(oneShotDigest);
  return oneShotDigest;
}

export interface Hash {
  update(data: BinaryLike, encoding?: string): Hash;
  digest(): Buffer;
  digest(encoding: DigestEncoding): string;
}

/** createHash('sha256'): incremental, as src/core hashes every member line of an export. */
export function createHash(algorithm: string): Hash {
  assertSha256(algorithm);
  const state = sha256.create();
  const hash = {
    update(data: BinaryLike, encoding?: string) {
      state.update(inputBytes(data, encoding));
      return hash;
    },
    digest(encoding?: DigestEncoding) {
      return encodeDigest(state.digest(), encoding);
    },
  };
  return hash as Hash;
}

/** crypto.hash (Node ≥ 20.12): one-shot, with an output encoding, as src/core's hot paths call it. */
export function hash(algorithm: string, data: BinaryLike, outputEncoding: DigestEncoding = 'hex'): string {
  assertSha256(algorithm);
  return encodeDigest(sha256Once(inputBytes(data)), outputEncoding) as string;
}

// DER prefix of an ed25519 SubjectPublicKeyInfo: the raw 32-byte key follows it.
const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];
const ED25519_KEY_BYTES = 32;

export interface KeyObject {
  readonly type: 'public';
  readonly asymmetricKeyType: 'ed25519';
  /** The raw 32-byte public key. */
  readonly raw: Uint8Array;
}

/** Only an ed25519 key as DER SubjectPublicKeyInfo, the one form src/core passes. */
export function createPublicKey(input: { key: Uint8Array; format: 'der'; type: 'spki' }): KeyObject {
  const { key, format, type } = input;
  if (format !== 'der' || type !== 'spki') throw new Error('node:crypto shim: only DER SPKI public keys are supported');
  const prefixed = key.length === ED25519_SPKI_PREFIX.length + ED25519_KEY_BYTES && ED25519_SPKI_PREFIX.every((byte, index) => key[index] === byte);
  if (!prefixed) throw new Error('node:crypto shim: not an ed25519 SubjectPublicKeyInfo');
  return { type: 'public', asymmetricKeyType: 'ed25519', raw: key.slice(ED25519_SPKI_PREFIX.length) };
}

/** crypto.verify(null, data, key, signature) for ed25519: false for any signature that does not hold. */
export function verify(algorithm: null | undefined, data: Uint8Array, key: KeyObject, signature: Uint8Array): boolean {
  if (algorithm !== null && algorithm !== undefined) throw new Error('node:crypto shim: ed25519 takes no digest algorithm');
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('node:crypto shim: only ed25519 keys are supported');
  try {
    return ed25519.verify(signature, data, key.raw, { zip215: false });
  } catch {
    // A signature of the wrong length or a point off the curve verifies nothing.
    return false;
  }
}
