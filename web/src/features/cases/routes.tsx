import type { RouteObject } from 'react-router';

export const routes: RouteObject[] = [{ path: 'cases/:case_number', lazy: async () => ({ Component: (await import('./pages/case-page')).CasePage }) }];
