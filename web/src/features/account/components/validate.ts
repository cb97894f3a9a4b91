/**
 * The checks the forms make before sending; the server checks the same (src/core/accounts/contact.ts,
 * src/services/users.ts) and its answer is shown next to the field when it refuses anyway.
 */
export const minPasswordLength = 10;

export function isContact(input: string): boolean {
  const value = input.trim();
  if (value.includes('@')) return value.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
  return /^1[3-9]\d{9}$/.test(value.replace(/[\s-]/g, '').replace(/^\+?86/, ''));
}

export function isCode(input: string): boolean {
  return /^\d{6}$/.test(input.trim());
}

/** Which field of a form an API refusal concerns; the rest are shown above the button. */
export function fieldOfCode(code: string): 'contact' | 'display_name' | 'password' | 'code' | 'form' {
  if (code === 'AUTH_BAD_CONTACT') return 'contact';
  if (code === 'AUTH_BAD_DISPLAY_NAME') return 'display_name';
  if (code === 'AUTH_WEAK_PASSWORD') return 'password';
  if (code.startsWith('AUTH_CODE_')) return 'code';
  return 'form';
}
