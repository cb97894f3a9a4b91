import { sql } from 'kysely';
import { RejectionError, reject, unwrap } from '../core/rejection.js';
import { validateRoles } from '../core/roles.js';
import type { Store } from '../store/store.js';
import { toUser, type User } from './users.js';

/** The largest page of the users list; the console asks for fewer. */
export const maxUserPageSize = 200;
export const maxUsernameSearchLength = 64;

function fail(code: string, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

/** LIKE treats % and _ as wildcards: a search for "a_b" means those characters literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * One page of users by id (pass next_after as after), optionally those whose username contains
 * `search` (usernames are lower case, so the search is lower-cased). Keyset paging: each page is
 * one indexed range of ids, whatever the number of users.
 */
export async function listUsersPage(
  store: Store,
  filter: { search?: string | undefined; after?: bigint | undefined; limit: number },
): Promise<{ users: User[]; next_after: bigint | null }> {
  const limit = Math.min(Math.max(1, filter.limit), maxUserPageSize);
  let query = store.db.selectFrom('users').selectAll().orderBy('id').limit(limit + 1);
  if (filter.after !== undefined) query = query.where('id', '>', filter.after);
  const search = filter.search?.trim().toLowerCase() ?? '';
  if (search !== '') query = query.where(sql<boolean>`username like ${`%${likeLiteral(search)}%`} escape '\\'`);
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  return { users: page.map(toUser), next_after: rows.length > limit ? page[page.length - 1]!.id : null };
}

/**
 * Replaces a user's roles. An admin cannot take the admin role from themselves: the console
 * would lock out the one person who can give it back (USER_SELF_PROTECTED). New roles apply from
 * the user's next request (sessions read the user on every request).
 */
export async function setUserRoles(store: Store, user_id: bigint, input: readonly string[], actor_user_id: bigint): Promise<User> {
  const roles = unwrap(validateRoles(input));
  if (user_id === actor_user_id && !roles.includes('admin')) {
    fail('USER_SELF_PROTECTED', 'You cannot take the admin role from yourself; another admin can.');
  }
  const row = await store.db.updateTable('users').set({ roles: roles.join(',') }).where('id', '=', user_id).returningAll().executeTakeFirst();
  if (row === undefined) fail('USER_NOT_FOUND', `No user ${user_id}.`, { user_id: user_id.toString() });
  return toUser(row);
}

/**
 * Disables a user (ending every session of theirs in the same transaction, so nobody keeps working
 * on an open tab) or enables them again. A disabled user cannot log in (AUTH_USER_DISABLED). An
 * admin cannot disable themselves (USER_SELF_PROTECTED). Disabling twice keeps the first time.
 */
export async function setUserDisabled(store: Store, user_id: bigint, disabled: boolean, actor_user_id: bigint, at: string): Promise<User> {
  if (disabled && user_id === actor_user_id) fail('USER_SELF_PROTECTED', 'You cannot disable your own account; another admin can.');
  return store.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('users').select('disabled_at').where('id', '=', user_id).executeTakeFirst();
    if (current === undefined) fail('USER_NOT_FOUND', `No user ${user_id}.`, { user_id: user_id.toString() });
    const disabled_at = disabled ? (current.disabled_at ?? at) : null;
    const row = await trx.updateTable('users').set({ disabled_at }).where('id', '=', user_id).returningAll().executeTakeFirstOrThrow();
    if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', user_id).execute();
    return toUser(row);
  });
}
