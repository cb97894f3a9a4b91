import { hasAnyRole, parseRoles } from '../../core/roles.js';
import type { ServiceContext } from '../context.js';

/** Roles that may own and answer complaints (as assignComplaint checks). */
const ownerRoles = ['operator', 'reviewer'] as const;

/** The most staff accounts the owner list reads; staff are few, a longer list is a data error. */
export const maxComplaintOwners = 500;

export interface ComplaintOwner {
  readonly user_id: bigint;
  readonly display_name: string;
}

/**
 * Who staff may assign a complaint to: active operators, reviewers and admins, by name. Roles are a
 * comma-separated column, so the few non-member accounts are read once and filtered here.
 */
export async function listComplaintOwners(context: ServiceContext): Promise<ComplaintOwner[]> {
  const staff = await context.store.db
    .selectFrom('users')
    .select(['id', 'display_name', 'roles'])
    .where('disabled_at', 'is', null)
    .where('roles', '!=', 'member')
    .orderBy('display_name')
    .orderBy('id')
    .limit(maxComplaintOwners)
    .execute();
  return staff.filter((user) => hasAnyRole(parseRoles(user.roles), ownerRoles)).map((user) => ({ user_id: user.id, display_name: user.display_name }));
}
