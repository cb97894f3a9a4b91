import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

export type StaffUser = paths['/api/users']['get']['responses'][200]['content']['application/json']['users'][number];
export type Role = StaffUser['roles'][number];
export type RevealedPerson = paths['/api/admin/persons/{id}']['get']['responses'][200]['content']['application/json']['person'];
export type PersonalDataRead = paths['/api/admin/personal-data-reads']['get']['responses'][200]['content']['application/json']['reads'][number];

/** Every role, in the server's order (src/core/roles.ts). */
export const allRoles: readonly Role[] = ['member', 'reviewer', 'investigator', 'juror', 'operator', 'auditor', 'admin'];
const pageSize = 50;

const keys = {
  users: (search: string) => ['admin', 'users', search] as const,
  reads: ['admin', 'personal-data-reads'] as const,
};

/** Users by id, 50 a page, those whose username contains `search` when given. */
export function useUsers(search: string) {
  return useInfiniteQuery({
    queryKey: keys.users(search),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/users', { params: { query: { limit: pageSize, ...(search === '' ? {} : { search }), ...(pageParam === undefined ? {} : { after: pageParam }) } } })),
    getNextPageParam: (last) => last.next_after ?? undefined,
  });
}

function useUsersChanged() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['admin', 'users'] });
}

export function useCreateUser() {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: (body: { username: string; display_name: string; password: string; roles: Role[] }) => unwrap(api.POST('/api/users', { body })),
    onSuccess: changed,
  });
}

export function useSetRoles() {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: ({ id, roles }: { id: string; roles: Role[] }) => unwrap(api.POST('/api/users/{id}/roles', { params: { path: { id } }, body: { roles } })),
    onSuccess: changed,
  });
}

export function useSetDisabled() {
  const changed = useUsersChanged();
  return useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) =>
      unwrap(disabled ? api.POST('/api/users/{id}/disable', { params: { path: { id } } }) : api.POST('/api/users/{id}/enable', { params: { path: { id } } })),
    onSuccess: changed,
  });
}

/**
 * A person lookup: from a member code (to its person id) or a person id, with the reason. A
 * mutation, never a cached query: each read is written to the audit log, so nothing may repeat it
 * behind the admin's back (a refetch on focus would log a read nobody asked for).
 */
export function useLookUpPerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ reference, reason }: { reference: string; reason: string }) => {
      const member_code = /^\d+$/.test(reference) ? undefined : reference;
      const person_id =
        member_code === undefined ? reference : (await unwrap(api.GET('/api/admin/persons/by-member-code', { params: { query: { member_code } } }))).person_id;
      return unwrap(api.GET('/api/admin/persons/{id}', { params: { path: { id: person_id }, query: { reason, ...(member_code === undefined ? {} : { member_code }) } } }));
    },
    onSettled: () => client.invalidateQueries({ queryKey: keys.reads }),
  });
}

/** The audit log of full-data reads, newest first. */
export function usePersonalDataReads() {
  return useInfiniteQuery({
    queryKey: keys.reads,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/admin/personal-data-reads', { params: { query: { limit: pageSize, ...(pageParam === undefined ? {} : { before: pageParam }) } } })),
    getNextPageParam: (last) => last.next_before ?? undefined,
  });
}
