import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

type Json<P extends keyof paths, M extends 'get' | 'post'> = paths[P][M] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type QueueItem = Json<'/api/claims/queue', 'get'>['claims'][number];
export type ClaimState = QueueItem['state'];
export type StaffClaim = Json<'/api/claims/{id}', 'get'>['claim'];
export type RuleCheck = StaffClaim['checks'][number];
export type AuditEvent = Json<'/api/claims/{id}/audit', 'get'>['events'][number];
export type Plan = Json<'/api/plans', 'get'>['plans'][number];
export type Transition = Json<'/api/claims/{id}/start-review', 'post'>;
type RejectBody = NonNullable<paths['/api/claims/{id}/reject']['post']['requestBody']>['content']['application/json'];
export type RejectCode = RejectBody['reason_code'];
/** The fixed list of rejection reasons (fraud is recorded apart, by an operator). */
export const rejectCodes: readonly RejectCode[] = ['INSUFFICIENT_EVIDENCE', 'DIAGNOSIS_NOT_MET', 'ILLNESS_NOT_COVERED', 'PRE_EXISTING_CONDITION', 'NOT_COVERED_AT_DIAGNOSIS', 'OBJECTION_UPHELD'];

/** The queue's filters as they stand in the URL (strings, empty when unset). */
export interface QueueFilters {
  readonly state: string;
  readonly plan_id: string;
  readonly illness_code: string;
  readonly age_from: string;
  readonly age_to: string;
  readonly min_days_waiting: string;
  readonly assigned_to: string;
}

export const filterNames = ['state', 'plan_id', 'illness_code', 'age_from', 'age_to', 'min_days_waiting', 'assigned_to'] as const satisfies ReadonlyArray<keyof QueueFilters>;

export const queuePageSize = 50;

/** Only the filters that are set, typed as the API's query (numbers as numbers). */
function queueQuery(filters: QueueFilters) {
  const number = (value: string) => (value === '' ? undefined : Number(value));
  return {
    plan_id: filters.plan_id || undefined,
    illness_code: filters.illness_code || undefined,
    age_from: number(filters.age_from),
    age_to: number(filters.age_to),
    min_days_waiting: number(filters.min_days_waiting),
    assigned_to: filters.assigned_to || undefined,
  };
}

const keys = {
  queue: (filters: QueueFilters, after: string | undefined) => ['staff-claims', 'queue', filters, after ?? ''] as const,
  counts: (filters: QueueFilters) => ['staff-claims', 'counts', filters] as const,
  claim: (id: string) => ['staff-claims', 'claim', id] as const,
  notes: (id: string) => ['staff-claims', 'notes', id] as const,
  audit: (id: string) => ['staff-claims', 'audit', id] as const,
};

