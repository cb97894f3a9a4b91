/// <reference lib="dom" />
import { Command } from 'commander';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { integerOption } from './command-options.js';
import { BenchFailure } from './ledger-setup.js';
import { note, printResultLine, roundTo } from './result-line.js';

const cli = join(import.meta.dirname, '../src/cli/main.js');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The targets: a page shows its content within a second, the home page's first paint needs < 150 KB of gzipped JavaScript. */
const firstLoadTargetMs = 1000;
const homeJsTargetKbGzip = 150;

/** The main pages; `{cycle}` is the latest published cycle and `{case}` a published case. */
const mainPages = ['/', '/plans', '/plans/critical-illness', '/notices', '/cases/{case}', '/cycles', '/cycles/{cycle}', '/verify', '/verify/cycle', '/login', '/signup'];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The compiled server with the demo community on a new SQLite database; resolves once it printed "ready". */
async function startDemoServer(): Promise<{ url: string; stop: () => void }> {
  if (!existsSync(cli)) throw new BenchFailure('run npm run build first');
  const dir = mkdtempSync(join(tmpdir(), 'huzhu-web-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [cli, 'serve'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: `sqlite:${join(dir, 'huzhu.db')}`, HUZHU_ENV: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new BenchFailure(`the server exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.includes('"msg":"ready"')) resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface PageLoad {
  readonly load_ms: number;
  readonly js_bytes_gzip_before_paint: number;
}

/**
 * One cold load in a new browser context (empty cache): from navigation to the page showing its
 * heading with no loading state left; and the JavaScript the browser had fetched before its first
 * contentful paint, each file gzipped here (the size it costs on a network that compresses).
 */
async function loadOnce(browser: Browser, url: string, gzipSizes: Map<string, number>): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => document.querySelector('.loading') === null);
  const load_ms = performance.now() - started;
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const scripts = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.name.endsWith('.js') && entry.responseEnd <= paint)
      .map((entry) => entry.name);
  });
  await context.close();
  let js_bytes_gzip_before_paint = 0;
  for (const script of scripts) {
    if (!gzipSizes.has(script)) gzipSizes.set(script, gzipSync(Buffer.from(await (await fetch(script)).arrayBuffer())).length);
    js_bytes_gzip_before_paint += gzipSizes.get(script)!;
  }
  return { load_ms, js_bytes_gzip_before_paint };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function runWebBench(options: { runs: number }): Promise<void> {
  if (!existsSync(chromiumPath)) throw new BenchFailure(`Chromium is missing at ${chromiumPath} (apt-get install chromium)`);
  const server = await startDemoServer();
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumFlags });
  try {
    const cycles = (await (await fetch(`${server.url}/api/public/cycles`)).json()) as { cycles: Array<{ cycle_id: string }> };
    const cases = (await (await fetch(`${server.url}/api/public/cases?limit=1`)).json()) as { cases: Array<{ case_number: string }> };
    const fill = (path: string) => path.replace('{cycle}', cycles.cycles[0]?.cycle_id ?? '').replace('{case}', cases.cases[0]?.case_number ?? '');
    // The floor: a cold load of the smallest document this server answers, in the same browser and run.
    const floorRuns: number[] = [];
    for (let run = 0; run < options.runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${server.url}/healthz`);
      floorRuns.push(performance.now() - started);
      await context.close();
    }
    const floor_ms = median(floorRuns);
    note(`floor: a cold load of /healthz takes ${roundTo(floor_ms, 1)} ms (median of ${options.runs})`);
    const gzipSizes = new Map<string, number>();
    const failures: string[] = [];
    for (const template of mainPages) {
      const path = fill(template);
      const loads: PageLoad[] = [];
      for (let run = 0; run < options.runs; run++) loads.push(await loadOnce(browser, `${server.url}${path}`, gzipSizes));
      const first_load_ms = roundTo(median(loads.map((load) => load.load_ms)), 1);
      const js_kb_gzip = roundTo(median(loads.map((load) => load.js_bytes_gzip_before_paint)) / 1024, 1);
      if (first_load_ms >= firstLoadTargetMs) failures.push(`${path}: first load ${first_load_ms} ms ≥ ${firstLoadTargetMs}`);
      if (template === '/' && js_kb_gzip >= homeJsTargetKbGzip) failures.push(`/: ${js_kb_gzip} KB of gzipped JavaScript before first paint ≥ ${homeJsTargetKbGzip}`);
      printResultLine({ bench: 'web', page: template, first_load_ms, js_kb_gzip, floor_ms: roundTo(floor_ms, 1), ratio: roundTo(first_load_ms / floor_ms, 2), runs: options.runs });
    }
    if (failures.length > 0) note(`targets missed:\n  ${failures.join('\n  ')}`);
    else note(`targets met: every page under ${firstLoadTargetMs} ms; the home page under ${homeJsTargetKbGzip} KB of gzipped JavaScript before first paint`);
  } finally {
    await browser.close();
    server.stop();
  }
}

export function webBenchCommand(): Command {
  return new Command('web')
    .description('the web app in Chromium on localhost: each main page\'s cold first load and the gzipped JavaScript fetched before its first paint')
    .option('--runs <count>', 'cold loads per page (the median is printed)', integerOption(1, 100), 5)
    .addHelpText(
      'after',
      `
Stdout gets one JSON line per main page: {"bench":"web","page":"/","first_load_ms":…,"js_kb_gzip":…,
"floor_ms":…,"ratio":…}. first_load_ms runs from navigation to the page showing its heading with
nothing left loading, in a new browser context (empty cache), on the demo community; js_kb_gzip is
the JavaScript fetched before the first contentful paint, each file gzipped. The floor is a cold
load of /healthz in the same browser. Targets: first load < ${firstLoadTargetMs} ms; home page < ${homeJsTargetKbGzip} KB.

Examples:
  npm run bench -- web
  npm run bench -- web --runs 9`,
    )
    .action(async (options: { runs: number }) => runWebBench(options));
}
