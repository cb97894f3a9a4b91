import type { PageEntry } from './page-entry.js';

/** The account feature's pages (web/src/features/account) for the all-pages test. */
export const pages: PageEntry[] = [
  {
    name: 'account-login',
    viewer: 'visitor',
    path: '/login',
    ready: async (page) => page.locator('form input[name="username"]').waitFor(),
  },
  {
    name: 'account-signup',
    viewer: 'visitor',
    path: '/signup',
    ready: async (page) => page.locator('form input[name="display_name"]').waitFor(),
  },
  {
    name: 'account-signup-confirm',
    viewer: 'visitor',
    path: '/signup/confirm',
    // The dev mailbox link shows once the page knows the server has one (never in production).
    ready: async (page) => page.locator('a[href="/dev/mailbox"]').waitFor(),
  },
  {
    name: 'account-password-reset',
    viewer: 'visitor',
    path: '/password-reset',
    ready: async (page) => page.locator('form input[name="contact"]').waitFor(),
  },
  {
    name: 'account-account',
    viewer: 'member',
    path: '/account',
    ready: async (page) => page.locator('form input[name="current_password"]').waitFor(),
  },
  {
    name: 'account-dev-mailbox',
    viewer: 'visitor',
    path: '/dev/mailbox',
    // The list, or the line saying there are no messages yet.
    ready: async (page) => page.locator('ol.mailbox, main p.muted').first().waitFor(),
  },
];
