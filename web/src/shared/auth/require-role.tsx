import type { ReactNode } from 'react';
import { NotAllowed } from '../ui/not-allowed';
import { RequireSession } from './require-session';
import { useSession } from './session';
import { mayOpen, type Role } from './staff-access';

function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSession();
  // RequireSession has resolved the session before this renders.
  if (!mayOpen(session.data, roles)) return <NotAllowed roles={roles} />;
  return <>{children}</>;
}

/**
 * A staff page: a visitor goes to the login page; someone without one of the roles sees "not
 * allowed", and the page's own components (and so its requests) never mount.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  return (
    <RequireSession>
      <RoleGate roles={roles}>{children}</RoleGate>
    </RequireSession>
  );
}
