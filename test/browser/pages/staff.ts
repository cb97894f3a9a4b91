import type { PageEntry } from './page-entry.js';

/** The staff console's own page (web/src/app/staff-home.tsx): the sections the user's roles open. */
export const pages: PageEntry[] = [
  {
    name: 'staff-home',
    viewer: 'operator',
    path: '/staff',
    roles: ['reviewer', 'investigator', 'operator', 'auditor', 'admin'],
    viewports: ['desktop', 'tablet'],
    ready: (page) => page.locator('main .staff-sections li').first().waitFor(),
  },
];
