import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/schema';

export type ExportTableDoc = paths['/api/exports']['get']['responses'][200]['content']['application/json']['tables'][number];
export type ExportColumnDoc = ExportTableDoc['columns'][number];
export type ExportFilterName = ExportTableDoc['filters'][number];
export type PlanSummary = paths['/api/plans']['get']['responses'][200]['content']['application/json']['plans'][number];

/** The CSV tables and their columns, as the server documents them (the same list writes the files). */
export function useExportTables() {
  return useQuery({ queryKey: ['audit', 'exports'], queryFn: () => unwrap(api.GET('/api/exports')), staleTime: 10 * 60_000 });
}

/** The plans (public), for the plan filter of the downloads. */
export function usePlans() {
  return useQuery({ queryKey: ['plans', 'list'], queryFn: () => unwrap(api.GET('/api/plans')), staleTime: 5 * 60_000 });
}

export interface ExportFilters {
  readonly from: string;
  readonly to: string;
  readonly plan_id: string;
}

/** The download address of a table with the filters it takes (the server refuses the others). */
export function exportHref(table: ExportTableDoc, filters: ExportFilters): string {
  const query = new URLSearchParams();
  for (const name of table.filters) if (filters[name] !== '') query.set(name, filters[name]);
  const search = query.toString();
  return `/api/exports/${table.name}.csv${search === '' ? '' : `?${search}`}`;
}
