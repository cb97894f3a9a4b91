import type { RouteObject } from 'react-router';

// Lazy: the verifier (src/core, @noble, the buffer polyfill, the worker) loads only on these pages.
export const routes: RouteObject[] = [
  { path: '/verify', lazy: async () => ({ Component: (await import('./pages/verify-page')).VerifyPage }) },
  { path: '/verify/share', lazy: async () => ({ Component: (await import('./pages/verify-share-page')).VerifySharePage }) },
  { path: '/verify/cycle', lazy: async () => ({ Component: (await import('./pages/verify-cycle-page')).VerifyCyclePage }) },
];
