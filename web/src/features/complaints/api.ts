import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

export type MemberComplaint = paths['/api/complaints/mine']['get']['responses'][200]['content']['application/json']['complaints'][number];
export type StaffComplaint = paths['/api/complaints']['get']['responses'][200]['content']['application/json']['complaints'][number];
export type AnyComplaint = MemberComplaint | StaffComplaint;
export type ComplaintState = MemberComplaint['state'];
export type SubjectKind = MemberComplaint['subject_kind'];
export type Outcome = NonNullable<MemberComplaint['outcome']>;
export type OwnClaim = paths['/api/claims/mine']['get']['responses'][200]['content']['application/json']['claims'][number];

export const complaintStates: readonly ComplaintState[] = ['filed', 'assigned', 'responded', 'accepted', 'disputed'];
export const subjectKinds: readonly SubjectKind[] = ['claim', 'share_charge', 'payment', 'payout', 'decision'];
export const outcomes: readonly Outcome[] = ['upheld', 'partly_upheld', 'rejected'];
/** The server's bounds (src/core/complaints/complaint-lifecycle.ts), checked here too so the form says so first. */
export const complaintTextMinChars = 10;
export const complaintTextMaxChars = 2000;
export const outcomeTextMaxChars = 2000;
export const replyTextMaxChars = 1000;

export function isSubjectKind(value: string | null): value is SubjectKind {
  return value !== null && (subjectKinds as readonly string[]).includes(value);
}

/** Characters as people count them (code points), as the server does. */
export function lengthChars(text: string): number {
  return [...text.trim()].length;
}

const mineKey = ['complaints', 'mine'] as const;

export function useMyComplaints() {
  return useQuery({ queryKey: mineKey, queryFn: async () => (await unwrap(api.GET('/api/complaints/mine'))).complaints });
}

/** My claims, to pick what a complaint is about. */
export function useMyClaims() {
  return useQuery({ queryKey: ['complaints', 'claims'], queryFn: async () => (await unwrap(api.GET('/api/claims/mine'))).claims });
}

/** One complaint: mine, or (staff) any; someone else's is COMPLAINT_NOT_FOUND. */
export function useComplaint(id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['complaints', 'one', id],
    queryFn: async () => (await unwrap(api.GET('/api/complaints/{id}', { params: { path: { id } } }))).complaint as AnyComplaint,
    retry: false,
  });
}

export function useFileComplaint() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, key }: { body: { subject_kind: SubjectKind; subject_id: string; text: string }; key: string }) =>
      (await unwrap(api.POST('/api/complaints', { params: { header: { 'idempotency-key': key } }, body }))).complaint,
    onSuccess: () => client.invalidateQueries({ queryKey: ['complaints'] }),
  });
}

export function useReply(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { reply: 'accept' | 'dispute'; reply_text?: string }) => (await unwrap(api.POST('/api/complaints/{id}/reply', { params: { path: { id } }, body }))).complaint,
    onSuccess: () => client.invalidateQueries({ queryKey: ['complaints'] }),
  });
}

export interface QueueFilters {
  readonly state: string;
  readonly overdue: string;
  readonly owner: string;
}

export function useQueue(filters: QueueFilters) {
  const query = {
    ...(filters.state === '' ? {} : { state: filters.state as ComplaintState }),
    ...(filters.overdue === '' ? {} : { overdue: filters.overdue as 'true' | 'false' }),
    ...(filters.owner === '' ? {} : { owner: filters.owner }),
  };
  return useQuery({ queryKey: ['complaints', 'queue', query], queryFn: async () => (await unwrap(api.GET('/api/complaints', { params: { query } }))).complaints });
}

export function useOwners() {
  return useQuery({ queryKey: ['complaints', 'owners'], queryFn: async () => (await unwrap(api.GET('/api/complaints/owners'))).owners, staleTime: 60_000 });
}

export function useAssign(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (owner_user_id: string) => (await unwrap(api.POST('/api/complaints/{id}/assign', { params: { path: { id } }, body: { owner_user_id } }))).complaint,
    onSuccess: () => client.invalidateQueries({ queryKey: ['complaints'] }),
  });
}

export function useRespond(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { outcome: Outcome; outcome_text: string }) => (await unwrap(api.POST('/api/complaints/{id}/respond', { params: { path: { id } }, body }))).complaint,
    onSuccess: () => client.invalidateQueries({ queryKey: ['complaints'] }),
  });
}

/** Staff see who did what: the staff fields are there. */
export function isStaffView(complaint: AnyComplaint): complaint is StaffComplaint {
  return 'owner_user_id' in complaint;
}
