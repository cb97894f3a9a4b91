import { createBrowserRouter, type RouteObject } from 'react-router';
import { routes as staffClaimsRoutes } from '../features/staff-claims/routes';
import { routes as staffJuryRoutes } from '../features/staff-jury/routes';
import { routes as operatorRoutes } from '../features/operator/routes';
import { routes as staffCyclesRoutes } from '../features/staff-cycles/routes';
import { routes as ledgerRoutes } from '../features/ledger/routes';
import { routes as auditRoutes } from '../features/audit/routes';
import { routes as reconciliationRoutes } from '../features/reconciliation/routes';
import { routes as reportRoutes } from '../features/reports/routes';
import { routes as sustainabilityRoutes, staffRoutes as sustainabilityStaffRoutes } from '../features/sustainability/routes';
import { routes as adminRoutes } from '../features/admin/routes';
import { routes as governanceRoutes, staffRoutes as governanceStaffRoutes } from '../features/governance/routes';
import { routes as accountRoutes } from '../features/account/routes';
import { routes as casesRoutes } from '../features/cases/routes';
import { routes as claimsRoutes } from '../features/claims/routes';
import { routes as cyclesRoutes } from '../features/cycles/routes';
import { routes as homeRoutes } from '../features/home/routes';
import { routes as juryRoutes } from '../features/jury/routes';
import { routes as membershipsRoutes } from '../features/memberships/routes';
import { routes as noticesRoutes } from '../features/notices/routes';
import { routes as notificationsRoutes } from '../features/notifications/routes';
import { routes as objectionsRoutes } from '../features/objections/routes';
import { routes as plansRoutes } from '../features/plans/routes';
import { routes as verifyRoutes } from '../features/verify/routes';
import { routes as walletRoutes } from '../features/wallet/routes';
import { routes as complaintsRoutes, staffRoutes as complaintsStaffRoutes } from '../features/complaints/routes';
import { routes as operatorInfoRoutes, staffRoutes as operatorInfoStaffRoutes } from '../features/operator-info/routes';
import { routes as closureRoutes, staffRoutes as closureStaffRoutes } from '../features/closure/routes';
import { loadAllTexts } from '../shared/i18n/i18n';
import { Loading } from '../shared/ui/query-state';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';

/** A lazy page comes with every text of the language, so it never shows a key while they load. */
function withAllTexts(route: RouteObject): RouteObject {
  const { lazy } = route;
  if (typeof lazy !== 'function') return route;
  return { ...route, lazy: async () => (await Promise.all([lazy(), loadAllTexts()]))[0] } as RouteObject;
}

/** Each feature owns its paths; the app only puts them under the one layout. */
export const appRoutes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError />,
    // Shown while the first page's lazy chunk loads on a cold start (react-router's HydrateFallback).
    hydrateFallbackElement: <Loading />,
    children: [
      ...[
        ...homeRoutes,
        ...plansRoutes,
        ...noticesRoutes,
        ...casesRoutes,
        ...cyclesRoutes,
        ...verifyRoutes,
        ...accountRoutes,
        ...membershipsRoutes,
        ...walletRoutes,
        ...claimsRoutes,
        ...objectionsRoutes,
        ...notificationsRoutes,
        ...juryRoutes,
        ...sustainabilityRoutes,
        ...governanceRoutes,
        ...complaintsRoutes,
        ...operatorInfoRoutes,
        ...closureRoutes,
      ].map(withAllTexts),
      {
        // The staff console (desktop-first): every staff feature's pages beside its navigation.
        // Lazy with every text, like each feature's pages: the console's texts are not in the first load.
        path: '/staff',
        lazy: withAllTexts({ lazy: async () => ({ Component: (await import('./staff-layout')).StaffLayout }) }).lazy,
        children: [
          ...[
            { index: true, lazy: async () => ({ Component: (await import('./staff-home')).StaffHome }) },
            ...operatorRoutes,
            ...staffClaimsRoutes,
            ...staffJuryRoutes,
            ...staffCyclesRoutes,
            ...ledgerRoutes,
            ...auditRoutes,
            ...reconciliationRoutes,
            ...reportRoutes,
            ...sustainabilityStaffRoutes,
            ...governanceStaffRoutes,
            ...adminRoutes,
            ...complaintsStaffRoutes,
            ...operatorInfoStaffRoutes,
            ...closureStaffRoutes,
          ].map(withAllTexts),
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(appRoutes);
