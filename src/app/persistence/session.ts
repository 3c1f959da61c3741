import { create } from 'zustand';
import { formatProblem, type Design } from '../../model';
import { currentDocument, joinDocument, notify, replaceDocument, useStore } from '../store';
import { createAutosaver, type Autosaver } from './autosave';
import { IdbBackend } from './idb-backend';
import { DesignLibrary, InvalidDesignError, MemoryBackend, newDesignId } from './library';

/**
 * Ties the open design to the library: every edit is saved without asking (debounced, flushed
 * when the page is hidden or closed), opening another design saves the one being left first,
 * and tabs tell each other about saves.
 */

export const AUTOSAVE_DELAY_MS = 400;
export const AUTOSAVE_MAX_WAIT_MS = 3000;

interface LibraryStatus {
  /** Bumped on every change to the library, here or in another tab: lists re-read on it. */
  revision: number;
  /** false when IndexedDB is unavailable and designs live only as long as the tab. */
  persistent: boolean;
  lastSavedAt: number | null;
  saving: boolean;
  /** An edit of the open design is waiting for its save. */
  pending: boolean;
  /** The last save failed (the notice says why); the next edit or flush retries. */
  failed: boolean;
}

export const useLibraryStatus = create<LibraryStatus>()(() => ({ revision: 0, persistent: true, lastSavedAt: null, saving: false, pending: false, failed: false }));

const bump = () => useLibraryStatus.setState((state) => ({ revision: state.revision + 1 }));

let library: DesignLibrary | null = null;
let autosaver: Autosaver | null = null;
/** The first run's sample design being added to the library after the first paint (openAsNewDesignSavedLater). */
let firstSave: Promise<void> | null = null;
let channel: BroadcastChannel | null = null;
const TAB_ID = Math.random().toString(36).slice(2);
const warnedOtherTab = new Set<string>();
let lastErrorMessage = '';

type LibraryMessage = { type: 'changed'; id: string; tab: string };

function broadcast(id: string) {
  bump();
  channel?.postMessage({ type: 'changed', id, tab: TAB_ID } satisfies LibraryMessage);
}

const TAB_OPEN_KEY = 'ninesmith.openDesign';

/**
 * Remembers the open design for this tab (sessionStorage survives a reload but is per tab, so a
 * reload reopens this tab's design even when another tab opened a different one since) and for
 * the next new tab (the library's last-open mark).
 */
function rememberOpen(designId: string, persist: boolean): void {
  if (!persist) return;
  try {
    sessionStorage.setItem(TAB_OPEN_KEY, designId);
  } catch {
    // Storage refused (privacy mode): the library's mark still works.
  }
  if (library) void library.setLastOpen(designId).catch(() => undefined);
}

