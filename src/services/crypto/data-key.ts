import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The data key: HUZHU_DATA_KEY (64 hex digits or base64 of 32 bytes), else a key file. Outside
 * production a missing key file is created (mode 600) so a newcomer's first start just works;
 * in production a missing key is an error, since a new key would make stored data unreadable.
 */
export function loadDataKey(options: { envKey: string | undefined; keyFile: string; production: boolean }): Buffer {
  if (options.envKey !== undefined && options.envKey !== '') return decodeKey(options.envKey, 'HUZHU_DATA_KEY');
  if (existsSync(options.keyFile)) return decodeKey(readFileSync(options.keyFile, 'utf8').trim(), options.keyFile);
  if (options.production) throw new Error(`no data key: set HUZHU_DATA_KEY or provide ${options.keyFile}`);
  mkdirSync(dirname(options.keyFile), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(options.keyFile, `${key.toString('hex')}\n`, { mode: 0o600 });
  chmodSync(options.keyFile, 0o600);
  return key;
}

function decodeKey(text: string, source: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${source} must hold a 32-byte key (64 hex digits or base64)`);
  return key;
}
