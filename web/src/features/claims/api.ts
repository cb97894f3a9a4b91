import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';
import { uploadForm, type UploadProgress } from '../../shared/api/upload';

export type OwnClaim = paths['/api/claims/mine']['get']['responses'][200]['content']['application/json']['claims'][number];
export type ClaimState = OwnClaim['state'];
export type Household = paths['/api/members/me']['get']['responses'][200]['content']['application/json'];
export type Plan = paths['/api/plans']['get']['responses'][200]['content']['application/json']['plans'][number];
export type SubmittedClaim = paths['/api/claims']['post']['responses'][201]['content']['application/json'];

export const myClaimsKey = ['claims', 'mine'] as const;

/** The claims of the memberships I pay for, with their histories (newest first). */
export function useMyClaims() {
  return useQuery({ queryKey: myClaimsKey, queryFn: () => unwrap(api.GET('/api/claims/mine')) });
}

/** The people I pay for and their memberships: whom a claim can be for. */
export function useHousehold() {
  return useQuery({ queryKey: ['claims', 'household'], queryFn: () => unwrap(api.GET('/api/members/me')) });
}

/** Every plan with its covered illnesses (public), for the illness list and names. */
export function usePlans() {
  return useQuery({ queryKey: ['plans', 'list'], queryFn: () => unwrap(api.GET('/api/plans')), staleTime: 5 * 60_000 });
}

export interface ClaimForm {
  readonly membership_id: string;
  readonly illness_code: string;
  readonly diagnosis_date: string;
  readonly hospital: string;
  readonly files: readonly File[];
}

/** Files a claim, reporting the upload's progress; the list of claims is fetched again after. */
export function useSubmitClaim(onProgress: (progress: UploadProgress) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (claim: ClaimForm) => {
      const form = new FormData();
      // The text fields come first, so the server has them before the (large) files stream in.
      form.append('membership_id', claim.membership_id);
      form.append('illness_code', claim.illness_code);
      form.append('diagnosis_date', claim.diagnosis_date);
      form.append('hospital', claim.hospital);
      for (const file of claim.files) form.append('files', file, file.name);
      return uploadForm<SubmittedClaim>('/api/claims', form, { onProgress });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['claims'] }),
  });
}

export function useAppeal(claim_id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => unwrap(api.POST('/api/claims/{id}/appeal', { params: { path: { id: claim_id } }, body: { reason } })),
    onSuccess: () => client.invalidateQueries({ queryKey: myClaimsKey }),
  });
}
