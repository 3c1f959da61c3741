#!/usr/bin/env node
// Browser benchmark (docs/performance.md, "How to measure"): the app against a bare React Flow page
// holding the same generated design, in the same Chromium, on a production build served by `vite
// preview`. Each pair opens both pages and runs their scenario rounds in alternating order (A B,
// B A, A B…; the next pair starts the other way round), so a change in the machine's load falls on
// both alike; the ratio of a pair is the app's CPU per frame over all its rounds against the bare page's.
//
// Measures, at 1,000 and 5,000 components, and at 300 (the canvas routes every connection around
// the boxes up to 400 components, and above draws plain elbows, so an edit's work differs below
// that size; it is last so the first run, whose first paint the aims table reports, stays the
// 1,000): programmatic pan and zoom at 100% (setViewport every
// animation frame), dragging a node (the frames between the drag's first move and its release, one small mousemove per frame), and the
// overview (fit all, then pan); for each, fps, median and p95 frame interval, main-thread CPU ms per
// frame (CDP Performance.getMetrics TaskDuration delta / frames, in the thread-time domain: CPU
// time, so another process on the machine does not inflate it) and long animation frames; the
// time from load to a painted canvas; the time from an edit to its paint (the app's findings badge,
// and on the bare page a relabelled node: the floor a React Flow app starts from); heap after GC and DOM size; and the gzip size of the
// initial JavaScript and of the lazily loaded chunks. Prints tables and writes
// bench-results/browser.json.
//
// `npm run bench -- browser`; BENCH_SIZES=1000,5000,300 BENCH_PAIRS=3 BENCH_ROUNDS=3 BENCH_SCENARIO_MS=1500
// to change the runs, BENCH_EDITS=0 to skip the edit timings, BENCH_EXPORT=0 the export panel's (every target and the zip, at each size).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { findChromium } from '../scripts/ensure-chromium.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 4331);
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000,300').split(',').map(Number);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 3);
const SEED = 1;
/** Each frame scenario's length: longer runs average more frames (BENCH_SCENARIO_MS). */
const SCENARIO_MS = Number(process.env.BENCH_SCENARIO_MS ?? 1500);
/** Rounds of the frame scenarios per page in a pair, alternating between the two pages (BENCH_ROUNDS). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const VIEWPORT = { width: 1280, height: 800 };
const root = resolve(import.meta.dirname, '..');

function step(message) {
  process.stdout.write(`${message}\n`);
}

// --- Build: the app with its benchmark hooks (`--mode bench`, into dist-bench/), then the baseline
// page into dist-bench/bench-baseline (not part of the app). ---
const DIST = join(root, 'dist-bench');
step('building the app (vite build --mode bench)…');
const built = spawnSync('npx', ['vite', 'build', '--mode', 'bench', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('vite build failed');
step('building the bare React Flow baseline page…');
await build({
  configFile: false,
  root: join(root, 'bench/baseline'),
  base: '/bench-baseline/',
  logLevel: 'error',
  plugins: [react()],
  build: { outDir: join(DIST, 'bench-baseline'), emptyOutDir: true, target: 'es2022' },
});

// --- Bundle sizes. ---
const gz = (file) => gzipSync(readFileSync(file)).length;
const indexHtml = readFileSync(join(DIST, 'index.html'), 'utf8');
const initialFiles = [...indexHtml.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const assetFiles = readdirSync(join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
const initialSet = new Set(initialFiles.map((f) => f.replace('assets/', '')));
const bundle = {
  initialGzipBytes: initialFiles.reduce((sum, f) => sum + gz(join(DIST, f)), 0),
  initialFiles,
  lazyChunks: assetFiles
    .filter((f) => !initialSet.has(f))
    .map((f) => ({ file: f, gzipBytes: gz(join(DIST, 'assets', f)), bytes: statSync(join(DIST, 'assets', f)).size }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes),
};

// --- Serve the build as its own process group, ended at the end whatever happens. ---
const server = spawn('npx', ['vite', 'preview', '--mode', 'bench', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
  cwd: root,
  detached: true,
  stdio: 'ignore',
});
const stopServer = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stopServer);
process.on('SIGINT', () => process.exit(130));
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; ; i += 1) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {
    // not up yet
  }
  if (i > 100) throw new Error('vite preview did not start');
  await new Promise((r) => setTimeout(r, 200));
}

const browser = await chromium.launch({
  executablePath: findChromium(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/**
 * Records animation frames in the page for `ms`, calling `step` (a viewport script) each frame. The
 * view is put back where it started by `restoreViewport`, after the CPU time has been read: the jump
 * back (a re-render of what is in view there) is no frame of the scenario.
 */
