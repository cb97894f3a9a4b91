import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { RandomPool } from './random-pool.js';

/**
 * Encrypts personal data at rest (AES-256-GCM, a fresh nonce per value) and makes keyed hashes
 * for lookups (duplicate ID numbers) without decrypting. Both keys derive from one 32-byte data key.
 */
export class FieldCipher {
  readonly #encryptionKey: Buffer;
  readonly #lookupKey: Buffer;
  readonly #nonces = new RandomPool();

  constructor(dataKey: Buffer) {
    if (dataKey.length !== 32) throw new Error('the data key must be 32 bytes');
    this.#encryptionKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'huzhu field encryption v1', 32));
    this.#lookupKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'huzhu lookup hmac v1', 32));
  }

  /** `v1.<nonce>.<tag>.<ciphertext>`, base64url. */
  encrypt(plaintext: string): string {
    const nonce = this.#nonces.take(12);
    const cipher = createCipheriv('aes-256-gcm', this.#encryptionKey, nonce);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
  }

  decrypt(sealed: string): string {
    const [version, nonce, tag, ciphertext] = sealed.split('.');
    if (version !== 'v1' || nonce === undefined || tag === undefined || ciphertext === undefined) throw new Error('not a sealed field');
    const decipher = createDecipheriv('aes-256-gcm', this.#encryptionKey, Buffer.from(nonce, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  lookupHash(value: string): string {
    return createHmac('sha256', this.#lookupKey).update(value).digest('hex');
  }
}
