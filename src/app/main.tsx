import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installBenchApi } from './bench-api';
import { initialFolds, notify, replaceDocument, useStore } from './store';
import { canvasPainted } from './canvas-painted';
import { installTestApi } from './test-api';
import { openAsNewDesignSavedLater, openDesign, openLibrary, startAutosave, tabOpenDesign } from './persistence/session';
import { libraryChecks } from './persistence/library';
import { isShareFragment } from './persistence/share-fragment';
import { importShareHash } from './shell/actions';
// Validated when the app is built (scripts/validated-design.ts): the first start needs neither zod nor js-yaml.
import sampleDesign from '../../templates/single-region-multi-az.yaml?validated-design';

/** The largest design `?synthetic=N` generates. */
const MAX_SYNTHETIC = 50_000;

function clearShareFragment() {
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
}

/**
 * `?synthetic=N&seed=S` asks for a generated design of N components (benchmarks, scale tests):
 * its size and seed, or undefined for a normal start.
 */
function syntheticRequest(search: string): { size: number; seed: number } | undefined {
  const params = new URLSearchParams(search);
  const size = Number(params.get('synthetic'));
  if (!Number.isInteger(size) || size <= 0) return undefined;
  return { size: Math.min(size, MAX_SYNTHETIC), seed: Number(params.get('seed') ?? 1) || 1 };
}

/**
 * What opens at start: a generated design for `?synthetic=N` (never saved; nothing is read from
 * the library first), else a shared link's design (imported as a new library entry), else the
 * design this tab had open before a reload, else the one open last in any tab, else the most
 * recently saved one, else (first run) the multi-AZ reference template.
 */
async function openFirstDesign(): Promise<void> {
  const synthetic = syntheticRequest(window.location.search);
  if (synthetic) {
    // Loaded only when asked for: benchmarks and scale tests need it, a designer's first paint does not.
    const { syntheticDesign } = await import('../catalog/synthetic-design');
    replaceDocument(`synthetic-${synthetic.size}-${synthetic.seed}`, syntheticDesign(synthetic.size, synthetic.seed), { persist: false });
    // The library still opens, after first paint, for the dialogs.
    setTimeout(() => void openLibrary(), 0);
    return;
  }
  const library = await openLibrary();
  if (isShareFragment(window.location.hash)) {
    const opened = await importShareHash(window.location.hash);
    clearShareFragment();
    if (opened) return;
  }
  const entries = (await library.list()).filter((entry) => entry.deletedAt === undefined);
  // This tab's design before a reload, else the design open last in any tab, else the newest.
  const preferred = [tabOpenDesign(), await library.lastOpen()];
  const rank = (id: string) => {
    const index = preferred.indexOf(id);
    return index === -1 ? preferred.length : index;
  };
  const candidates = [...entries].sort((a, b) => rank(a.id) - rank(b.id));
  for (const entry of candidates.slice(0, 5)) {
    const loaded = await library.load(entry.id);
    if (loaded?.ok) {
      await openDesign(entry.id, loaded.design);
      return;
    }
    if (loaded && !loaded.ok) notify('error', `"${entry.name}" could not be read and was not opened`, loaded.problems.slice(0, 10).map((p) => p.message));
  }
  // Saved to the library once the canvas has painted: the library's checks load after the first paint.
  await openAsNewDesignSavedLater(sampleDesign, canvasPainted);
}

/**
 * Starts the app, in this order: the test and benchmark hooks (their builds only), the first
 * design, saving, shared links pasted later, the first render, then (once the canvas has painted)
 * the analysis that feeds badges and panels. Nothing else starts work when it is imported.
 */
async function boot() {
  // `vite build --mode test|bench` only: a production build folds these conditions to false and
  // leaves the hooks' modules out of the bundle (scripts/check-production-build.mjs checks it).
  if (import.meta.env.MODE === 'test' || import.meta.env.MODE === 'bench') installTestApi();
  if (import.meta.env.MODE === 'bench') installBenchApi();
  // Before the first design's first view is computed: that view is fitted to the canvas's width.
  useStore.setState(initialFolds(window.innerWidth));
  try {
    await openFirstDesign();
  } catch (error) {
    notify('error', 'The last design could not be opened', [error instanceof Error ? error.message : String(error)]);
  }
  startAutosave();
  // Badges on nodes and what-if greying work whichever tab is open, so the analysis runs from the
  // start, but after the canvas has painted: the engine is loaded on demand, not before the first paint.
  // The library's checks too, so the first save after an edit need not wait for them.
  void canvasPainted().then(() => libraryChecks());
  void canvasPainted()
    .then(() => import('./panels/findings/analysis'))
    .then((module) => module.startAnalysis());
  // A shared link pasted into the address bar of an open tab changes only the fragment.
  window.addEventListener('hashchange', () => {
    if (!isShareFragment(window.location.hash)) return;
    const hash = window.location.hash;
    clearShareFragment();
    void importShareHash(hash);
  });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
