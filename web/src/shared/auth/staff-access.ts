import type { SessionUser } from './session';

export type Role = SessionUser['roles'][number];

/**
 * Which roles may open each part of the staff console. The same table guards the pages
 * (RequireRole) and builds the console's navigation; the API checks the roles again on every
 * request, so this only keeps people from pages that would fetch what they may not see.
 */
export const staffAccess = {
  claims: ['reviewer', 'investigator', 'operator', 'auditor'],
  jury: ['operator'],
  dashboard: ['operator'],
  plans: ['operator'],
  cycles: ['operator', 'auditor'],
  payouts: ['operator', 'auditor'],
  ledger: ['operator', 'auditor'],
  members: ['operator'],
  audit: ['auditor', 'operator'],
  reconciliation: ['auditor', 'operator'],
  sustainability: ['operator', 'auditor'],
  governance: ['operator'],
  reports: ['auditor', 'operator'],
  users: ['admin'],
  persons: ['admin'],
  complaints: ['operator', 'reviewer'],
  operatorSettings: ['admin'],
  // The administrator sees the console read-only: she downloads a transfer offer's consenting members.
  closure: ['operator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type StaffSection = keyof typeof staffAccess;

export const staffRoles: readonly Role[] = ['reviewer', 'investigator', 'operator', 'auditor', 'admin'];

/** An admin may open everything (as the API's hasAnyRole says); otherwise one of the roles is needed. */
export function mayOpen(user: SessionUser | null | undefined, allowed: readonly Role[]): boolean {
  if (user == null) return false;
  return user.roles.includes('admin') || user.roles.some((role) => allowed.includes(role));
}

export function isStaff(user: SessionUser | null | undefined): boolean {
  return mayOpen(user, staffRoles);
}