/** The design this tab had open before a reload, if any. */
export function tabOpenDesign(): string | undefined {
  try {
    return sessionStorage.getItem(TAB_OPEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function getLibrary(): DesignLibrary {
  if (!library) throw new Error('the library is not open yet');
  return library;
}

let opening: Promise<DesignLibrary> | null = null;

/** Opens the library once (IndexedDB, or memory when the browser refuses IndexedDB); later calls get the same one. */
export function openLibrary(): Promise<DesignLibrary> {
  opening ??= (async () => {
    let opened: DesignLibrary;
    try {
      opened = new DesignLibrary(await withTimeout(IdbBackend.open(), 5000));
    } catch (error) {
      opened = new DesignLibrary(new MemoryBackend());
      useLibraryStatus.setState({ persistent: false });
      notify('error', 'Designs cannot be saved in this browser', [
        `IndexedDB is unavailable (${error instanceof Error ? error.message : String(error)}), so designs last only while this tab is open.`,
        'Export the design to keep it.',
      ]);
    }
    library = opened;
    void opened.purgeExpired().catch(() => undefined);
    void opened
      .listAll()
      .then(({ damaged }) => {
        if (damaged.length === 0) return;
        notify('error', `${damaged.length === 1 ? 'A saved record is' : `${damaged.length} saved records are`} damaged`, [
          'Every other design opens as usual. The Library lists the damaged records: download their raw JSON to keep what they hold.',
        ]);
      })
      .catch(() => undefined);
    return opened;
  })();
  return opening;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Saves a design under its library id, unless it is one the store marks never to save (`persist: false`). */
async function saveDesign(designId: string, design: Design, persist: boolean): Promise<void> {
  if (!library || !persist) return;
  useLibraryStatus.setState({ saving: true });
  try {
    await library.save(designId, design);
    lastErrorMessage = '';
    useLibraryStatus.setState({ lastSavedAt: Date.now(), pending: autosaver?.pending ?? false, failed: false });
    broadcast(designId);
  } finally {
    useLibraryStatus.setState({ saving: false });
  }
}

function reportSaveError(error: unknown) {
  useLibraryStatus.setState({ failed: true });
  const message = error instanceof Error ? error.message : String(error);
  if (message === lastErrorMessage) return;
  lastErrorMessage = message;
  if (error instanceof InvalidDesignError) {
    notify('error', 'Not saved: the design has problems', error.problems.slice(0, 20).map(formatProblem));
  } else {
    notify('error', 'Not saved', [message, 'Your edits stay open here; export the design to keep a copy.']);
  }
}

/** Starts saving every edit of the open design. Call once, after the first design is open. */
export function startAutosave(): void {
  if (autosaver) return;
  const saver = createAutosaver({
    delayMs: AUTOSAVE_DELAY_MS,
    maxWaitMs: AUTOSAVE_MAX_WAIT_MS,
    save: () => {
      const { designId, persist } = useStore.getState();
      return saveDesign(designId, currentDocument(), persist);
    },
    onError: reportSaveError,
  });
  autosaver = saver;

  useStore.subscribe((state, previous) => {
    if (state.designId !== previous.designId) {
      // Another design was opened: what was pending belongs to the one being left.
      if (saver.pending) {
        saver.cancel();
        void saveDesign(previous.designId, joinDocument(previous.model, previous.layout), previous.persist).catch(reportSaveError);
      }
      rememberOpen(state.designId, state.persist);
      return;
    }
    if (state.model !== previous.model || state.layout !== previous.layout) {
      saver.schedule();
      if (state.persist) useLibraryStatus.setState({ pending: true });
    }
  });

  const flushQuietly = () => void saver.flush();
  window.addEventListener('pagehide', flushQuietly);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushQuietly();
  });

  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel('ninesmith-library');
    channel.onmessage = (event: MessageEvent<LibraryMessage>) => {
      if (event.data?.type !== 'changed' || event.data.tab === TAB_ID) return;
      bump();
      const { designId } = useStore.getState();
      if (event.data.id === designId && !warnedOtherTab.has(designId)) {
        warnedOtherTab.add(designId);
        notify('info', 'This design is also open in another tab', [
          'Each tab saves its own edits and the last save wins. Reload this tab to see the other tab\'s version.',
        ]);
      }
    };
  }
}

/** Saves now whatever is pending (before opening another design, in tests, before export). */
export async function flushAutosave(): Promise<void> {
  await firstSave;
  await autosaver?.flush();
}

/** Opens a design as the open design, saving the one being left first. */
export async function openDesign(designId: string, design: Design): Promise<void> {
  await flushAutosave();
  replaceDocument(designId, design);
  rememberOpen(designId, true);
}

/** Adds a design to the library as a new entry and opens it. Returns its id. */
export async function openAsNewDesign(design: Design): Promise<string> {
  const id = await (await openLibrary()).create(design);
  broadcast(id);
  await openDesign(id, design);
  return id;
}

/**
 * Opens a design that is known to be valid (a template validated at build time) as a new design at
 * once, and adds it to the library when `later()` (asked once it is open) resolves (after the canvas has painted), so opening
 * it does not wait for the library's checks. The entry is written from what is open then, so an
 * edit made meanwhile is kept; an autosave that came first has already written it.
 */
export async function openAsNewDesignSavedLater(design: Design, later: () => Promise<void>): Promise<string> {
  const id = newDesignId();
  await openDesign(id, design);
  // Until the entry is written the design is not saved, and the status must not say it is: another
  // tab opened meanwhile would not find it, and a tab closed meanwhile would lose it.
  useLibraryStatus.setState({ pending: true });
  firstSave = later()
    .then(async () => {
      const opened = await openLibrary();
      if ((await opened.load(id)) === undefined) {
        await opened.create(useStore.getState().designId === id ? currentDocument() : design, id);
        broadcast(id);
      }
      useLibraryStatus.setState({ lastSavedAt: Date.now(), pending: autosaver?.pending ?? false });
    })
    .catch((error: unknown) => reportSaveError(error))
    .finally(() => {
      firstSave = null;
    });
  return id;
}

/** Opens a saved design by id; false (with a notice) when it cannot be read. */
export async function openSavedDesign(id: string): Promise<boolean> {
  const loaded = await (await openLibrary()).load(id);
  if (!loaded) {
    notify('error', 'That design is gone', ['It was deleted, perhaps in another tab.']);
    bump();
    return false;
  }
  if (!loaded.ok) {
    notify('error', 'That design cannot be opened', loaded.problems.slice(0, 20).map(formatProblem));
    return false;
  }
  await openDesign(id, loaded.design);
  return true;
}

/** Library changes made by the UI (rename, delete, ...) tell other tabs and lists. */
export function libraryChanged(id: string): void {
  broadcast(id);
}
