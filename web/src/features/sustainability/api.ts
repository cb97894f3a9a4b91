import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';

/** How many of a plan's last cycles the metrics page reads: two years of cycles on the 7th and 21st. */
export const metricCycleCount = 48;

const keys = {
  plans: ['sustainability', 'plans'] as const,
  metrics: (plan_id: string) => ['sustainability', 'metrics', plan_id] as const,
  alerts: (plan_id: string) => ['sustainability', 'alerts', plan_id] as const,
  health: (plan_id: string) => ['sustainability', 'health', plan_id] as const,
};

const fetchMetrics = (plan_id: string) =>
  unwrap(api.GET('/api/sustainability/plans/{plan_id}/metrics', { params: { path: { plan_id }, query: { cycles: metricCycleCount } } }));
const fetchAlerts = (plan_id: string) => unwrap(api.GET('/api/sustainability/plans/{plan_id}/alerts', { params: { path: { plan_id } } }));
const fetchHealth = (plan_id: string) => unwrap(api.GET('/api/public/plans/{plan_id}/health', { params: { path: { plan_id } } }));

export type PlanMetrics = Awaited<ReturnType<typeof fetchMetrics>>;
export type CycleEntry = PlanMetrics['cycles'][number];
export type CycleMetrics = CycleEntry['cycle'];
export type RollingMetrics = CycleEntry['rolling'];
export type StaffAlert = Awaited<ReturnType<typeof fetchAlerts>>['alerts'][number];
export type PlanHealth = Awaited<ReturnType<typeof fetchHealth>>['health'];
export type PublicAlert = PlanHealth['alerts'][number];
export type Plan = Awaited<ReturnType<typeof fetchPlans>>['plans'][number];

const fetchPlans = () => unwrap(api.GET('/api/plans'));

export function usePlans() {
  return useQuery({ queryKey: keys.plans, queryFn: fetchPlans, staleTime: 60_000 });
}

export function useMetrics(plan_id: string | undefined) {
  return useQuery({ queryKey: keys.metrics(plan_id ?? ''), enabled: plan_id !== undefined, queryFn: () => fetchMetrics(plan_id ?? '') });
}

export function useAlerts(plan_id: string) {
  return useQuery({ queryKey: keys.alerts(plan_id), queryFn: () => fetchAlerts(plan_id) });
}

export function usePlanHealth(plan_id: string) {
  return useQuery({ queryKey: keys.health(plan_id), queryFn: () => fetchHealth(plan_id) });
}

/**
 * Recomputes every completed cycle's metrics. The server makes it idempotent (the same figures
 * again, no alert raised twice, no money moved), so a second click only does the work again.
 */
export function useRecompute(plan_id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/sustainability/plans/{plan_id}/recompute', { params: { path: { plan_id } } })),
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: keys.metrics(plan_id) }), client.invalidateQueries({ queryKey: keys.alerts(plan_id) })]);
    },
  });
}
