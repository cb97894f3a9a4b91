import { useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../shared/api/client';

export function useCase(case_number: string) {
  return useQuery({
    queryKey: ['public-case', case_number],
    queryFn: () => unwrap(api.GET('/api/public/cases/{case_number}', { params: { path: { case_number } } })),
  });
}

/** The jury's public record, or null when the case never went to a jury (JURY_NOT_FOUND). */
export function useJury(case_number: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['public-jury', case_number],
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/claims/{id}/jury', { params: { path: { id: case_number } } }));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'JURY_NOT_FOUND') return null;
        throw error;
      }
    },
  });
}

export type JuryRecord = NonNullable<NonNullable<ReturnType<typeof useJury>['data']>>;
