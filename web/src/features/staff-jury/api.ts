import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

export type JuryOverview = paths['/api/juries/{id}']['get']['responses'][200]['content']['application/json'];
export type JuryPhase = JuryOverview['phase'];
export type JuryRecord = paths['/api/claims/{id}/jury']['get']['responses'][200]['content']['application/json'];

export const juryPhases: readonly JuryPhase[] = ['to_open', 'voting', 'counting', 'closed'];
const pageSize = 50;
/** While a vote runs, its count is fetched again this often (a count only; the page never waits on it). */
const votingRefresh_ms = 15_000;

const keys = {
  list: (phase: JuryPhase | undefined) => ['staff-jury', 'list', phase ?? 'all'] as const,
  overview: (claim_id: string) => ['staff-jury', 'overview', claim_id] as const,
  record: (claim_id: string) => ['staff-jury', 'record', claim_id] as const,
};

/** The juries page, newest claim first, one page of 50 at a time. */
export function useJuries(phase: JuryPhase | undefined) {
  return useInfiniteQuery({
    queryKey: keys.list(phase),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/juries', { params: { query: { limit: pageSize, ...(phase === undefined ? {} : { phase }), ...(pageParam === undefined ? {} : { after: pageParam }) } } })),
    getNextPageParam: (last) => last.next_after ?? undefined,
  });
}

/** A claim's jury as the operator follows it: phase, window, votes cast (a count only). */
export function useJuryOverview(claim_id: string) {
  return useQuery({
    queryKey: keys.overview(claim_id),
    queryFn: () => unwrap(api.GET('/api/juries/{id}', { params: { path: { id: claim_id } } })),
    refetchInterval: (query) => (query.state.data?.phase === 'voting' ? votingRefresh_ms : false),
  });
}

/** The public record (seed and its inputs, eligible codes, panel; counts and verdict once closed). */
export function useJuryRecord(claim_id: string, enabled: boolean) {
  return useQuery({ queryKey: keys.record(claim_id), queryFn: () => unwrap(api.GET('/api/claims/{id}/jury', { params: { path: { id: claim_id } } })), enabled });
}

function useRefresh(claim_id: string) {
  const client = useQueryClient();
  return async (record: JuryRecord) => {
    client.setQueryData(keys.record(claim_id), record);
    await Promise.all([client.invalidateQueries({ queryKey: keys.overview(claim_id) }), client.invalidateQueries({ queryKey: ['staff-jury', 'list'] })]);
  };
}

export function useOpenJury(claim_id: string) {
  const refresh = useRefresh(claim_id);
  return useMutation({
    mutationFn: (window_hours: number) => unwrap(api.POST('/api/claims/{id}/jury/open', { params: { path: { id: claim_id } }, body: { window_hours } })),
    onSuccess: refresh,
  });
}

export function useCloseJury(claim_id: string) {
  const refresh = useRefresh(claim_id);
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/claims/{id}/jury/close', { params: { path: { id: claim_id } } })),
    onSuccess: refresh,
  });
}

export function useDecideAfterJury(claim_id: string) {
  const refresh = useRefresh(claim_id);
  return useMutation({
    mutationFn: (body: { decision: 'approve' | 'reject'; reason: string }) => unwrap(api.POST('/api/claims/{id}/jury/decision', { params: { path: { id: claim_id } }, body })),
    onSuccess: refresh,
  });
}

/** SHA-256(case_number + "|" + ledger_hash_hex), as the server fixed the seed, recomputed here. */
export async function recomputeSeed(case_number: string, ledger_hash_hex: string): Promise<string> {
  // @noble/hashes rather than WebCrypto: crypto.subtle is missing on plain-http pages.
  const [{ sha256 }, { bytesToHex, utf8ToBytes }] = await Promise.all([import('@noble/hashes/sha2.js'), import('@noble/hashes/utils.js')]);
  return bytesToHex(sha256(utf8ToBytes(`${case_number}|${ledger_hash_hex}`)));
}
