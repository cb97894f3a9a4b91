import type { RouteObject } from 'react-router';

// The juror's pages (web/README.md): lazy, so they cost the first load nothing.
export const routes: RouteObject[] = [
  { path: '/jury', lazy: async () => ({ Component: (await import('./pages/jury-page')).JuryPage }) },
  { path: '/jury/quiz', lazy: async () => ({ Component: (await import('./pages/quiz-page')).QuizPage }) },
  { path: '/jury/panels/:claim_id', lazy: async () => ({ Component: (await import('./pages/panel-page')).PanelPage }) },
];
