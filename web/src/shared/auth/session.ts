import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../api/client';
import type { components } from '../api/schema';

type MeResponse = Awaited<ReturnType<typeof fetchMe>>;
export type SessionUser = NonNullable<MeResponse>;

export const sessionQueryKey = ['session'] as const;

/** The logged-in user, or null for a visitor (the API's 401 is not an error here). */
async function fetchMe() {
  try {
    return (await unwrap(api.GET('/api/auth/me'))).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

export function hasRole(user: SessionUser | null | undefined, role: SessionUser['roles'][number]): boolean {
  return user?.roles.includes(role) ?? false;
}

/** After logging in or out, every cached answer belonged to someone else: start afresh. */
export function useResetSession() {
  const client = useQueryClient();
  return async () => {
    client.removeQueries();
    await client.invalidateQueries({ queryKey: sessionQueryKey });
  };
}

export type { components };
