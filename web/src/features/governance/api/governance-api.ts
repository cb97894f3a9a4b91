import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api/client';

export type MemberProposal = Awaited<ReturnType<typeof fetchMine>>['proposals'][number];
export type Proposal = Awaited<ReturnType<typeof fetchPublic>>['proposals'][number];
export type RuleChange = Proposal['changes'][number];
export type Plan = Awaited<ReturnType<typeof fetchPlans>>['plans'][number];
export type VoteChoice = 'yes' | 'no' | 'abstain';

const keys = {
  mine: ['governance', 'mine'] as const,
  one: (id: string) => ['governance', 'one', id] as const,
  staff: (plan_id: string) => ['governance', 'staff', plan_id] as const,
  public: (plan_id: string) => ['governance', 'public', plan_id] as const,
  plans: ['governance', 'plans'] as const,
};

const fetchMine = () => unwrap(api.GET('/api/proposals'));
const fetchOne = (id: string) => unwrap(api.GET('/api/proposals/{id}', { params: { path: { id } } }));
const fetchStaff = (plan_id: string) => unwrap(api.GET('/api/plans/{id}/proposals', { params: { path: { id: plan_id } } }));
const fetchPublic = (plan_id: string) => unwrap(api.GET('/api/public/plans/{id}/proposals', { params: { path: { id: plan_id } } }));
const fetchPlans = () => unwrap(api.GET('/api/plans'));

/** Proposals in the plans I pay a membership of. */
export function useMyProposals() {
  return useQuery({ queryKey: keys.mine, queryFn: fetchMine });
}

export function useMyProposal(id: string) {
  return useQuery({ queryKey: keys.one(id), queryFn: () => fetchOne(id) });
}

export function useStaffProposals(plan_id: string) {
  return useQuery({ queryKey: keys.staff(plan_id), queryFn: () => fetchStaff(plan_id), enabled: plan_id !== '' });
}

export function usePublicProposals(plan_id: string) {
  return useQuery({ queryKey: keys.public(plan_id), queryFn: () => fetchPublic(plan_id) });
}

export function usePlans() {
  return useQuery({ queryKey: keys.plans, queryFn: fetchPlans });
}

export function useCastVote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { choice: VoteChoice; membership_id?: string }) => unwrap(api.POST('/api/proposals/{id}/vote', { params: { path: { id } }, body })),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: keys.one(id) }), client.invalidateQueries({ queryKey: keys.mine })]),
  });
}

export function useLeave(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, membership_id }: { key: string; membership_id?: string }) =>
      unwrap(api.POST('/api/proposals/{id}/leave', { params: { path: { id }, header: { 'idempotency-key': key } }, body: membership_id === undefined ? {} : { membership_id } })),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: keys.one(id) }), client.invalidateQueries({ queryKey: keys.mine })]),
  });
}

export function usePreview(plan_id: string) {
  return useMutation({ mutationFn: (rules: unknown) => unwrap(api.POST('/api/plans/{id}/proposals/preview', { params: { path: { id: plan_id } }, body: { rules } })) });
}

export function useCreateProposal(plan_id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, rules, note }: { key: string; rules: unknown; note: string }) =>
      unwrap(api.POST('/api/plans/{id}/proposals', { params: { path: { id: plan_id }, header: { 'idempotency-key': key } }, body: { rules, note } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.staff(plan_id) }),
  });
}

export function useOpenProposal(plan_id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/proposals/{id}/open', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.staff(plan_id) }),
  });
}
