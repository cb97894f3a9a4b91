import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';
import { findUserById, type User } from './users.js';

export const sessionHours = 12;

function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The token goes to the browser only; the database keeps its hash, so a leaked table opens no session. */
export async function startSession(store: Store, user_id: bigint, now: Date): Promise<{ token: string; expires_at: string }> {
  const token = randomBytes(32).toString('base64url');
  const expires_at = new Date(now.getTime() + sessionHours * 3600_000).toISOString();
  await store.db
    .insertInto('sessions')
    .values({ token_sha256: sha256(token), user_id, created_at: now.toISOString(), expires_at })
    .execute();
  return { token, expires_at };
}

export async function sessionUser(store: Store, token: string, now: Date): Promise<User | undefined> {
  const row = await store.db
    .selectFrom('sessions')
    .select(['user_id', 'expires_at'])
    .where('token_sha256', '=', sha256(token))
    .executeTakeFirst();
  if (row === undefined || row.expires_at <= now.toISOString()) return undefined;
  const user = await findUserById(store, row.user_id);
  return user === undefined || user.disabled ? undefined : user;
}

export async function endSession(store: Store, token: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('token_sha256', '=', sha256(token)).execute();
}

export async function deleteExpiredSessions(store: Store, now: Date): Promise<void> {
  await store.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}
