import type { Page } from 'playwright-core';

/**
 * Who looks at a page in the all-pages test (screenshots, axe, the personal-data scan). The demo
 * logins exist outside production (README): `member` is demo-member (post-paid), `prepaid` is
 * demo-prepaid (pays for herself and a family member), `juror` is demo-juror; `visitor` is not
 * logged in.
 */
export type Viewer = 'visitor' | 'member' | 'prepaid' | 'juror' | StaffViewer;

/**
 * The staff demo logins (src/services/demo/demo-staff.ts): `reviewer` is demo-reviewer,
 * `investigator` demo-investigator, `operator` demo-operator, `operator2` demo-operator-2 (the
 * second operator of maker–checker), `auditor` demo-auditor, `admin` demo-admin.
 */
export type StaffViewer = 'reviewer' | 'investigator' | 'operator' | 'operator2' | 'auditor' | 'admin';

/** Every viewer's demo login (README); the visitor has none. */
export const viewerLogins: Readonly<Record<Exclude<Viewer, 'visitor'>, string>> = {
  member: 'demo-member',
  prepaid: 'demo-prepaid',
  juror: 'demo-juror',
  reviewer: 'demo-reviewer',
  investigator: 'demo-investigator',
  operator: 'demo-operator',
  operator2: 'demo-operator-2',
  auditor: 'demo-auditor',
  admin: 'demo-admin',
};

/** What a page entry may look up on the running demo server before it names its path. */
export interface PageScene {
  readonly baseUrl: string;
  /** GET a JSON API path as this viewer (or as the visitor), for ids the path needs. */
  api<T = unknown>(path: string): Promise<T>;
}

export interface PageEntry {
  /** File-name-safe and unique: the screenshot is `<name>.<language>.<viewport>.png`. */
  readonly name: string;
  readonly viewer: Viewer;
  /** The path to open, or how to find it on the demo data (a cycle id, a membership id…). */
  readonly path: string | ((scene: PageScene) => Promise<string>);
  /**
   * Staff pages: the roles that may open it (web/src/shared/auth/staff-access.ts; an admin always
   * may). The role × page test opens it as every viewer: the others must see "not allowed".
   * Without it, the page is for anyone logged in (or, with viewer 'visitor', for everyone).
   */
  readonly roles?: readonly string[];
  /** A page shot as a logged-in viewer that a visitor may open too (it then shows what a visitor may see). */
  readonly public?: boolean;
  /** The sizes it is shot at: staff pages are desktop-first (1280×800) and must work on a tablet. */
  readonly viewports?: readonly ('phone' | 'desktop' | 'tablet')[];
  /** Resolves when the page shows its content (not a loading state): wait for an element, never a time. */
  ready(page: Page): Promise<void>;
}
