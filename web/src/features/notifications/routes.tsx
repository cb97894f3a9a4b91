import type { RouteObject } from 'react-router';

// Member pages, loaded on demand (web/README.md lists the paths).
export const routes: RouteObject[] = [{ path: '/me/notifications', lazy: async () => ({ Component: (await import('./pages/notifications-page')).NotificationsPage }) }];