async function recordFrames(page, ms, viewportStep) {
  return page.evaluate(
    ({ ms, viewportStep }) =>
      new Promise((resolveFrames) => {
        const api = window.__canvasApi;
        const start0 = api.getViewport();
        window.__benchViewportBefore = start0;
        const move = viewportStep ? new Function('v0', 'n', 't', viewportStep) : null;
        let longFrames = 0;
        let observer;
        try {
          observer = new PerformanceObserver((list) => (longFrames += list.getEntries().filter((e) => e.duration > 50).length));
          observer.observe({ type: 'long-animation-frame' });
        } catch {
          observer = undefined;
        }
        const times = [];
        let first;
        const tick = (t) => {
          first ??= t;
          times.push(t);
          if (move) api.setViewport(move(start0, times.length, t - first));
          if (t - first < ms) requestAnimationFrame(tick);
          else {
            observer?.disconnect();
            resolveFrames({ times, longFrames });
          }
        };
        requestAnimationFrame(tick);
      }),
    { ms, viewportStep },
  );
}

async function restoreViewport(page) {
  await page.evaluate(() => window.__benchViewportBefore && window.__canvasApi.setViewport(window.__benchViewportBefore));
  await page.waitForTimeout(250);
}

/** One scenario's rounds on one page, pooled: frame intervals, CPU time and long frames of every round. */
function summarize(rounds) {
  const intervals = rounds.flatMap(({ times }) => times.slice(1).map((t, i) => t - times[i])).sort((a, b) => a - b);
  const frames = intervals.length;
  const seconds = rounds.reduce((sum, { times }) => sum + (times.at(-1) - times[0]) / 1000, 0);
  const taskSeconds = rounds.reduce((sum, round) => sum + round.taskSeconds, 0);
  const at = (q) => intervals[Math.min(frames - 1, Math.floor(q * frames))] ?? NaN;
  return {
    fps: frames / seconds,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    mainThreadMsPerFrame: (taskSeconds * 1000) / Math.max(1, frames),
    longFrames: rounds.reduce((sum, round) => sum + round.longFrames, 0),
    rounds: rounds.length,
    frames,
    // Each round's own CPU per frame, to show the spread within a page.
    roundMsPerFrame: rounds.map(({ times, taskSeconds: cpu }) => (cpu * 1000) / Math.max(1, times.length - 1)),
  };
}

async function taskDuration(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value;
}

/** One round of a scenario: its frames and the main thread's CPU time over them. */
async function measure(cdp, run) {
  const before = await taskDuration(cdp);
  const frames = await run();
  return { ...frames, taskSeconds: (await taskDuration(cdp)) - before };
}

/** Edits (and reverts) timed per page load: with three pairs, 36 samples per size; BENCH_EDITS=0 skips them (frames only, a quicker run). */
const EDIT_SAMPLES_PER_PAGE = Number(process.env.BENCH_EDITS ?? 12);

/**
 * The time from an edit to what it changes on screen, on either page. On the app, an edit to its
 * painted findings: a visible app service in several zones is moved into one zone with one
 * instance, as the inspector would, then put back; each change changes its badge. On the bare
 * React Flow page, the floor to judge that by: the same kind of component's node gets a new label
 * and then its old one back (one node's data replaced, a new nodes array: what any React Flow app
 * pays to show an edit to one node), timed the same way. Each animation frame after the edit checks
 * the page: the frame that first sees the new text is the one that paints it, so a sample ends
 * when that frame has been painted (the start of the frame after it), and counts the frames from
 * the edit to that one (the edit's own frame is 1). Up to three components whose text the edit
 * changes, edit and revert in turn, EDIT_SAMPLES_PER_PAGE samples; a sample whose text never
 * changes counts as never painted.
 */
