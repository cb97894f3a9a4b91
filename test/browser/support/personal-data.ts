import { join } from 'node:path';
import { loadDataKey } from '../../../src/services/crypto/data-key.js';
import { FieldCipher } from '../../../src/services/crypto/field-cipher.js';
import { openStore } from '../../../src/store/store.js';

/**
 * What a viewer must never see: every person's full name, ID number, phone and birth date, and
 * every evidence file name, except those of the people the viewer pays for (their own family).
 * Staff see masked data only; reviewers, investigators and admins may see evidence file names.
 * Read straight from the running server's database with its key file, as the server would.
 */
export async function forbiddenFor(dir: string, username: string | null): Promise<string[]> {
  const store = openStore(`sqlite:${join(dir, 'huzhu.db')}`);
  try {
    const cipher = new FieldCipher(loadDataKey({ envKey: undefined, keyFile: join(dir, 'huzhu.key'), production: true }));
    const viewer = username === null ? undefined : await store.db.selectFrom('users').select(['id', 'roles']).where('username', '=', username).executeTakeFirst();
    const seesFileNames = (viewer?.roles ?? '').split(',').some((role) => ['reviewer', 'investigator', 'admin'].includes(role));
    const viewerId = viewer?.id ?? -1n;
    const persons = await store.db.selectFrom('persons').select(['id', 'payer_user_id', 'name_enc', 'id_number_enc', 'phone_enc', 'birth_date']).execute();
    const others = persons.filter((person) => person.payer_user_id !== viewerId);
    const files = await store.db
      .selectFrom('claim_evidence')
      .innerJoin('claims', 'claims.id', 'claim_evidence.claim_id')
      .innerJoin('memberships', 'memberships.id', 'claims.membership_id')
      .select(['claim_evidence.file_name', 'memberships.payer_user_id'])
      .execute();
    return [
      ...others.flatMap((person) => [
        cipher.decrypt(person.name_enc),
        cipher.decrypt(person.id_number_enc),
        cipher.decrypt(person.phone_enc).replace(/\D/g, '').slice(-11),
        person.birth_date,
      ]),
      ...(seesFileNames ? [] : files.filter((file) => file.payer_user_id !== viewerId).map((file) => file.file_name)),
    ].filter((secret) => secret.length >= 2);
  } finally {
    await store.close();
  }
}

const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The secrets that occur in a text (case-insensitive). A birth date counts as a date, not as the day
 * part of an instant: `2026-04-15T08:00:00Z` (when an account was opened) is no one's birthday.
 */
export function leaks(text: string, secrets: readonly string[]): string[] {
  const lower = text.toLowerCase();
  return secrets.filter((secret) => {
    const needle = secret.toLowerCase();
    if (!calendarDate.test(secret)) return lower.includes(needle);
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      if (!/^t\d/.test(lower.slice(at + needle.length, at + needle.length + 2))) return true;
    }
    return false;
  });
}
