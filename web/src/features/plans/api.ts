import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';

export function usePlans() {
  return useQuery({ queryKey: ['plans'], queryFn: () => unwrap(api.GET('/api/plans')) });
}

export function usePlan(plan_id: string) {
  return useQuery({ queryKey: ['plans', plan_id], queryFn: () => unwrap(api.GET('/api/plans/{id}', { params: { path: { id: plan_id } } })) });
}

export type PlanWithHistory = NonNullable<ReturnType<typeof usePlan>['data']>['plan'];
export type PlanVersion = PlanWithHistory['versions'][number];
export type PlanRules = PlanVersion['rules'];
