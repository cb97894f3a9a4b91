import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api/client';

/** The operator's ed25519 key that signs every cycle header (public). */
export function useOperatorKey() {
  return useQuery({
    queryKey: ['verify', 'operator-key'],
    queryFn: () => unwrap(api.GET('/api/public/operator-key')),
    staleTime: 5 * 60_000,
  });
}

/** The published cycles, newest first: those with a root, whose export can be verified. */
export function usePublishedCycles() {
  return useQuery({
    queryKey: ['verify', 'cycles'],
    queryFn: async () => (await unwrap(api.GET('/api/public/cycles', { params: { query: { limit: 100 } } }))).cycles.filter((cycle) => cycle.merkle_root_hex !== null),
  });
}

/** One cycle's report: its figures and the signed header line of its export. */
export function usePublicCycle(cycle_id: string | null) {
  return useQuery({
    queryKey: ['verify', 'cycle', cycle_id],
    queryFn: () => unwrap(api.GET('/api/public/cycles/{cycle_id}', { params: { path: { cycle_id: cycle_id ?? '' } } })),
    enabled: cycle_id !== null,
  });
}

/** The logged-in member's own proof for one membership and cycle (the member pages link here). */
export function useMembershipProof(request: { membership_id: string; cycle_id: string } | null) {
  return useQuery({
    queryKey: ['verify', 'membership-proof', request?.membership_id, request?.cycle_id],
    queryFn: () =>
      unwrap(
        api.GET('/api/memberships/{id}/cycles/{cycle_id}/proof', {
          params: { path: { id: request?.membership_id ?? '', cycle_id: request?.cycle_id ?? '' } },
        }),
      ),
    enabled: request !== null,
  });
}
