import { ok, reject, type Result } from './rejection.js';

export const roles = ['member', 'reviewer', 'investigator', 'juror', 'operator', 'auditor', 'admin'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Parses the stored comma-separated form; unknown names are a data error, not user input. */
export function parseRoles(stored: string): Role[] {
  return stored === '' ? [] : stored.split(',').filter(isRole);
}

export function validateRoles(input: readonly string[]): Result<Role[], 'AUTH_BAD_ROLE'> {
  const unknown = input.filter((role) => !isRole(role));
  if (unknown.length > 0) return reject('AUTH_BAD_ROLE', `Unknown role: ${unknown.join(', ')}. Roles are ${roles.join(', ')}.`, { unknown });
  if (input.length === 0) return reject('AUTH_BAD_ROLE', 'A user needs at least one role.');
  return ok([...new Set(input as Role[])].sort((a, b) => roles.indexOf(a) - roles.indexOf(b)));
}

/** An admin may do everything; otherwise one of the allowed roles is needed. */
export function hasAnyRole(held: readonly Role[], allowed: readonly Role[]): boolean {
  return held.includes('admin') || held.some((role) => allowed.includes(role));
}
