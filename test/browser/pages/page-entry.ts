import type { Page } from 'playwright-core';

/**
 * Who looks at a page in the all-pages test (screenshots, axe, the personal-data scan). The demo
 * logins exist outside production (README): `member` is demo-member (post-paid), `prepaid` is
 * demo-prepaid (pays for herself and a family member), `juror` is demo-juror; `visitor` is not
 * logged in.
 */
export type Viewer = 'visitor' | 'member' | 'prepaid' | 'juror';

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
  /** Resolves when the page shows its content (not a loading state): wait for an element, never a time. */
  ready(page: Page): Promise<void>;
}
