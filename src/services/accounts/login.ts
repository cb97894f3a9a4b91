import { contactOrUndefined } from '../../core/accounts/contact.js';
import type { ServiceContext } from '../context.js';
import { checkLogin, findUserRowByUsername, type User } from '../users.js';
import { contactHmac } from './contacts.js';

/**
 * Checks a login by username, e-mail address or mobile number. What reads as a contact is looked up
 * among confirmed contacts first, then as a username (a username may be all digits). One password
 * check whatever was found, and the same rejection for no such account and a wrong password.
 */
export async function authenticateLogin(context: ServiceContext, login: string, password: string): Promise<User> {
  const { db } = context.store;
  const contact = contactOrUndefined(login);
  let row = undefined;
  if (contact !== undefined) {
    const owner = await db.selectFrom('user_contacts').select('user_id').where('value_hmac', '=', contactHmac(context, contact)).executeTakeFirst();
    if (owner !== undefined) row = await db.selectFrom('users').selectAll().where('id', '=', owner.user_id).executeTakeFirst();
  }
  row ??= await findUserRowByUsername(context.store, login);
  return checkLogin(row, password);
}
