/**
 * When to save: a debounced writer that never loses the last change. Edits arrive in bursts
 * (typing, a drag's end, a paste); saving waits until the burst pauses (`delayMs`) but never
 * longer than `maxWaitMs` after the first unsaved edit, so a user who edits without pause is
 * still saved every few seconds. `flush()` saves now (page hidden or closing, another design
 * opened). Saves never overlap: an edit made during a save schedules one more save after it.
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
  let running: Promise<void> | null = null;
  let disposed = false;
  /** After a failed save, wait for the next edit or flush instead of retrying in a loop. */
  let lastSaveFailed = false;

  const clearTimer = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };

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

  /** Runs saves one after another until nothing is dirty (an edit during a save gets its own save). */
  const drain = (): Promise<void> => {
    if (running) return running;
    running = (async () => {
      try {
        await runSave();
      } finally {
        running = null;
        if (dirty && !disposed && !lastSaveFailed) arm();
      }
    })();
    return running;
  };

  const arm = () => {
    clearTimer();
    const waited = timers.now() - firstDirtyAt;
    const wait = Math.max(0, Math.min(options.delayMs, options.maxWaitMs - waited));
    timer = timers.setTimeout(() => {
      timer = undefined;
      void drain();
    }, wait);
  };

  return {
    schedule() {
      if (disposed) return;
      if (!dirty || lastSaveFailed) firstDirtyAt = timers.now();
      dirty = true;
      lastSaveFailed = false;
      if (!running) arm();
    },
    async flush() {
      if (running) await running;
      await drain();
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
