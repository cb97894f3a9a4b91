import type { RouteObject } from 'react-router';

export const routes: RouteObject[] = [
  { path: 'cycles', lazy: async () => ({ Component: (await import('./pages/cycles-page')).CyclesPage }) },
  { path: 'cycles/:cycle_id', lazy: async () => ({ Component: (await import('./pages/cycle-page')).CyclePage }) },
];
