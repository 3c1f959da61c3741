import { describe, expect, it } from 'vitest';
import { createAutosaver, type AutosaveTimers } from './autosave';

/** Fake timers with a hand-cranked clock, so the schedule is checked exactly. */
function fakeTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: AutosaveTimers = {
    setTimeout: (callback, ms) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
    now: () => now,
  };
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const due = [...pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].callback();
      await Promise.resolve();
      await Promise.resolve();
    }
    now = until;
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { timers, advance };
}

describe('the autosaver', () => {
  it('saves once after a burst of edits pauses', async () => {
    const { timers, advance } = fakeTimers();
    let saves = 0;
    const saver = createAutosaver({ delayMs: 500, maxWaitMs: 5000, timers, save: async () => void (saves += 1) });
    for (let i = 0; i < 10; i += 1) {
      saver.schedule();
      await advance(100);
    }
    expect(saves).toBe(0);
    await advance(500);
    expect(saves).toBe(1);
    expect(saver.pending).toBe(false);
  });

  it('saves at least every maxWait while edits never pause', async () => {
    const { timers, advance } = fakeTimers();
    let saves = 0;
    const saver = createAutosaver({ delayMs: 500, maxWaitMs: 2000, timers, save: async () => void (saves += 1) });
    for (let i = 0; i < 50; i += 1) {
      saver.schedule();
      await advance(100);
    }
    // 5 seconds of edits 100 ms apart: a save about every 2 seconds, not none.
    expect(saves).toBeGreaterThanOrEqual(2);
  });

  it('flush saves now and resolves when saved', async () => {
    const { timers } = fakeTimers();
    const saved: number[] = [];
    let value = 0;
    const saver = createAutosaver({ delayMs: 500, maxWaitMs: 5000, timers, save: async () => void saved.push(value) });
    value = 7;
    saver.schedule();
    await saver.flush();
    expect(saved).toEqual([7]);
    await saver.flush();
    expect(saved).toEqual([7]);
  });

  it('an edit made during a save gets a save of its own', async () => {
    const { timers, advance } = fakeTimers();
    const saved: number[] = [];
    let value = 1;
    let release: () => void = () => {};
    const saver = createAutosaver({
      delayMs: 100,
      maxWaitMs: 1000,
      timers,
      save: () => {
        saved.push(value);
        return saved.length === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
      },
    });
    saver.schedule();
    await advance(100);
    expect(saved).toEqual([1]);
    value = 2;
    saver.schedule();
    release();
    await advance(200);
    expect(saved).toEqual([1, 2]);
  });

  it('keeps a change pending when the save fails, and retries on the next flush without looping', async () => {
    const { timers, advance } = fakeTimers();
    let attempts = 0;
    const errors: unknown[] = [];
    const saver = createAutosaver({
      delayMs: 100,
      maxWaitMs: 1000,
      timers,
      save: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('quota');
      },
      onError: (error) => errors.push(error),
    });
    saver.schedule();
    await advance(100);
    expect(errors).toHaveLength(1);
    expect(saver.pending).toBe(true);
    await advance(10_000);
    expect(attempts).toBe(1);
    await saver.flush();
    expect(attempts).toBe(2);
    expect(saver.pending).toBe(false);
  });

  /** An autosaver whose saves stay in flight until released, recording the value each one wrote. */
  function heldSaves() {
    const { timers, advance } = fakeTimers();
    const saved: number[] = [];
    const state = { value: 1 };
    const releases: (() => void)[] = [];
    const saver = createAutosaver({
      delayMs: 100,
      maxWaitMs: 1000,
      timers,
      save: () => {
        saved.push(state.value);
        return new Promise<void>((resolve) => releases.push(resolve));
      },
    });
    return { saver, saved, state, releases, advance };
  }

  it('a flush while a save is in flight issues the next save at once, not after the one in flight (a closing page runs nothing later)', async () => {
    const { saver, saved, state, releases, advance } = heldSaves();
    saver.schedule();
    await advance(100);
    expect(saved).toEqual([1]);
    // An edit lands while the first save's write is in flight; then the page is hidden or closed.
    state.value = 2;
    saver.schedule();
    const flushed = saver.flush();
    // Synchronously, before the first save has finished: the pagehide handler gets no later turn.
    expect(saved).toEqual([1, 2]);
    let done = false;
    void flushed.then(() => (done = true));
    releases[1]!();
    await advance(0);
    expect(done).toBe(false); // the flush also waits for the save that was in flight
    releases[0]!();
    await advance(0);
    expect(done).toBe(true);
    expect(saver.pending).toBe(false);
    // Nothing more to save afterwards.
    await advance(1000);
    expect(saved).toEqual([1, 2]);
  });

  it('a timed save waits for the one in flight, then saves an edit made meanwhile', async () => {
    const { saver, saved, state, releases, advance } = heldSaves();
    saver.schedule();
    await advance(100);
    state.value = 2;
    saver.schedule();
    await advance(500);
    expect(saved).toEqual([1]);
    releases[0]!();
    await advance(100);
    expect(saved).toEqual([1, 2]);
  });
});

