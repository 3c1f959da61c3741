import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadDesign } from '../catalog';
import { App } from './App';
import { notify } from './store';
import { installTestApi } from './test-api';
import { openAsNewDesign, openDesign, openLibrary, startAutosave, tabOpenDesign } from './persistence/session';
import { isShareFragment } from './persistence/share-fragment';
import { importShareHash } from './shell/actions';
import sampleText from '../../templates/single-region-multi-az.yaml?raw';

function clearShareFragment() {
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
}

/**
 * What opens at start: a shared link's design (imported as a new library entry), else the design
 * this tab had open before a reload, else the one open last in any tab, else the most recently
 * saved one, else (first run) the multi-AZ reference template.
 * `?synthetic=N` is left to the canvas, which opens a generated design that is never saved.
 */
async function openFirstDesign(): Promise<void> {
  const synthetic = Number(new URLSearchParams(window.location.search).get('synthetic'));
  if (Number.isInteger(synthetic) && synthetic > 0) {
    // The canvas module opens the generated design itself (id `synthetic-...`, never saved);
    // nothing is read from the library first. It opens after first paint for the dialogs.
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
  const sample = loadDesign(sampleText);
  if (!sample.ok) throw new Error('the sample template does not load');
  await openAsNewDesign(sample.design);
}

async function boot() {
  installTestApi();
  try {
    await openFirstDesign();
  } catch (error) {
    notify('error', 'The last design could not be opened', [error instanceof Error ? error.message : String(error)]);
  }
  startAutosave();
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
