/**
 * When to save: a debounced writer that never loses the last change. Edits arrive in bursts
 * (typing, a drag's end, a paste); saving waits until the burst pauses (`delayMs`) but never
 * longer than `maxWaitMs` after the first unsaved edit, so a user who edits without pause is
 * still saved every few seconds. `flush()` saves now (page hidden or closing, another design
 * opened). Timed saves never overlap: an edit made during a save schedules one more save after it.
 * A flush does not wait for a save in flight: it issues its own at once, because a page that is
 * closing runs no code after its first await, and storage applies writes in the order they were
 * issued (IndexedDB runs overlapping read-write transactions in creation order), so the later,
 * newer save wins.
 *
 * Plain TypeScript with injectable timers, so the scheduling is tested in Node.
 */
export interface AutosaveTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface AutosaveOptions {
  delayMs: number;
  maxWaitMs: number;
  /** Saves the latest state; reads it itself, so a save always writes the newest document. */
  save(): Promise<void>;
  /** Called when a save fails; the change stays pending and is retried on the next edit or flush. */
  onError?(error: unknown): void;
  timers?: AutosaveTimers;
}

export interface Autosaver {
  /** An edit happened: save soon. */
  schedule(): void;
  /** Save now if anything is pending; resolves when the state at call time is saved. */
  flush(): Promise<void>;
  /** Whether an edit is not yet saved. */
  readonly pending: boolean;
  /** Forgets a pending edit (its state was saved another way). */
  cancel(): void;
  /** Stops the timers (pending edits are dropped; flush first to keep them). */
  dispose(): void;
}

const realTimers: AutosaveTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export function createAutosaver(options: AutosaveOptions): Autosaver {
  const timers = options.timers ?? realTimers;
  let dirty = false;
  let firstDirtyAt = 0;
  let timer: unknown;
  const inFlight = new Set<Promise<void>>();
  let disposed = false;
  /** After a failed save, wait for the next edit or flush instead of retrying in a loop. */
  let lastSaveFailed = false;

  const clearTimer = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };

  /** Marks the state saved and calls `save()` before its first await, so the write is issued synchronously. */
  const runSave = async (): Promise<void> => {
    clearTimer();
    if (!dirty || disposed) return;
    dirty = false;
    lastSaveFailed = false;
    try {
      await options.save();
    } catch (error) {
      dirty = true;
      lastSaveFailed = true;
      options.onError?.(error);
    }
  };

  /** Starts a save; when the last save in flight ends and an edit came meanwhile, schedules one more. */
  const startSave = (): Promise<void> => {
    const save = runSave();
    inFlight.add(save);
    void save.then(() => {
      inFlight.delete(save);
      if (inFlight.size === 0 && dirty && !disposed && !lastSaveFailed) arm();
    });
    return save;
  };

  const arm = () => {
    clearTimer();
    const waited = timers.now() - firstDirtyAt;
    const wait = Math.max(0, Math.min(options.delayMs, options.maxWaitMs - waited));
    timer = timers.setTimeout(() => {
      timer = undefined;
      // A save in flight arms again when it ends.
      if (inFlight.size === 0) void startSave();
    }, wait);
  };

  return {
    schedule() {
      if (disposed) return;
      if (!dirty || lastSaveFailed) firstDirtyAt = timers.now();
      dirty = true;
      lastSaveFailed = false;
      if (inFlight.size === 0) arm();
    },
    async flush() {
      const saves = [...inFlight];
      // Issued now, not after the save in flight: see the note at the top.
      if (dirty && !disposed) saves.push(startSave());
      await Promise.all(saves);
    },
    get pending() {
      return dirty;
    },
    cancel() {
      dirty = false;
      lastSaveFailed = false;
      clearTimer();
    },
    dispose() {
      disposed = true;
      clearTimer();
    },
  };
}
