/**
 * Room-open benchmark: `npm run bench` (after `npm run build`).
 *
 * Time from a click on Today's "Start a quick session" to the room's arrival screen being
 * interactive (its heading shown and the park field ready to type in), measured inside the page
 * with performance.now() so no automation round trip is counted. It includes the rooms.start
 * call over the browser host's HTTP. The baseline, in the same run and page: a click on Diary in
 * the sidebar until the diary's quick entry field is ready, an existing screen that also loads
 * data. Target: at most 100 ms. Reports; never fails.
 */
import { cpus, loadavg } from 'node:os';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../playwright.config';
import { startHostProcess } from '../helpers/host-process';
import { projectRoot } from '../helpers/layering';
import { hostApi, percentile, round2 } from './bench-support';

const RUNS = 25;
const TARGET_MS = 100;

/**
 * Clicks the button labelled `click` and checks `ready` on every animation frame until it holds.
 * Sent as source text: the page's CSP forbids eval, but DevTools evaluation is not subject to it.
 */
function timeInPage(page: Page, click: string, ready: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(click)});
    if (!button) return reject(new Error('no button'));
    const started = performance.now();
    button.click();
    const poll = () => {
      if (${ready}) return resolve(performance.now() - started);
      if (performance.now() - started > 5000) return reject(new Error('not ready'));
      requestAnimationFrame(poll);
    };
    poll();
  })`);
}

const ARRIVE_READY = `(() => {
  const h = [...document.querySelectorAll('h1')].find((e) => e.textContent === 'Arrive');
  const start = [...document.querySelectorAll('button')].find((e) => e.textContent === 'Start');
  return Boolean(h && start && start.getAttribute('aria-disabled') !== 'true' && document.activeElement === h);
})()`;

const DIARY_READY = `(() => {
  const h = [...document.querySelectorAll('h1')].find((e) => e.textContent === 'Diary');
  const what = [...document.querySelectorAll('label')].find((e) => e.textContent === 'What happened?');
  const input = what && document.getElementById(what.htmlFor);
  return Boolean(h && input && !input.disabled);
})()`;

async function toToday(page: Page, url: string): Promise<void> {
  // A fresh load each time (going to the same address with a #token would not reload the page).
  await page.goto('about:blank');
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Today' }).waitFor();
  await page.getByRole('button', { name: 'Start a quick session' }).waitFor();
  // Let Today's own calls settle, so both measurements start from a quiet page.
  await page.waitForLoadState('networkidle');
}

async function main(): Promise<void> {
  statSync(join(projectRoot, 'out', 'renderer', 'index.html')); // fails clearly without `npm run build`
  const host = await startHostProcess();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    await hostApi(host, 'vault.create', { passphrase: 'benchmark passphrase' });
    const page = await (await browser.newContext()).newPage();
    // Every load starts on Today (the app reopens the last section otherwise).
    await page.addInitScript("sessionStorage.removeItem('stillroom.section')");
    const times = { room: [] as number[], diary: [] as number[] };
    const measure = async (which: 'room' | 'diary') => {
      await toToday(page, host.url);
      if (which === 'diary') {
        times.diary.push(await timeInPage(page, 'Diary', DIARY_READY));
        return;
      }
      times.room.push(await timeInPage(page, 'Start a quick session', ARRIVE_READY));
      const { room } = (await hostApi(host, 'rooms.current', {})) as { room: { id: string } };
      await hostApi(host, 'rooms.advance', { id: room.id, action: 'exit-early' });
      await hostApi(host, 'rooms.finish', { id: room.id });
    };
    // One warm-up each, not counted.
    await measure('room');
    await measure('diary');
    times.room.length = 0;
    times.diary.length = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const order = run % 2 === 0 ? (['room', 'diary'] as const) : (['diary', 'room'] as const);
      for (const which of order) await measure(which);
    }
    const room = { p50: percentile(times.room, 50), p95: percentile(times.room, 95) };
    const diary = { p50: percentile(times.diary, 50), p95: percentile(times.diary, 95) };
    console.log(
      `Room-open benchmark — ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}, ${RUNS} runs each`,
    );
    console.log('');
    console.log('| figure | p50 ms | p95 ms | target |');
    console.log('|---|---|---|---|');
    console.log(
      `| click "Start a quick session" → arrival interactive | ${room.p50.toFixed(1)} | ${room.p95.toFixed(1)} | ≤ ${TARGET_MS} ms ${room.p95 <= TARGET_MS ? 'met' : room.p50 <= TARGET_MS ? 'met at p50, not p95' : 'NOT MET'} |`,
    );
    console.log(
      `| baseline: click Diary → quick entry ready | ${diary.p50.toFixed(1)} | ${diary.p95.toFixed(1)} | — |`,
    );
    console.log('');
    console.log(
      JSON.stringify({
        bench: 'room-open',
        runs: RUNS,
        roomMs: { p50: round2(room.p50), p95: round2(room.p95) },
        baselineDiaryMs: { p50: round2(diary.p50), p95: round2(diary.p95) },
        ratioP50: round2(room.p50 / diary.p50),
        targetMs: TARGET_MS,
      }),
    );
  } finally {
    await browser.close();
    await host.stop();
  }
}

await main();