async function editToPaint(page, variant, wanted = EDIT_SAMPLES_PER_PAGE) {
  return page.evaluate(
    async ({ wanted, variant }) => {
      const app = variant === 'app';
      const components = app ? window.__ninesmith.getDocument().components : window.__baselineEdit.components;
      const placed = new Map(components.map((c) => [c.id, c]));
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      // Visible app services that run in more than one zone: moving one into a single zone adds a
      // finding to most of them (not to those whose badge already counts one for that rule). The
      // first view may show only the edge and the load balancers above them (a large design's rows
      // are thousands of pixels tall): scroll down most of a view's height at a time until some are
      // on screen. The bare page scrolls the same way to the same components.
      const onScreen = () =>
        (app
          ? [...document.querySelectorAll('[data-testid^="node-"][data-kind="app-service"]')].map((node) => node.dataset.testid.slice('node-'.length))
          : [...document.querySelectorAll('.react-flow__node[data-id]')].map((node) => node.dataset.id).filter((id) => placed.get(id)?.kind === 'app-service')
        ).filter((id) => (placed.get(id)?.zones?.length ?? 1) > 1);
      let candidates = onScreen();
      for (let scrolled = 0; candidates.length === 0 && scrolled < 200; scrolled += 1) {
        const viewport = window.__canvasApi.getViewport();
        window.__canvasApi.setViewport({ ...viewport, y: viewport.y - 600 });
        await frame();
        await frame();
        candidates = onScreen();
      }
      const shownText = app
        ? (id) => document.querySelector(`[data-testid="badge-${id}"]`)?.textContent ?? ''
        : (id) => document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)?.textContent ?? '';
      const labels = new Map();
      const labelOf = (id) => {
        if (!labels.has(id)) labels.set(id, shownText(id));
        return labels.get(id);
      };
      const change = (id, direction) => {
        const original = placed.get(id);
        if (app) window.__ninesmith.updateComponent(id, direction === 'edit' ? { zones: ['a'], replicas: 1 } : { zones: original.zones, replicas: original.replicas });
        else window.__baselineEdit.setLabel(id, direction === 'edit' ? `${labelOf(id)} (one zone)` : labelOf(id));
      };
      // Marks the main thread's CPU time (read by the bench through CDP; absent when only scrolling).
      const cpuMark = async () => (window.__benchCpuMark ? window.__benchCpuMark() : undefined);
      /**
       * One edit, timed to the end of the frame that paints it; null when the text never changes (5 s).
       * `mark` is where its CPU window starts: it ends where the next edit's starts, the pause after it
       * included.
       */
      const timedEdit = async (id, direction) => {
        labelOf(id);
        const mark = await cpuMark();
        // Start between frames, as an input event would: just after one has been produced.
        await frame();
        await new Promise((resolve) => setTimeout(resolve, 0));
        const before = shownText(id);
        const started = performance.now();
        change(id, direction);
        let frames = 0;
        let seen = false;
        for (;;) {
          const t = await frame();
          if (seen) return { ms: t - started, frames, mark };
          frames += 1;
          if (shownText(id) !== before) seen = true;
          else if (performance.now() - started > 5000) return null;
        }
      };
      const samples = [];
      const skipped = [];
      const qualified = [];
      // Find components whose text the edit changes (an edit that changes no badge cannot be timed),
      // then alternate edit and revert over them.
      for (const id of candidates) {
        if (qualified.length >= 3 || samples.length >= wanted) break;
        const edit = await timedEdit(id, 'edit');
        if (!edit) {
          change(id, 'revert');
          skipped.push(id);
          await new Promise((resolve) => setTimeout(resolve, 500));
          continue;
        }
        qualified.push(id);
        samples.push({ ...edit, direction: 'edit', id });
        await new Promise((resolve) => setTimeout(resolve, 150));
        const back = await timedEdit(id, 'revert');
        samples.push(back ? { ...back, direction: 'revert', id } : { ms: NaN, frames: NaN, direction: 'revert', id });
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      for (let n = 0; samples.length < wanted && qualified.length > 0; n += 1) {
        const id = qualified[Math.floor(n / 2) % qualified.length];
        const direction = n % 2 === 0 ? 'edit' : 'revert';
        const timed = await timedEdit(id, direction);
        // A qualified component whose text stops changing is a failure to paint, and counted as one.
        samples.push(timed ? { ...timed, direction, id } : { ms: NaN, frames: NaN, direction, id });
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      // Closes the last edit's CPU window.
      await cpuMark();
      return { samples, skipped, candidates: candidates.length };
    },
    { wanted, variant },
  );
}

/**
 * JavaScript fetched before the canvas painted (resources requested before the canvas's mark),
 * gzip as a server would send the built files: for the app's normal start (the sample template
 * from a fresh library) and for a generated design.
 */
async function jsBeforeCanvasPaint(page) {
  return page.evaluate((mark) => {
    const painted = performance.getEntriesByName(mark)[0].startTime;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < painted && new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => new URL(entry.name).pathname);
  }, 'ninesmith:canvas-painted');
}

/** Loads one variant (app or baseline) at one size, up to its first view, ready for the frame scenarios. */
async function openPage(variant, size, canvasBox) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // Thread ticks: the main thread's CPU time. The default (wall time) counts the time a task waited
  // for a core while other processes ran, which made the same run vary up to 3x on a busy machine.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const url =
    variant === 'app'
      ? `${base}/?synthetic=${size}&seed=${SEED}`
      : `${base}/bench-baseline/?n=${size}&seed=${SEED}&cull=1&x=${canvasBox.x}&y=${canvasBox.y}&w=${canvasBox.width}&h=${canvasBox.height}`;
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('ninesmith:canvas-painted').length > 0 && window.__canvasApi, null, { timeout: 60_000 });
  const paintedMs = await page.evaluate(() => performance.getEntriesByName('ninesmith:canvas-painted')[0].startTime);
  const box = await page.locator('.react-flow').boundingBox();
  await page.waitForTimeout(300);
  const result = { variant, size, paintedMs, wallLoadMs: Date.now() - t0 };
  const firstView = await page.evaluate(() => window.__canvasApi.getViewport());
  if (variant === 'app') result.jsBeforePaint = await jsBeforeCanvasPaint(page);
  return { variant, size, context, page, cdp, box, firstView, result, rounds: { pan: [], zoom: [], drag: [], overview: [] } };
}