export function useQueue(filters: QueueFilters, after: string | undefined) {
  return useQuery({
    queryKey: keys.queue(filters, after),
    queryFn: () =>
      unwrap(
        api.GET('/api/claims/queue', {
          params: { query: { ...queueQuery(filters), state: (filters.state || undefined) as ClaimState | undefined, after, limit: queuePageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useQueueCounts(filters: QueueFilters) {
  return useQuery({ queryKey: keys.counts(filters), queryFn: () => unwrap(api.GET('/api/claims/queue/counts', { params: { query: queueQuery(filters) } })), placeholderData: keepPreviousData });
}

export function usePlans() {
  return useQuery({ queryKey: ['plans', 'list'], queryFn: () => unwrap(api.GET('/api/plans')), staleTime: 5 * 60_000 });
}

/** The investigators a reviewer may assign (reviewers only: others never ask). */
export function useInvestigators(enabled: boolean) {
  return useQuery({ queryKey: ['staff-claims', 'investigators'], queryFn: () => unwrap(api.GET('/api/claims/investigators')), enabled, staleTime: 5 * 60_000 });
}

export function useStaffClaim(id: string) {
  return useQuery({ queryKey: keys.claim(id), queryFn: () => unwrap(api.GET('/api/claims/{id}', { params: { path: { id } } })) });
}

export function useNotes(id: string) {
  return useQuery({ queryKey: keys.notes(id), queryFn: () => unwrap(api.GET('/api/claims/{id}/notes', { params: { path: { id }, query: { limit: 100 } } })) });
}

export function useAudit(id: string) {
  return useQuery({ queryKey: keys.audit(id), queryFn: () => unwrap(api.GET('/api/claims/{id}/audit', { params: { path: { id } } })) });
}

export function useAddNote(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => unwrap(api.POST('/api/claims/{id}/notes', { params: { path: { id } }, body: { body } })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.notes(id) }),
  });
}

/** A staff decision on the claim; `seen` is the claim's state_changed_at as the page showed it. */
export type Decision =
  | { readonly kind: 'start-review' | 'approve-for-notice' | 'publish-notice' | 'end-notice' }
  | { readonly kind: 'investigation'; readonly investigator_user_id: string }
  | { readonly kind: 'findings'; readonly findings: string; readonly recommendation: 'approve' | 'reject' }
  | { readonly kind: 'reject'; readonly reason_code: RejectCode; readonly reason_text: string }
  | { readonly kind: 'fraud'; readonly finding: string }
  | { readonly kind: 'resolve'; readonly objection_id: string; readonly decision: 'dismiss' | 'uphold' | 'refer_to_jury'; readonly resolution: string }
  | { readonly kind: 'appeal'; readonly decision: 'refer_to_jury' | 'close_rejection'; readonly reason: string };

function send(id: string, seen: string, decision: Decision) {
  const path = { id };
  const expected_state_changed_at = seen;
  switch (decision.kind) {
    case 'start-review':
      return unwrap(api.POST('/api/claims/{id}/start-review', { params: { path }, body: { expected_state_changed_at } }));
    case 'approve-for-notice':
      return unwrap(api.POST('/api/claims/{id}/approve-for-notice', { params: { path }, body: { expected_state_changed_at } }));
    case 'publish-notice':
      return unwrap(api.POST('/api/claims/{id}/publish-notice', { params: { path }, body: { expected_state_changed_at } }));
    case 'end-notice':
      return unwrap(api.POST('/api/claims/{id}/end-notice', { params: { path }, body: { expected_state_changed_at } }));
    case 'investigation':
      return unwrap(api.POST('/api/claims/{id}/investigation', { params: { path }, body: { investigator_user_id: decision.investigator_user_id, expected_state_changed_at } }));
    case 'findings':
      return unwrap(api.POST('/api/claims/{id}/findings', { params: { path }, body: { findings: decision.findings, recommendation: decision.recommendation, expected_state_changed_at } }));
    case 'appeal':
      return unwrap(api.POST('/api/claims/{id}/appeal/decision', { params: { path }, body: { decision: decision.decision, reason: decision.reason, expected_state_changed_at } }));
    case 'reject':
      return unwrap(api.POST('/api/claims/{id}/reject', { params: { path }, body: { reason_code: decision.reason_code, reason_text: decision.reason_text, expected_state_changed_at } }));
    case 'fraud':
      return unwrap(api.POST('/api/claims/{id}/fraud', { params: { path }, body: { finding: decision.finding, expected_state_changed_at } }));
    case 'resolve':
      return unwrap(
        api.POST('/api/claims/{id}/objections/{objection_id}/resolve', {
          params: { path: { id, objection_id: decision.objection_id } },
          body: { decision: decision.decision, resolution: decision.resolution, expected_state_changed_at },
        }),
      );
  }
}

/** The claim's current state when a decision was refused because it changed meanwhile. */
export function changedState(error: unknown): { state: string; state_changed_at: string } | undefined {
  if (!(error instanceof ApiError) || error.code !== 'CLAIM_CHANGED') return undefined;
  const details = error.details as { state?: unknown; state_changed_at?: unknown } | null;
  return typeof details?.state === 'string' && typeof details.state_changed_at === 'string' ? { state: details.state, state_changed_at: details.state_changed_at } : undefined;
}

/** Sends one decision; afterwards the claim, its trail and the queues are fetched again. */
export function useDecision(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ seen, decision }: { seen: string; decision: Decision }) => send(id, seen, decision),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: keys.claim(id) }),
        client.invalidateQueries({ queryKey: keys.audit(id) }),
        client.invalidateQueries({ queryKey: ['staff-claims', 'queue'] }),
        client.invalidateQueries({ queryKey: ['staff-claims', 'counts'] }),
      ]),
  });
}

/** Where the workbench shows an evidence file inline (same origin; the server checks the role). */
export function evidenceUrl(claim_id: string, sha256: string): string {
  return `/api/claims/${encodeURIComponent(claim_id)}/evidence/${sha256}?inline=1`;
}

export function reloadClaim(client: ReturnType<typeof useQueryClient>, id: string) {
  return Promise.all([client.invalidateQueries({ queryKey: keys.claim(id) }), client.invalidateQueries({ queryKey: keys.audit(id) })]);
}
