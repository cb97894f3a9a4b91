import { useQuery } from '@tanstack/react-query';
import { ApiError, api, unwrap } from './client';

/**
 * A plan's closure, or null when none is announced (CLOSURE_NOT_FOUND): the plan, membership and
 * wallet pages then say nothing of it. One cache entry per plan, shared by every page that asks.
 */
export function usePlanClosure(plan_id: string) {
  return useQuery({
    queryKey: ['closure', 'status', plan_id],
    enabled: plan_id !== '',
    queryFn: async () => {
      try {
        return (await unwrap(api.GET('/api/public/plans/{plan_id}/closure', { params: { path: { plan_id } } }))).closure;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CLOSURE_NOT_FOUND') return null;
        throw error;
      }
    },
    retry: false,
  });
}
