import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import { usePlanClosure, type PlanClosure } from '../../shared/api/plan-closure';
import type { paths } from '../../shared/api/schema';

export type ClosureStatus = PlanClosure;
export type ClosureLine = paths['/api/memberships/{id}/closure']['get']['responses'][200]['content']['application/json'];
export type LastCyclesPayer = ClosureStatus['last_cycles_paid_by'];

const keys = {
  status: (plan_id: string) => ['closure', 'status', plan_id] as const,
  line: (membership_id: string) => ['closure', 'line', membership_id] as const,
};

/** A plan's closure, or null when none is announced; the closure pages follow the refunds while some are out. */
export function useClosureStatus(plan_id: string) {
  return usePlanClosure(plan_id, { followRefunds: true });
}

/**
 * The plan itself, for its name in the page titles. The cache entry ['plans', id] holds the plan
 * (not the whole answer), as the plans and member pages keep it there.
 */
export function usePlan(plan_id: string) {
  return useQuery({
    queryKey: ['plans', plan_id],
    enabled: plan_id !== '',
    queryFn: async () => (await unwrap(api.GET('/api/plans/{id}', { params: { path: { id: plan_id } } }))).plan,
  });
}

export function useClosureLine(membership_id: string) {
  return useQuery({
    queryKey: keys.line(membership_id),
    queryFn: () => unwrap(api.GET('/api/memberships/{id}/closure', { params: { path: { id: membership_id } } })),
    retry: false,
  });
}

export function useOperatorKey() {
  return useQuery({ queryKey: ['operator-key'], queryFn: () => unwrap(api.GET('/api/public/operator-key')) });
}

export function usePlanIds() {
  return useQuery({ queryKey: ['plans'], queryFn: () => unwrap(api.GET('/api/plans')) });
}

export function useAnnounceClosure(plan_id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { closure_date: string; last_cycles_paid_by: LastCyclesPayer }) =>
      unwrap(api.POST('/api/plans/{plan_id}/closure', { params: { path: { plan_id } }, body })),
    onSettled: () => client.invalidateQueries({ queryKey: keys.status(plan_id) }),
  });
}

export type ClosureStep = 'close' | 'refunds' | 'receivables' | 'finalise';

/** Runs one step; refunds and write-offs move money and carry the Idempotency-Key the caller keeps for a retry. */
export function useClosureStep(plan_id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { step: ClosureStep; key: string }) => {
      const path = { plan_id };
      switch (input.step) {
        case 'close':
          return unwrap(api.POST('/api/plans/{plan_id}/closure/close', { params: { path } }));
        case 'refunds':
          return unwrap(api.POST('/api/plans/{plan_id}/closure/refunds', { params: { path, header: { 'idempotency-key': input.key } } }));
        case 'receivables':
          return unwrap(api.POST('/api/plans/{plan_id}/closure/receivables', { params: { path, header: { 'idempotency-key': input.key } } }));
        case 'finalise':
          return unwrap(api.POST('/api/plans/{plan_id}/closure/finalise', { params: { path } }));
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: keys.status(plan_id) }),
  });
}
