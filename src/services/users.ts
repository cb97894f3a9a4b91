import { RejectionError, reject, unwrap } from '../core/rejection.js';
import { parseRoles, validateRoles, type Role } from '../core/roles.js';
import type { Selectable } from 'kysely';
import type { UsersTable } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';

export interface User {
  readonly id: bigint;
  readonly username: string;
  readonly display_name: string;
  readonly roles: readonly Role[];
  readonly created_at: string;
  readonly disabled: boolean;
}

export const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const minPasswordLength = 10;

export function toUser(row: { id: bigint; username: string; display_name: string; roles: string; created_at: string; disabled_at: string | null }): User {
  return {
    id: row.id,
    username: row.username,
    display_name: row.display_name,
    roles: parseRoles(row.roles),
    created_at: row.created_at,
    disabled: row.disabled_at !== null,
  };
}

function fail(code: string, message: string, details?: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

export async function createUser(
  store: Store,
  input: { username: string; display_name: string; password: string; roles: readonly string[] },
  created_at: string,
): Promise<User> {
  if (!usernamePattern.test(input.username)) {
    fail('AUTH_BAD_USERNAME', 'A username is 3–64 lower-case letters, digits, dots, dashes or underscores.', { username: input.username });
  }
  if (input.password.length < minPasswordLength) fail('AUTH_WEAK_PASSWORD', `A password has at least ${minPasswordLength} characters.`);
  const roles = unwrap(validateRoles(input.roles));
  const password_hash = await hashPassword(input.password);
  return store.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (existing !== undefined) fail('AUTH_USERNAME_TAKEN', `The username ${input.username} is taken.`, { username: input.username });
    const row = await trx
      .insertInto('users')
      .values({ username: input.username, display_name: input.display_name, password_hash, roles: roles.join(','), created_at, disabled_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  });
}

export async function findUserById(store: Store, id: bigint): Promise<User | undefined> {
  const row = await store.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toUser(row);
}

/** Checks a login; the same rejection for an unknown user and a wrong password, so names cannot be probed. */
export async function authenticate(store: Store, username: string, password: string): Promise<User> {
  return checkLogin(await findUserRowByUsername(store, username), password);
}

export async function findUserRowByUsername(store: Store, username: string): Promise<Selectable<UsersTable> | undefined> {
  return store.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/**
 * The password check of every login, whatever named the user (a username, an e-mail address, a
 * mobile number): the same rejection for no such user and a wrong password.
 */
export async function checkLogin(row: Selectable<UsersTable> | undefined, password: string): Promise<User> {
  // Hash even for an unknown user so the response time does not tell whether the name exists.
  const valid = await verifyPassword(password, row?.password_hash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA');
  if (row === undefined || !valid) fail('AUTH_INVALID_CREDENTIALS', 'Wrong username or password.');
  if (row.disabled_at !== null) fail('AUTH_USER_DISABLED', 'This account is disabled.');
  return toUser(row);
}

export async function changePassword(store: Store, user_id: bigint, current_password: string, new_password: string): Promise<void> {
  const row = await store.db.selectFrom('users').select(['password_hash']).where('id', '=', user_id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(current_password, row.password_hash))) fail('AUTH_INVALID_CREDENTIALS', 'The current password is wrong.');
  if (new_password.length < minPasswordLength) fail('AUTH_WEAK_PASSWORD', `A password has at least ${minPasswordLength} characters.`);
  await store.db.updateTable('users').set({ password_hash: await hashPassword(new_password) }).where('id', '=', user_id).execute();
}

/**
 * On a new database, creates the administrator with a one-time password and returns it so
 * the caller can print it once. Returns undefined when any user exists already.
 */
export async function ensureInitialAdmin(store: Store, created_at: string, password?: string): Promise<{ username: string; password: string } | undefined> {
  const any = await store.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any !== undefined) return undefined;
  const chosen = password ?? generatePassword();
  await createUser(store, { username: 'admin', display_name: 'Administrator', password: chosen, roles: ['admin'] }, created_at);
  return { username: 'admin', password: chosen };
}