/** One round of every frame scenario on an open page, from its first view and back to it. */
async function scenarioRound(opened) {
  const { variant, page, cdp, box, firstView, rounds } = opened;
  rounds.pan.push(await measure(cdp, () => recordFrames(page, SCENARIO_MS, 'return { x: v0.x - 6 * n, y: v0.y - 2 * n, zoom: v0.zoom };')));
  await restoreViewport(page);
  rounds.zoom.push(
    await measure(cdp, () =>
      recordFrames(page, SCENARIO_MS, 'const z = 1 - 0.3 * Math.abs(Math.sin(t / 500)); const cx = 300, cy = 300; return { x: cx - (cx - v0.x) * z, y: cy - (cy - v0.y) * z, zoom: z };'),
    ),
  );
  await restoreViewport(page);

  // Drag a node near the middle of the view: mousedown, a small mousemove per frame, mouseup.
  const nodeSelector = variant === 'app' ? '.react-flow__node-component' : '.react-flow__node';
  const target = await page.evaluate(
    ({ selector, box }) => {
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      let best;
      for (const el of document.querySelectorAll(selector)) {
        const r = el.getBoundingClientRect();
        const d = Math.hypot(r.x + r.width / 2 - cx, r.y + r.height / 2 - cy);
        if (!best || d < best.d) best = { d, x: r.x + r.width * 0.25, y: r.y + r.height * 0.3 };
      }
      return best;
    },
    { selector: nodeSelector, box },
  );
  // The drag frames alone: the press (which selects the node) and the first move (which starts the
  // drag) come before the measurement, the release (the drop, an edit of the document) after it.
  await page.mouse.move(target.x, target.y);
  await page.mouse.down();
  await page.mouse.move(target.x + 2, target.y + 1);
  await page.waitForTimeout(300);
  let dragged = 1;
  rounds.drag.push(
    await measure(cdp, async () => {
      const recording = recordFrames(page, SCENARIO_MS, null);
      const end = Date.now() + SCENARIO_MS - 100;
      while (Date.now() < end) {
        dragged += 1;
        await page.mouse.move(target.x + 2 * dragged, target.y + (dragged % 20));
        await new Promise((r) => setTimeout(r, 16));
      }
      return recording;
    }),
  );
  await page.mouse.up();
  // The drop is an edit (the app analyses it): let that finish outside the next scenario's frames.
  await page.waitForTimeout(1000);

  // The overview: everything fitted on screen, then panned a little every frame.
  await page.evaluate(() => window.__canvasApi.fitView());
  await page.waitForTimeout(400);
  rounds.overview.push(await measure(cdp, () => recordFrames(page, SCENARIO_MS, 'return { x: v0.x - 1 * n, y: v0.y, zoom: v0.zoom };')));
  opened.result.overviewZoom = await page.evaluate(() => window.__canvasApi.getViewport().zoom);

  // Back to the first view (the request path at a working zoom).
  await page.evaluate((viewport) => window.__canvasApi.setViewport(viewport), firstView);
  await page.waitForTimeout(300);
}

/** Whether each app page also exports its design from the export panel (BENCH_EXPORT=0 skips it). */
const EXPORT_IN_APP = process.env.BENCH_EXPORT !== '0';

/**
 * The export panel on the app's page, as a user meets it: every target generated (the worker's
 * first export, started cold with the page) until the file list shows, then the zip downloaded;
 * for each, the wall time and the long tasks (over 50 ms) the page's thread ran meanwhile, which
 * are the time the canvas could not answer.
 */
async function exportInApp(page) {
  await page.evaluate(() => {
    window.__benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLongTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  await page.getByTestId('panel-tab-export').click();
  await page.getByTestId('export-generate').waitFor();
  await page.waitForTimeout(500);
  const longTasks = () => page.evaluate(() => window.__benchLongTasks.splice(0));
  await longTasks();
  const generateStarted = Date.now();
  await page.getByTestId('export-generate').click();
  await page.getByTestId('export-summary').waitFor({ timeout: 300_000 });
  const generateMs = Date.now() - generateStarted;
  const files = Number(/^(\d+) files/.exec((await page.getByTestId('export-summary').textContent()) ?? '')?.[1] ?? NaN);
  await page.waitForTimeout(300);
  const generateLong = await longTasks();
  const downloadStarted = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByTestId('export-download').click()]);
  const downloadMs = Date.now() - downloadStarted;
  await download.delete();
  await page.waitForTimeout(300);
  const downloadLong = await longTasks();
  const longest = (list) => Math.max(0, ...list);
  return { files, generateMs, generateLongestTaskMs: longest(generateLong), generateLongTaskMs: generateLong.reduce((a, b) => a + b, 0), downloadMs, downloadLongestTaskMs: longest(downloadLong) };
}

