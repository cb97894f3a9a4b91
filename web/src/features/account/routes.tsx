import type { RouteObject } from 'react-router';

// This feature's pages (web/README.md), each loaded when first opened.
export const routes: RouteObject[] = [
  { path: '/login', lazy: async () => ({ Component: (await import('./pages/login-page')).LoginPage }) },
  { path: '/signup', lazy: async () => ({ Component: (await import('./pages/signup-page')).SignUpPage }) },
  { path: '/signup/confirm', lazy: async () => ({ Component: (await import('./pages/signup-confirm-page')).SignUpConfirmPage }) },
  { path: '/password-reset', lazy: async () => ({ Component: (await import('./pages/password-reset-page')).PasswordResetPage }) },
  { path: '/account', lazy: async () => ({ Component: (await import('./pages/account-page')).AccountPage }) },
  { path: '/dev/mailbox', lazy: async () => ({ Component: (await import('./pages/dev-mailbox-page')).DevMailboxPage }) },
];
