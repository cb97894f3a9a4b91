import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading, ErrorState } from '../ui/query-state';
import { useSession } from './session';

/** The login page's address that returns here afterwards. */
export function loginPath(returnTo: string): string {
  return `/login?next=${encodeURIComponent(returnTo)}`;
}

/** Pages for logged-in people: a visitor (or an expired session) goes to the login page and back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (session.data === null) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return <>{children}</>;
}