/** The rounds summed up, the app's edits timed, heap and DOM size read, the app's export timed; the page closed. */
async function finishPage(opened) {
  const { variant, size, page, cdp, context, result, rounds } = opened;
  for (const [scenario, list] of Object.entries(rounds)) result[scenario] = summarize(list);
  if (EDIT_SAMPLES_PER_PAGE > 0) {
    // First the scrolling to the components to edit (no edit), then the edits, each with the main
    // thread's CPU time from its start to the next one's (thread time, as for the frames: on a loaded
    // machine the wall time of an edit is mostly waiting for a core). It counts the bench's own check
    // of each frame too.
    await editToPaint(page, variant, 0);
    const marks = [];
    await page.exposeFunction('__benchCpuMark', async () => {
      marks.push(await taskDuration(cdp));
      return marks.length - 1;
    });
    const { samples, skipped, candidates } = await editToPaint(page, variant);
    // Each timed sample's CPU: from its start to the next edit's start. A candidate whose edit
    // changes no text (skipped) is not a sample: the 5 s of frames spent watching for its change
    // are the bench's own work, and counted on the app's side only (the bare page's edits always
    // change a label) they were over half of the app's CPU per edit.
    const timed = samples.filter((sample) => sample.mark !== undefined && marks[sample.mark + 1] !== undefined);
    result.editCpuMs = (timed.reduce((sum, sample) => sum + marks[sample.mark + 1] - marks[sample.mark], 0) * 1000) / Math.max(1, timed.length);
    // A run with nothing to edit on screen measures nothing: say so rather than print an empty row.
    if (candidates === 0) throw new Error(`edit to paint (${variant}): no multi-zone app service on screen at ${size} components`);
    // The app's samples are edits to painted findings; the bare page's, edits to a painted label.
    result[variant === 'app' ? 'editToFindings' : 'editToPaint'] = samples;
    result.editCandidatesSkipped = skipped.length;
  }
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  result.heapMB = metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1e6;
  result.domElements = await page.evaluate(() => document.getElementsByTagName('*').length);
  // After the heap's reading: the files the panel then holds are not the canvas's memory.
  if (variant === 'app' && EXPORT_IN_APP) result.exportInApp = await exportInApp(page);
  await context.close();
  return result;
}

const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] + sorted[Math.ceil((sorted.length - 1) / 2)]) / 2 : NaN;
};

/** The app's normal first start (a fresh library opens the sample template): JavaScript before its canvas paints. */
async function runStartPage() {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.waitForFunction(() => performance.getEntriesByName('ninesmith:canvas-painted').length > 0, null, { timeout: 60_000 });
  const files = await jsBeforeCanvasPaint(page);
  await context.close();
  return files;
}

const started = Date.now();
const runs = [];
let startFiles = [];
let failed = false;
try {
  startFiles = await runStartPage();
  step(`  the sample design's first start: done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const size of SIZES) {
    // The baseline's canvas takes the app's box; the first pair finds it, so it opens the app first.
    // Both pages of a pair stay open, and their scenario rounds alternate (A B, B A, A B…, and the
    // next pair starts the other way round): whatever drifts during a run (the machine's load, which
    // other helpers' work raises and lowers by the minute) then falls on both sides alike.
    let canvasBox;
    for (let pair = 1; pair <= PAIRS; pair += 1) {
      const appFirst = pair % 2 === 1;
      let app;
      let baseline;
      if (appFirst) {
        app = await openPage('app', size);
        canvasBox ??= app.box;
        baseline = await openPage('baseline', size, canvasBox);
      } else {
        baseline = await openPage('baseline', size, canvasBox);
        app = await openPage('app', size);
      }
      for (let round = 0; round < ROUNDS; round += 1) {
        const order = (round % 2 === 0) === appFirst ? [app, baseline] : [baseline, app];
        for (const opened of order) await scenarioRound(opened);
      }
      // The edits too are timed in the pair's order (the app's first, then the bare page's, or the other way round).
      const [first, second] = appFirst ? [app, baseline] : [baseline, app];
      const finished = { [first.variant]: await finishPage(first), [second.variant]: await finishPage(second) };
      runs.push({ pair, order: appFirst ? 'app first' : 'baseline first', app: finished.app, baseline: finished.baseline });
      step(`  ${size} components, pair ${pair} (${appFirst ? 'app first' : 'baseline first'}, ${ROUNDS} rounds each): done (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
  stopServer();
}

/** Nearest-rank 95th percentile of the finite values. */
const p95 = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] : NaN;
};

