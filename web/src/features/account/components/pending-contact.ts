/**
 * The contact a sign-up or reset is waiting on, kept for this tab only (sessionStorage) so the code
 * page still knows it after a reload, without putting an address in the URL.
 */
const storageKey = 'huzhu.account.pending-contact';

export function rememberPendingContact(contact: string): void {
  try {
    sessionStorage.setItem(storageKey, contact);
  } catch {
    // storage blocked: the code page asks for the contact again
  }
}

export function pendingContact(): string {
  try {
    return sessionStorage.getItem(storageKey) ?? '';
  } catch {
    return '';
  }
}

export function forgetPendingContact(): void {
  try {
    sessionStorage.removeItem(storageKey);
  } catch {
    // nothing to forget
  }
}
