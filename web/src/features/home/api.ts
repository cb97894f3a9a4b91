import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';

export function usePlans() {
  return useQuery({ queryKey: ['plans'], queryFn: () => unwrap(api.GET('/api/plans')) });
}

export function useStatistics() {
  return useQuery({ queryKey: ['public-statistics'], queryFn: () => unwrap(api.GET('/api/public/statistics')) });
}
