import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDesign } from '../../../catalog';
import * as engine from '../../../engine';
import { updateComponent } from '../../commands';
import { replaceDocument, useStore } from '../../store';
import { startAnalysis, useAnalysis } from './analysis';

vi.mock('../../../engine', async (importOriginal) => {
  const actual = await importOriginal<typeof engine>();
  return { ...actual, analyzeDesign: vi.fn(actual.analyzeDesign), analyzeChange: vi.fn(actual.analyzeChange) };
});

const template = () => {
  const result = loadDesign(readFileSync(join(import.meta.dirname, '../../../../templates/first-launch-common-mistakes.yaml'), 'utf8'));
  if (!result.ok) throw new Error('template does not load');
  return result.design;
};

/** Animation frames run by hand: the test says when the frame that shows an edit has painted. */
function manualFrames() {
  const callbacks: FrameRequestCallback[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => callbacks.push(callback));
  return {
    paint() {
      for (const callback of callbacks.splice(0)) callback(performance.now());
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('when the app analyses an edit', () => {
  it('analyses after the edit has painted, once for edits that come together, from the analysis before them, and publishes the newest model', async () => {
    const frames = manualFrames();
    const analyze = vi.mocked(engine.analyzeDesign);
    const analyzeChange = vi.mocked(engine.analyzeChange);
    replaceDocument('schedule-test', template());
    startAnalysis();
    expect(useAnalysis.getState().model).toBe(useStore.getState().model);
    const before = useAnalysis.getState();
    analyze.mockClear();
    analyzeChange.mockClear();

    updateComponent('web', (component) => ({ ...component, replicas: 5 }));
    updateComponent('web', (component) => ({ ...component, replicas: 6 }));
    await Promise.resolve();
    // Nothing runs in the edit's own frame: the store has the edit, the analysis does not yet.
    expect(analyzeChange).not.toHaveBeenCalled();
    expect(analyze).not.toHaveBeenCalled();
    expect(useAnalysis.getState().model).not.toBe(useStore.getState().model);

    frames.paint();
    // The run is a task queued from the frame (a MessageChannel message), whose turn against the
    // test's own timer Node does not fix: wait for it rather than for a set number of ticks.
    await vi.waitFor(() => expect(analyzeChange).toHaveBeenCalled());
    // One run, for the newest model, worked out from the analysis published before the edits.
    expect(analyzeChange).toHaveBeenCalledTimes(1);
    expect(analyzeChange).toHaveBeenCalledWith(before.model, before.analysis, useStore.getState().model);
    expect(analyze).not.toHaveBeenCalled();
    expect(useAnalysis.getState().model).toBe(useStore.getState().model);
    // The same findings and figures as analysing the edited design from nothing.
    const published = JSON.parse(JSON.stringify(useAnalysis.getState().analysis));
    expect(published).toEqual(JSON.parse(JSON.stringify(engine.analyzeDesign(structuredClone(useStore.getState().model)))));
  });
});
