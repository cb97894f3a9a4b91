import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';

export function usePlans() {
  return useQuery({ queryKey: ['plans'], queryFn: () => unwrap(api.GET('/api/plans')) });
}

export function useCycles(plan_id: string | undefined) {
  return useQuery({
    queryKey: ['public-cycles', plan_id ?? '', 100],
    enabled: plan_id !== undefined,
    queryFn: () => unwrap(api.GET('/api/public/cycles', { params: { query: { plan_id, limit: 100 } } })),
  });
}

export function useCycle(cycle_id: string) {
  return useQuery({ queryKey: ['public-cycle', cycle_id], queryFn: () => unwrap(api.GET('/api/public/cycles/{cycle_id}', { params: { path: { cycle_id } } })) });
}

export function usePlanStatistics(plan_id: string | undefined) {
  return useQuery({
    queryKey: ['public-statistics', plan_id ?? ''],
    enabled: plan_id !== undefined,
    queryFn: () => unwrap(api.GET('/api/public/statistics', { params: { query: { plan_id } } })),
  });
}

export function useCaseBreakdowns(plan_id: string | undefined) {
  return useQuery({
    queryKey: ['public-statistics-cases', plan_id ?? ''],
    enabled: plan_id !== undefined,
    queryFn: () => unwrap(api.GET('/api/public/statistics/cases', { params: { query: { plan_id } } })),
  });
}

export type Plan = NonNullable<ReturnType<typeof usePlans>['data']>['plans'][number];
export type CycleSummary = NonNullable<ReturnType<typeof useCycles>['data']>['cycles'][number];
export type CycleReport = NonNullable<ReturnType<typeof useCycle>['data']>;
export type Statistics = NonNullable<ReturnType<typeof usePlanStatistics>['data']>;
export type CaseBreakdowns = NonNullable<ReturnType<typeof useCaseBreakdowns>['data']>;
export type CaseBreakdown = CaseBreakdowns['per_cycle'][number];
