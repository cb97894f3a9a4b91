import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';

export function usePlans() {
  return useQuery({ queryKey: ['plans'], queryFn: () => unwrap(api.GET('/api/plans')) });
}

/** The plan's newest published cases (the ones in notice are the newest). */
export function usePlanCases(plan_id: string) {
  return useQuery({
    queryKey: ['public-cases', plan_id],
    queryFn: () => unwrap(api.GET('/api/public/cases', { params: { query: { plan_id, limit: 50 } } })),
  });
}

/** The plan's last cycle: how many members shared it, which the estimate divides by. */
export function useLastCycle(plan_id: string) {
  return useQuery({
    queryKey: ['public-cycles', plan_id, 1],
    queryFn: async () => (await unwrap(api.GET('/api/public/cycles', { params: { query: { plan_id, limit: 1 } } }))).cycles[0] ?? null,
  });
}

/** The people the logged-in user pays for, with their memberships (to object as one of them). */
export function useHousehold(enabled: boolean) {
  return useQuery({ queryKey: ['members-me'], queryFn: () => unwrap(api.GET('/api/members/me')), enabled });
}

export function useObjection(case_number: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { membership_id: string; reason: string }) => unwrap(api.POST('/api/claims/{id}/objections', { params: { path: { id: case_number } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['public-cases'] }),
  });
}

export type PlanList = NonNullable<ReturnType<typeof usePlans>['data']>['plans'];
export type Plan = PlanList[number];
export type LastCycle = NonNullable<ReturnType<typeof useLastCycle>['data']>;
export type Household = NonNullable<ReturnType<typeof useHousehold>['data']>;
