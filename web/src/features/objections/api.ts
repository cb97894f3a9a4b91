import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

export type OwnObjection = paths['/api/objections/mine']['get']['responses'][200]['content']['application/json']['objections'][number];

/** The objections I raised ("I object" on a case in notice) and how each was resolved. */
export function useMyObjections() {
  return useQuery({ queryKey: ['objections', 'mine'], queryFn: () => unwrap(api.GET('/api/objections/mine')) });
}
