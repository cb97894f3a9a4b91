import { parseContact, type Contact } from '../../core/accounts/contact.js';
import { unwrap } from '../../core/rejection.js';
import type { ServiceContext } from '../context.js';

/** A contact as typed, checked, with the keyed hash it is looked up by. */
export interface KnownContact extends Contact {
  readonly hmac: string;
}

export function readContact(context: ServiceContext, input: string): KnownContact {
  const contact = unwrap(parseContact(input));
  return { ...contact, hmac: contactHmac(context, contact) };
}

export function contactHmac(context: ServiceContext, contact: Contact): string {
  return context.cipher.lookupHash(`contact|${contact.kind}|${contact.value}`);
}

/** The user whose confirmed contact this is, if any. */
export async function userIdByContact(context: ServiceContext, contact: KnownContact): Promise<bigint | undefined> {
  const row = await context.store.db.selectFrom('user_contacts').select('user_id').where('value_hmac', '=', contact.hmac).executeTakeFirst();
  return row?.user_id;
}

export interface UserContact {
  readonly kind: 'email' | 'phone';
  readonly masked: string;
  readonly confirmed_at: string;
}

/** A user's own contacts, masked: the account page shows them to their owner. */
export async function contactsOfUser(context: ServiceContext, user_id: bigint): Promise<UserContact[]> {
  const rows = await context.store.db
    .selectFrom('user_contacts')
    .select(['kind', 'value_masked', 'confirmed_at'])
    .where('user_id', '=', user_id)
    .orderBy('kind')
    .execute();
  return rows.map((row) => ({ kind: row.kind, masked: row.value_masked, confirmed_at: row.confirmed_at }));
}
