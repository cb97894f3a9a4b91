import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

export type PublicTransferOffer = paths['/api/public/plans/{plan_id}/closure/transfer-offer']['get']['responses'][200]['content']['application/json'];
export type TransferConsent = paths['/api/memberships/{id}/closure/transfer-consent']['get']['responses'][200]['content']['application/json']['consent'];
export type TransferOfferBody = paths['/api/plans/{plan_id}/closure/transfer-offer']['post']['requestBody']['content']['application/json'];

const keys = {
  offer: (plan_id: string) => ['closure', 'transfer-offer', plan_id] as const,
  consent: (membership_id: string) => ['closure', 'transfer-consent', membership_id] as const,
};

/** The plan's transfer offer, or null when it has none (TRANSFER_OFFER_NOT_FOUND). */
export function useTransferOffer(plan_id: string) {
  return useQuery({
    queryKey: keys.offer(plan_id),
    enabled: plan_id !== '',
    queryFn: async (): Promise<PublicTransferOffer | null> => {
      try {
        return await unwrap(api.GET('/api/public/plans/{plan_id}/closure/transfer-offer', { params: { path: { plan_id } } }));
      } catch (error) {
        if (error instanceof ApiError && (error.code === 'TRANSFER_OFFER_NOT_FOUND' || error.code === 'PLAN_NOT_FOUND')) return null;
        throw error;
      }
    },
    retry: false,
  });
}

export function useMakeTransferOffer(plan_id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TransferOfferBody) => unwrap(api.POST('/api/plans/{plan_id}/closure/transfer-offer', { params: { path: { plan_id } }, body })),
    onSettled: () => client.invalidateQueries({ queryKey: keys.offer(plan_id) }),
  });
}

/** The member's own answer; null when the membership's plan made no offer (or it is not hers: the page says so elsewhere). */
export function useTransferConsent(membership_id: string) {
  return useQuery({
    queryKey: keys.consent(membership_id),
    enabled: membership_id !== '',
    queryFn: async (): Promise<TransferConsent | null> => {
      try {
        return (await unwrap(api.GET('/api/memberships/{id}/closure/transfer-consent', { params: { path: { id: membership_id } } }))).consent;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
        throw error;
      }
    },
    retry: false,
  });
}

export function useSetTransferConsent(membership_id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (consent: boolean) =>
      (await unwrap(api.PUT('/api/memberships/{id}/closure/transfer-consent', { params: { path: { id: membership_id } }, body: { consent } }))).consent,
    onSuccess: (consent) => client.setQueryData(keys.consent(membership_id), consent),
  });
}

/** The consenting members' file (administrators only; the server logs every row as a personal-data read). */
export function transferCsvHref(plan_id: string): string {
  return `/api/admin/plans/${encodeURIComponent(plan_id)}/closure/transfer-offer/consents.csv`;
}