// --- Report. ---
const SCENARIOS = ['pan', 'zoom', 'drag', 'overview'];
const rows = [];
const summary = {};
for (const size of SIZES) {
  const ofSize = runs.filter((r) => r.app.size === size);
  if (ofSize.length === 0) continue;
  summary[size] = {};
  for (const scenario of SCENARIOS) {
    const pick = (variant, key) => median(ofSize.map((r) => r[variant][scenario][key]));
    const ratios = ofSize.map((r) => r.app[scenario].mainThreadMsPerFrame / r.baseline[scenario].mainThreadMsPerFrame);
    const ratio = median(ratios);
    const fpsRatio = median(ofSize.map((r) => r.baseline[scenario].fps / r.app[scenario].fps));
    summary[size][scenario] = {
      app: { fps: pick('app', 'fps'), medianMs: pick('app', 'medianMs'), p95Ms: pick('app', 'p95Ms'), mainThreadMsPerFrame: pick('app', 'mainThreadMsPerFrame'), longFrames: pick('app', 'longFrames') },
      baseline: { fps: pick('baseline', 'fps'), medianMs: pick('baseline', 'medianMs'), p95Ms: pick('baseline', 'p95Ms'), mainThreadMsPerFrame: pick('baseline', 'mainThreadMsPerFrame'), longFrames: pick('baseline', 'longFrames') },
      mainThreadRatio: ratio,
      mainThreadRatioRange: [Math.min(...ratios), Math.max(...ratios)],
      mainThreadRatiosByPair: ratios,
      frameTimeRatio: fpsRatio,
    };
    const s = summary[size][scenario];
    rows.push({
      size,
      scenario,
      'app fps': s.app.fps.toFixed(1),
      'app med/p95 ms': `${s.app.medianMs.toFixed(1)}/${s.app.p95Ms.toFixed(1)}`,
      'app main ms/frame': s.app.mainThreadMsPerFrame.toFixed(1),
      'app LoAF': s.app.longFrames,
      'base fps': s.baseline.fps.toFixed(1),
      'base med/p95 ms': `${s.baseline.medianMs.toFixed(1)}/${s.baseline.p95Ms.toFixed(1)}`,
      'base main ms/frame': s.baseline.mainThreadMsPerFrame.toFixed(1),
      'base LoAF': s.baseline.longFrames,
      'main-thread ratio (median of pairs)': ratio.toFixed(2),
      'ratio min–max': `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`,
      'frame-time ratio': fpsRatio.toFixed(2),
    });
  }
  summary[size].load = {
    appPaintedMs: median(ofSize.map((r) => r.app.paintedMs)),
    baselinePaintedMs: median(ofSize.map((r) => r.baseline.paintedMs)),
    appHeapMB: median(ofSize.map((r) => r.app.heapMB)),
    baselineHeapMB: median(ofSize.map((r) => r.baseline.heapMB)),
    appDom: median(ofSize.map((r) => r.app.domElements)),
    baselineDom: median(ofSize.map((r) => r.baseline.domElements)),
    appOverviewZoom: median(ofSize.map((r) => r.app.overviewZoom)),
    editToFindingsMs: median(ofSize.flatMap((r) => (r.app.editToFindings ?? []).map((sample) => sample.ms))),
    editToFindingsP95Ms: p95(ofSize.flatMap((r) => (r.app.editToFindings ?? []).map((sample) => sample.ms))),
    editToFindingsFrames: median(ofSize.flatMap((r) => (r.app.editToFindings ?? []).map((sample) => sample.frames))),
    editToFindingsP95Frames: p95(ofSize.flatMap((r) => (r.app.editToFindings ?? []).map((sample) => sample.frames))),
    editToFindingsSamples: ofSize.reduce((count, r) => count + (r.app.editToFindings ?? []).filter((sample) => Number.isFinite(sample.ms)).length, 0),
    editCpuMs: median(ofSize.map((r) => r.app.editCpuMs)),
    baselineEditCpuMs: median(ofSize.map((r) => r.baseline.editCpuMs)),
    editToFindingsMissed: ofSize.reduce((count, r) => count + (r.app.editToFindings ?? []).filter((sample) => !Number.isFinite(sample.ms)).length, 0),
    // The floor: the same measure on the bare React Flow page, one node's label replaced.
    baselineEditToPaintMs: median(ofSize.flatMap((r) => (r.baseline.editToPaint ?? []).map((sample) => sample.ms))),
    baselineEditToPaintP95Ms: p95(ofSize.flatMap((r) => (r.baseline.editToPaint ?? []).map((sample) => sample.ms))),
    baselineEditToPaintFrames: median(ofSize.flatMap((r) => (r.baseline.editToPaint ?? []).map((sample) => sample.frames))),
    baselineEditToPaintP95Frames: p95(ofSize.flatMap((r) => (r.baseline.editToPaint ?? []).map((sample) => sample.frames))),
    baselineEditToPaintSamples: ofSize.reduce((count, r) => count + (r.baseline.editToPaint ?? []).filter((sample) => Number.isFinite(sample.ms)).length, 0),
    baselineEditToPaintMissed: ofSize.reduce((count, r) => count + (r.baseline.editToPaint ?? []).filter((sample) => !Number.isFinite(sample.ms)).length, 0),
    // Each pair's median edit time on the app over the bare page's (the two pages were open and timed in the same pair).
    editRatiosByPair: ofSize.map(
      (r) => median((r.app.editToFindings ?? []).map((sample) => sample.ms)) / median((r.baseline.editToPaint ?? []).map((sample) => sample.ms)),
    ),
  };
  summary[size].load.editRatio = median(summary[size].load.editRatiosByPair);
  const exports = ofSize.map((r) => r.app.exportInApp).filter(Boolean);
  if (exports.length > 0) {
    summary[size].exportInApp = {
      samples: exports.length,
      files: median(exports.map((e) => e.files)),
      generateMs: median(exports.map((e) => e.generateMs)),
      generateLongestTaskMs: Math.max(...exports.map((e) => e.generateLongestTaskMs)),
      generateLongTaskMs: median(exports.map((e) => e.generateLongTaskMs)),
      downloadMs: median(exports.map((e) => e.downloadMs)),
      downloadLongestTaskMs: Math.max(...exports.map((e) => e.downloadLongestTaskMs)),
    };
  }
}
console.log('\nFrames (median of pairs; ratios are app / baseline, median of per-pair ratios; < 1.2 is the aim at 1,000)');
console.table(rows);
console.log('\nLoad to painted canvas, heap after GC, DOM elements (medians)');
console.table(
  Object.entries(summary).map(([size, s]) => ({
    size: Number(size),
    'app painted ms': s.load.appPaintedMs.toFixed(0),
    'base painted ms': s.load.baselinePaintedMs.toFixed(0),
    'app heap MB': s.load.appHeapMB.toFixed(1),
    'base heap MB': s.load.baselineHeapMB.toFixed(1),
    'app DOM': s.load.appDom,
    'base DOM': s.load.baselineDom,
    'fit-all zoom': s.load.appOverviewZoom.toFixed(3),
  })),
);
console.log(
  '\nEdit to paint (app: an app service moved into one zone and back, its findings badge on screen; bare React Flow page: the same component\'s node relabelled and back, its label on screen; each to the end of the frame that paints it; CPU: main-thread thread time per edit, median of pages; aim for the app: within two frames, 33 ms, at 5,000; ratio: app / bare, median of per-pair ratios of medians)',
);
console.table(
  Object.entries(summary).flatMap(([size, s]) => {
    const row = (page, samples, missed, ms, p95ms, frames, p95frames) => ({
      size: Number(size),
      page,
      samples,
      'never painted (5 s)': missed,
      'median ms': ms.toFixed(1),
      'p95 ms': p95ms.toFixed(1),
      'median frames': frames,
      'p95 frames': p95frames,
    });
    const { load: l } = s;
    return [
      { ...row('app (findings)', l.editToFindingsSamples, l.editToFindingsMissed, l.editToFindingsMs, l.editToFindingsP95Ms, l.editToFindingsFrames, l.editToFindingsP95Frames), 'CPU ms/edit': l.editCpuMs.toFixed(1), 'app / bare': l.editRatio.toFixed(2) },
      { ...row('bare React Flow (label)', l.baselineEditToPaintSamples, l.baselineEditToPaintMissed, l.baselineEditToPaintMs, l.baselineEditToPaintP95Ms, l.baselineEditToPaintFrames, l.baselineEditToPaintP95Frames), 'CPU ms/edit': l.baselineEditCpuMs.toFixed(1), 'app / bare': '' },
    ];
  }),
);
const exported = Object.entries(summary).filter(([, s]) => s.exportInApp);
if (exported.length > 0) {
  console.log(
    "\nExport in the app (the export panel, every target, the page's first export; then the zip downloaded): wall time to the file list and to the download (medians of pages), and the longest task on the page's thread meanwhile (the longest of all pages: the time the canvas could not answer)",
  );
  console.table(
    exported.map(([size, { exportInApp: e }]) => ({
      size: Number(size),
      pages: e.samples,
      files: e.files,
      'to the file list ms': e.generateMs.toFixed(0),
      'longest task ms': e.generateLongestTaskMs.toFixed(0),
      'long tasks ms (median sum)': e.generateLongTaskMs.toFixed(0),
      'zip download ms': e.downloadMs.toFixed(0),
      'longest task in download ms': e.downloadLongestTaskMs.toFixed(0),
    })),
  );
}
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const firstApp = runs[0]?.app;
console.log(`\nInitial JavaScript (index.html entry and preloads), gzip: ${kB(bundle.initialGzipBytes)} (${bundle.initialFiles.join(', ')})`);
// Everything fetched before the canvas painted, gzip of the built files as a server would send them.
const gzipOf = (paths) => paths.filter((path) => path.startsWith('/assets/')).reduce((sum, path) => sum + gz(join(DIST, path)), 0);
const shortNames = (paths) => paths.filter((path) => path.startsWith('/assets/')).map((path) => path.replace('/assets/', '')).join(', ');
bundle.beforePaintSample = { gzipBytes: gzipOf(startFiles), files: startFiles };
console.log(`JavaScript fetched before the canvas painted, the sample design's first start, gzip: ${kB(bundle.beforePaintSample.gzipBytes)} (${shortNames(startFiles)})`);
if (firstApp?.jsBeforePaint) {
  bundle.beforePaintSynthetic = { gzipBytes: gzipOf(firstApp.jsBeforePaint), files: firstApp.jsBeforePaint };
  console.log(`JavaScript fetched before the canvas painted, a generated design of ${firstApp.size}, gzip: ${kB(bundle.beforePaintSynthetic.gzipBytes)} (${shortNames(firstApp.jsBeforePaint)})`);
}
console.log('Lazily loaded chunks, gzip:');
console.table(bundle.lazyChunks.map((c) => ({ chunk: c.file, gzip: kB(c.gzipBytes), raw: kB(c.bytes) })));
console.log(`total time ${((Date.now() - started) / 1000).toFixed(0)} s`);

