import { useQuery } from '@tanstack/react-query';
import { ApiError, api, unwrap } from './client';
import type { paths } from './schema';

export type PlanClosure = paths['/api/public/plans/{plan_id}/closure']['get']['responses'][200]['content']['application/json']['closure'];

/** While refunds are out at the payment provider, a page that follows them reads the status again this often. */
const refundPollMs = 2_000;

/**
 * A plan's closure, or null when none is announced (CLOSURE_NOT_FOUND): the plan, membership and
 * wallet pages then say nothing of it. One cache entry per plan, shared by every page that asks;
 * the closure pages ask to follow the refunds' outcomes while some are out.
 */
export function usePlanClosure(plan_id: string, options: { readonly followRefunds?: boolean } = {}) {
  return useQuery({
    queryKey: ['closure', 'status', plan_id],
    enabled: plan_id !== '',
    queryFn: async (): Promise<PlanClosure | null> => {
      try {
        return (await unwrap(api.GET('/api/public/plans/{plan_id}/closure', { params: { path: { plan_id } } }))).closure;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CLOSURE_NOT_FOUND') return null;
        throw error;
      }
    },
    retry: false,
    refetchInterval: (query) =>
      options.followRefunds === true && query.state.data?.refunds.some((row) => row.refund_state === 'pending') === true ? refundPollMs : false,
  });
}
