import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

export type OperatorSettings = paths['/api/settings/operator']['get']['responses'][200]['content']['application/json'];
export type OperatorInfoInput = paths['/api/settings/operator']['put']['requestBody']['content']['application/json'];
export type PublicOperator = NonNullable<paths['/api/public/operator']['get']['responses'][200]['content']['application/json']['operator']>;

export const operatorFields = ['operator_name', 'licence_number', 'supervisor', 'custodian_bank', 'custodian_account', 'complaint_phone', 'complaint_email'] as const;
export type OperatorField = (typeof operatorFields)[number] | 'complaint_response_days';

/** The public details (null until an admin has saved them). */
export function usePublicOperator() {
  return useQuery({ queryKey: ['operator-info', 'public'], queryFn: async () => (await unwrap(api.GET('/api/public/operator'))).operator });
}

export function useOperatorSettings() {
  return useQuery({ queryKey: ['operator-info', 'settings'], queryFn: () => unwrap(api.GET('/api/settings/operator')) });
}

export function useSaveOperatorSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: OperatorInfoInput) => (await unwrap(api.PUT('/api/settings/operator', { body }))).current,
    onSuccess: () => client.invalidateQueries({ queryKey: ['operator-info'] }),
  });
}
