import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reject, RejectionError } from '../core/rejection.js';

/** Debian's Chromium; HUZHU_CHROMIUM_PATH (or --chromium) points elsewhere. */
export const defaultChromiumPath = '/usr/bin/chromium';

/** The flags DESIGN.md ("Web app") gives for this kind of machine; the profile is a fresh directory. */
const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * Prints a self-contained HTML page to PDF with headless Chromium through playwright-core
 * (page.pdf, A4, the page's own print CSS). The page loads nothing from outside, so the browser
 * needs no network; the profile directory is removed afterwards.
 */
export async function printHtmlToPdf(html: string, chromium_path: string): Promise<Buffer> {
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new RejectionError(reject('REPORT_PDF_UNAVAILABLE', 'PDF output needs the playwright-core package; use --format html and print it instead.').rejection);
  }
  const profile = await mkdtemp(join(tmpdir(), 'huzhu-report-chromium-'));
  let context: Awaited<ReturnType<typeof playwright.chromium.launchPersistentContext>>;
  try {
    context = await playwright.chromium.launchPersistentContext(profile, { executablePath: chromium_path, headless: true, args: chromiumFlags });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw new RejectionError(reject('REPORT_PDF_UNAVAILABLE', `Chromium did not start from ${chromium_path}: ${(error as Error).message.split('\n')[0]}`).rejection);
  }
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
