/**
 * Renderer benchmark: `npm run bench` (after `npm run build`).
 *
 * - Cold start to the Today screen painted: a fresh browser context loads the browser host's page
 *   (vault already unlocked) until the frame with the Today heading has been painted; compared,
 *   in the same run and browser, with a blank Vite React page built from tests/bench/blank-react/
 *   and served by the host's own server code, with the same headers. Target: at most 1.5x the
 *   blank page. Also reported, on the page's own clock: the same moment, the heading entering the
 *   document, and Chromium's first contentful paint. (The untimed warm-up also checks that
 *   Stillroom's navigation answers a click.)
 * - Initial JavaScript of the first screen, gzipped. Target: at most 250 KB.
 *
 * Runs alternate between the two pages, so other work on the machine lands on both alike. It
 * reports numbers and never fails on them.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import { chromiumLaunchOptions } from '../../playwright.config';
import { fail } from '../../src-main/contract';
import { startHostServer } from '../../src-main/host/server';
import { startHostProcess } from '../helpers/host-process';
import { hostApi } from './bench-support';
import { projectRoot } from '../helpers/layering';

const RUNS = 41;
const TARGET_RATIO = 1.5;
const TARGET_GZIP_KB = 250;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

async function buildBlankPage(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'stillroom-blank-'));
  await build({
    root: join(projectRoot, 'tests', 'bench', 'blank-react'),
    base: './',
    plugins: [react()],
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, minify: true },
  });
  return outDir;
}

/**
 * Serves the blank page through the browser host's own server code: the same headers (CSP,
 * COOP, nosniff, no-store) and the same file serving as Stillroom's page. The headers are not
 * free: Cross-Origin-Opener-Policy puts the page in a new browsing-context group, which costs
 * Chromium a process swap of some 25 ms on every cold start. A baseline served without them would
 * charge that to Stillroom's renderer, which does not pay it in Electron (app:// sends no COOP).
 */
async function serveLikeTheHost(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await startHostServer({
    rendererDir: dir,
    token: 'blank-page-has-no-api',
    port: 0,
    dispatch: async () => fail('not_found', 'The blank page has no Api.'),
  });
  return { url: `http://127.0.0.1:${server.port}/`, close: () => server.close() };
}

interface ColdStart {
  /** From Playwright's side: a new page, `goto`, until the page reports the Today heading painted. */
  elapsed: number;
  /** Inside the page: from navigation start until the Today heading is in the document. */
  inDocument: number;
  /** Inside the page: until the frame with the heading has been painted (handed to the compositor). */
  painted: number;
  /** Inside the page: Chromium's first contentful paint, when that frame's pixels were presented. */
  firstContentfulPaint: number;
}

type PageTimes = Omit<ColdStart, 'elapsed'>;

/** What the page logs once the heading is painted; Playwright hears it without running anything there. */
const PAINTED_SIGNAL = 'renderer-bench: Today painted';

/**
 * Milliseconds until the Today heading is painted; with `interactive`, it then (untimed) checks
 * that the navigation answers a click.
 *
 * No polling, and none of Playwright's own scripts in the page until then (only this init script): a MutationObserver, set before
 * the page's own code runs, sees the heading enter the document. The next animation frame's
 * callback runs just before that frame's style, layout and paint; a user-blocking task posted
 * from it runs right after the paint, ahead of ordinary tasks already queued (such as React's
 * effects, which would otherwise be counted as painting time), and logs a line to the console,
 * which Playwright receives as an event. (A locator's `waitFor` polls with growing pauses after
 * `goto` returns at the load event, so a heading drawn after load, as any page that must first ask
 * its vault draws it, was found up to ~50 ms late; and an `evaluate` injects Playwright's helper
 * script, which lands on whichever page has not painted yet.)
 */
async function coldStart(browser: Browser, url: string, interactive: boolean): Promise<ColdStart> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((signal) => {
    const times: Partial<PageTimes> = {};
    (window as { benchTimes?: Partial<PageTimes> }).benchTimes = times;
    new PerformanceObserver((entries) => {
      const fcp = entries.getEntriesByName('first-contentful-paint')[0];
      if (fcp) times.firstContentfulPaint = fcp.startTime;
    }).observe({ type: 'paint', buffered: true });
    const { scheduler } = globalThis as unknown as {
      scheduler: { postTask: (task: () => void, options: { priority: 'user-blocking' }) => unknown };
    };
    const seen = new MutationObserver(() => {
      if (document.querySelector('h1')?.textContent !== 'Today') return;
      seen.disconnect();
      times.inDocument = performance.now();
      requestAnimationFrame(() =>
        scheduler.postTask(
          () => {
            times.painted = performance.now();
            console.log(signal);
          },
          { priority: 'user-blocking' },
        ),
      );
    });
    seen.observe(document, { childList: true, subtree: true });
  }, PAINTED_SIGNAL);
  const started = performance.now();
  const paintedSignal = page.waitForEvent('console', (message) => message.text() === PAINTED_SIGNAL);
  await page.goto(url);
  await paintedSignal;
  const elapsed = performance.now() - started;
  // The presentation time arrives a little after the paint; waiting for it is not timed.
  await page.waitForFunction(
    () => (window as { benchTimes?: Partial<PageTimes> }).benchTimes?.firstContentfulPaint !== undefined,
  );
  const times = (await page.evaluate(
    () => (window as { benchTimes?: Partial<PageTimes> }).benchTimes,
  )) as PageTimes;
  if (interactive) {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Course' }).click();
    await page.getByRole('heading', { level: 1, name: 'Course' }).waitFor();
  }
  await context.close();
  return { elapsed, ...times };
}

