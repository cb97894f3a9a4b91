import type { RouteObject } from 'react-router';

// The public "About the operator" page, linked from every page's footer.
export const routes: RouteObject[] = [{ path: '/about/operator', lazy: async () => ({ Component: (await import('./pages/about-operator-page')).AboutOperatorPage }) }];

// The admin's settings form, under /staff.
export const staffRoutes: RouteObject[] = [{ path: '/staff/admin/operator', lazy: async () => ({ Component: (await import('./pages/operator-settings-page')).OperatorSettingsPage }) }];
