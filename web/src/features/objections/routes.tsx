import type { RouteObject } from 'react-router';

// Member pages, loaded on demand (web/README.md lists the paths).
export const routes: RouteObject[] = [{ path: '/me/objections', lazy: async () => ({ Component: (await import('./pages/objections-page')).ObjectionsPage }) }];