/** The JavaScript the first screen loads: every script index.html pulls in, gzipped. */
function initialJsGzipBytes(rendererDir: string): { raw: number; gzip: number; files: string[] } {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\.?\/?([^"]+\.js)"/g)].map(
    (m) => m[1] as string,
  );
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(rendererDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files };
}

async function main(): Promise<void> {
  const rendererDir = join(projectRoot, 'out', 'renderer');
  statSync(join(rendererDir, 'index.html')); // fails clearly when `npm run build` has not run
  const blankDir = await buildBlankPage();
  const blank = await serveLikeTheHost(blankDir);
  const host = await startHostProcess();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await hostApi(host, 'vault.create', { passphrase: 'benchmark passphrase' });
    // One warm-up each, not counted: the first Chromium start pays for its own caches.
    await coldStart(browser, blank.url, false);
    await coldStart(browser, host.url, true);
    const runs = { stillroom: [] as ColdStart[], blank: [] as ColdStart[] };
    for (let run = 0; run < RUNS; run += 1) {
      const order = run % 2 === 0 ? (['stillroom', 'blank'] as const) : (['blank', 'stillroom'] as const);
      for (const which of order) {
        runs[which].push(await coldStart(browser, which === 'blank' ? blank.url : host.url, false));
      }
    }
    const figure = (key: keyof ColdStart) => {
      const stillroom = median(runs.stillroom.map((r) => r[key]));
      const baseline = median(runs.blank.map((r) => r[key]));
      return { stillroom, baseline, ratio: stillroom / baseline };
    };
    const coldStartMs = figure('elapsed');
    const paintedMs = figure('painted');
    const inDocumentMs = figure('inDocument');
    const firstContentfulPaintMs = figure('firstContentfulPaint');
    const js = initialJsGzipBytes(rendererDir);
    const blankJs = initialJsGzipBytes(blankDir);
    const gzipKb = js.gzip / 1024;
    const row = (label: string, f: ReturnType<typeof figure>, target: string) =>
      `| ${label} (median ms) | ${f.stillroom.toFixed(0)} | ${f.baseline.toFixed(0)} (blank Vite React page) | ${f.ratio.toFixed(2)}x | ${target} |`;

    console.log(
      `Renderer benchmark — ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}, ${RUNS} runs each`,
    );
    console.log('');
    console.log('| figure | Stillroom | baseline | ratio | target |');
    console.log('|---|---|---|---|---|');
    console.log(
      row(
        'cold start: new page to the Today heading painted',
        coldStartMs,
        `≤ ${TARGET_RATIO}x ${coldStartMs.ratio <= TARGET_RATIO ? 'met' : 'NOT MET'}`,
      ),
    );
    console.log(
      row('in the page: navigation start to the heading painted', paintedMs, '(the same, on the page clock)'),
    );
    console.log(
      row(
        'in the page: navigation start to the heading in the document',
        inDocumentMs,
        '(before layout and paint)',
      ),
    );
    console.log(
      row(
        'in the page: first contentful paint (pixels presented)',
        firstContentfulPaintMs,
        '(adds rasterising in software: no GPU here)',
      ),
    );
    console.log(
      `| initial JS, gzipped (KB) | ${gzipKb.toFixed(1)} | ${(blankJs.gzip / 1024).toFixed(1)} (blank page) | ${(js.gzip / blankJs.gzip).toFixed(2)}x | ≤ ${TARGET_GZIP_KB} KB ${gzipKb <= TARGET_GZIP_KB ? 'met' : 'NOT MET'} |`,
    );
    console.log('');
    console.log(
      JSON.stringify({
        bench: 'renderer',
        runs: RUNS,
        coldStartMs: { ...coldStartMs, targetRatio: TARGET_RATIO },
        paintedMs,
        inDocumentMs,
        firstContentfulPaintMs,
        initialJs: {
          gzipBytes: js.gzip,
          rawBytes: js.raw,
          files: js.files,
          baselineGzipBytes: blankJs.gzip,
          targetGzipKb: TARGET_GZIP_KB,
        },
      }),
    );
  } finally {
    await browser.close();
    await host.stop();
    await blank.close();
    rmSync(blankDir, { recursive: true, force: true });
  }
}

await main();
