import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import type { Db } from '../../store/schema.js';
import type { ServiceContext } from '../context.js';

const settingKey = 'operator_signing_key';
// DER prefix of an ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it.
const spkiPrefixLength = 12;
// DER prefix of an ed25519 PKCS#8 private key; the 32-byte seed follows it.
const pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface OperatorKey {
  readonly public_key_hex: string;
  sign(payload: string): string;
}

function fromPrivate(privateKey: KeyObject): OperatorKey {
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return {
    public_key_hex: spki.subarray(spkiPrefixLength).toString('hex'),
    // ed25519 signatures are deterministic: the same header signs the same, so a re-run cycle
    // publishes byte-identical records.
    sign: (payload) => sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('hex'),
  };
}

/**
 * The operator's ed25519 key that signs every cycle record. Made on first use (the setup of a
 * new database) and kept in settings, encrypted with the data key like personal data; only the
 * public key is ever published.
 */
export async function operatorKey(context: Pick<ServiceContext, 'cipher' | 'random'> & { store: { db: Db } }, at: string): Promise<OperatorKey> {
  const { cipher } = context;
  const db = context.store.db;
  const existing = await db.selectFrom('settings').select('value').where('key', '=', settingKey).executeTakeFirst();
  if (existing !== undefined) {
    return fromPrivate(createPrivateKey({ key: Buffer.from(cipher.decrypt(existing.value), 'base64'), format: 'der', type: 'pkcs8' }));
  }
  // The seed comes from the context's randomness, so a test or the demo can make the key repeatable.
  const pkcs8 = Buffer.concat([pkcs8Prefix, Buffer.from(context.random.bytes(32))]);
  const sealed = cipher.encrypt(pkcs8.toString('base64'));
  // Two processes starting at once: the first key stored wins and both use it.
  await db.insertInto('settings').values({ key: settingKey, value: sealed, updated_at: at }).onConflict((conflict) => conflict.column('key').doNothing()).execute();
  return operatorKey(context, at);
}

export async function operatorPublicKeyHex(context: Pick<ServiceContext, 'cipher' | 'random'> & { store: { db: Db } }, at: string): Promise<string> {
  return (await operatorKey(context, at)).public_key_hex;
}
