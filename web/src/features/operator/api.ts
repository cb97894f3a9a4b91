import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

type Json<T> = T extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;

export type Plan = Json<paths['/api/plans']['get']>['plans'][number];
export type PlanWithHistory = Json<paths['/api/plans/{id}']['get']>['plan'];
export type PlanRules = Plan['current_version']['rules'];
export type Dashboard = Json<paths['/api/operator/dashboard']['get']>['dashboard'];
export type VersionPreview = Json<paths['/api/plans/{id}/versions/preview']['post']>['preview'];
export type MembershipRow = Json<paths['/api/memberships']['get']>['memberships'][number];
export type MembershipDetail = Json<paths['/api/memberships/{id}']['get']>['membership'];
export type VersionInput = paths['/api/plans/{id}/versions']['post']['requestBody']['content']['application/json'];
export type PlanInput = paths['/api/plans']['post']['requestBody']['content']['application/json'];

const plansKey = ['operator', 'plans'] as const;

export function usePlans() {
  return useQuery({ queryKey: plansKey, queryFn: () => unwrap(api.GET('/api/plans')) });
}

export function usePlan(plan_id: string) {
  return useQuery({ queryKey: [...plansKey, plan_id], queryFn: () => unwrap(api.GET('/api/plans/{id}', { params: { path: { id: plan_id } } })) });
}

export function useDashboard(plan_id: string | undefined) {
  return useQuery({
    queryKey: ['operator', 'dashboard', plan_id],
    enabled: plan_id !== undefined,
    queryFn: () => unwrap(api.GET('/api/operator/dashboard', { params: { query: { plan_id: plan_id ?? '', cycles: 12 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useSetPlanStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ plan_id, status }: { plan_id: string; status: 'open' | 'closed' }) =>
      unwrap(api.POST('/api/plans/{id}/status', { params: { path: { id: plan_id } }, body: { status } })),
    onSuccess: () => client.invalidateQueries({ queryKey: plansKey }),
  });
}

export function useCreatePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanInput) => unwrap(api.POST('/api/plans', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: plansKey }),
  });
}

/** The server's own checks and the notice members would get, for the version as it stands in the form. */
export function usePreviewVersion(plan_id: string) {
  return useMutation({
    mutationFn: (body: VersionInput) => unwrap(api.POST('/api/plans/{id}/versions/preview', { params: { path: { id: plan_id } }, body })),
  });
}

export function useAnnounceVersion(plan_id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VersionInput) => unwrap(api.POST('/api/plans/{id}/versions', { params: { path: { id: plan_id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: plansKey }),
  });
}

/** Member codes: exactly one when the code is whole (M and 12 characters), else the codes starting with it. */
export function useMemberSearch(code: string | undefined) {
  return useQuery({
    queryKey: ['operator', 'members', code],
    enabled: code !== undefined,
    queryFn: () => {
      const text = code ?? '';
      const query = text.length === 13 ? { member_code: text, limit: 50 } : { member_code_prefix: text, limit: 50 };
      return unwrap(api.GET('/api/memberships', { params: { query } }));
    },
  });
}

export function useMembership(membership_id: string) {
  return useQuery({
    queryKey: ['operator', 'membership', membership_id],
    queryFn: () => unwrap(api.GET('/api/memberships/{id}', { params: { path: { id: membership_id } } })),
  });
}

/** The person's other memberships (a person can rejoin, or join another plan). */
export function usePersonMemberships(person_id: string | undefined) {
  return useQuery({
    queryKey: ['operator', 'person-memberships', person_id],
    enabled: person_id !== undefined,
    queryFn: () => unwrap(api.GET('/api/memberships', { params: { query: { person_id: person_id ?? '', limit: 50 } } })),
  });
}
