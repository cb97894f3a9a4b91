import { hasAnyRole, parseRoles, type Role } from '../../core/roles.js';
import type { ServiceContext } from '../context.js';

/** Who may own a complaint (as assignComplaint checks). */
export const complaintOwnerRoles: readonly Role[] = ['operator', 'reviewer'];
/** The most staff one owner list offers. */
export const maxOwnerCandidates = 500;

export interface OwnerCandidate {
  readonly user_id: bigint;
  readonly display_name: string;
  readonly roles: readonly Role[];
}

/** The active operators and reviewers a complaint can be given to, by name. */
export async function complaintOwnerCandidates(context: ServiceContext): Promise<OwnerCandidate[]> {
  const rows = await context.store.db.selectFrom('users').select(['id', 'display_name', 'roles']).where('disabled_at', 'is', null).orderBy('display_name').limit(maxOwnerCandidates).execute();
  return rows
    .map((row) => ({ user_id: row.id, display_name: row.display_name, roles: parseRoles(row.roles) }))
    .filter((row) => hasAnyRole(row.roles, complaintOwnerRoles));
}

/** The display names of these owners, in one query. */
export async function ownerNamesOf(context: ServiceContext, user_ids: readonly bigint[]): Promise<Map<bigint, string>> {
  const ids = [...new Set(user_ids)];
  if (ids.length === 0) return new Map();
  const rows = await context.store.db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.display_name]));
}
