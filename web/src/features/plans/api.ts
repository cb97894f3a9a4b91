import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';

export function usePlans() {
  return useQuery({ queryKey: ['plans'], queryFn: () => unwrap(api.GET('/api/plans')) });
}

/**
 * One plan with its versions. The cache entry ['plans', id] is shared with the member pages (the
 * join page, the wallet), which keep the plan itself there: so does this one, or opening the join
 * page from a plan's page would find the whole answer ({ plan }) in its place.
 */
export function usePlan(plan_id: string) {
  return useQuery({ queryKey: ['plans', plan_id], queryFn: async () => (await unwrap(api.GET('/api/plans/{id}', { params: { path: { id: plan_id } } }))).plan });
}

export type PlanWithHistory = NonNullable<ReturnType<typeof usePlan>['data']>;
export type PlanVersion = PlanWithHistory['versions'][number];
export type PlanRules = PlanVersion['rules'];