// The aims of issue 15 beside their figures, gathered by `npm run bench` (scripts/bench.mjs).
const EDIT_AIM_MS = 33;
const JS_AIM_KB = 200;
const aims = [];
for (const [size, s] of Object.entries(summary)) {
  aims.push({
    what: `edit to painted findings at ${Number(size).toLocaleString('en-US')} components`,
    aim: `≤ 2 frames (${EDIT_AIM_MS} ms)`,
    figure: `${s.load.editToFindingsMs.toFixed(0)} ms median (p95 ${s.load.editToFindingsP95Ms.toFixed(0)}), ${s.load.editToFindingsFrames} frames median (p95 ${s.load.editToFindingsP95Frames}), n ${s.load.editToFindingsSamples}${s.load.editToFindingsMissed > 0 ? `, ${s.load.editToFindingsMissed} never painted` : ''}, CPU ${s.load.editCpuMs.toFixed(0)} ms an edit; bare React Flow ${s.load.baselineEditToPaintMs.toFixed(0)} ms (p95 ${s.load.baselineEditToPaintP95Ms.toFixed(0)}), ${s.load.baselineEditToPaintFrames} frames, CPU ${s.load.baselineEditCpuMs.toFixed(0)} ms; app / bare ${s.load.editRatio.toFixed(2)}`,
    met: Number(size) >= 5000 ? s.load.editToFindingsFrames <= 2 && s.load.editToFindingsMs <= EDIT_AIM_MS && s.load.editToFindingsMissed === 0 : null,
  });
}
aims.push({
  what: 'JS loaded before the first canvas paint (the sample design)',
  aim: `≤ ${JS_AIM_KB} kB gzip`,
  figure: `${kB(bundle.beforePaintSample.gzipBytes)} (${bundle.beforePaintSample.files.length} files${bundle.beforePaintSample.files.some((f) => /elk/i.test(f)) ? ', ELK among them' : ', no ELK'})`,
  met: bundle.beforePaintSample.files.length > 0 && bundle.beforePaintSample.gzipBytes <= JS_AIM_KB * 1024,
});
if (bundle.beforePaintSynthetic) {
  aims.push({
    what: `JS loaded before the first canvas paint (a generated design of ${firstApp.size})`,
    aim: `≤ ${JS_AIM_KB} kB gzip`,
    figure: kB(bundle.beforePaintSynthetic.gzipBytes),
    met: bundle.beforePaintSynthetic.gzipBytes <= JS_AIM_KB * 1024,
  });
}
for (const [size, { exportInApp: e }] of exported) {
  aims.push({
    what: `export panel, every target, ${Number(size).toLocaleString('en-US')} components: the page's thread while the files and the zip are made`,
    aim: '(reported)',
    figure: `file list in ${e.generateMs.toFixed(0)} ms, zip in ${e.downloadMs.toFixed(0)} ms (medians of ${e.samples} page${e.samples === 1 ? '' : 's'}, ${e.files} files); longest task on the page's thread ${e.generateLongestTaskMs.toFixed(0)} ms while generating, ${e.downloadLongestTaskMs.toFixed(0)} ms while zipping`,
    met: null,
  });
}
console.log('\naims');
console.table(aims.map((aim) => ({ what: aim.what, aim: aim.aim, figure: aim.figure, met: aim.met === null ? '(reported)' : aim.met ? 'yes' : 'NO' })));

mkdirSync(join(root, 'bench-results'), { recursive: true });
writeFileSync(
  join(root, 'bench-results/browser.json'),
  `${JSON.stringify({ sizes: SIZES, pairs: PAIRS, rounds: ROUNDS, viewport: VIEWPORT, scenarioMs: SCENARIO_MS, aims, summary, bundle, runs }, null, 2)}\n`,
);
process.exit(failed ? 1 : 0);
