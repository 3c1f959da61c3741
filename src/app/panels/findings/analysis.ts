import { create } from 'zustand';
import type { Design } from '../../../model';
import { analyzeChange, analyzeDesign, severityRank, simulateScenario, type DesignAnalysis, type FailureScenario, type Failure } from '../../../engine';
import { setAnnotations, useStore, type NodeAnnotation, type WhatIf } from '../../store';

/**
 * The one place that runs the engine for the app. It listens to the store and reruns only when the
 * model (not the layout) or the what-if failure changes, so a drag never triggers it, and it runs
 * after the edit has painted, never in the edit's own frame. Results land in this small store for
 * the panels, and as node annotations (badges, greyed out) for the canvas.
 */
export interface AnalysisState {
  analysis: DesignAnalysis | null;
  /** The what-if failure's outcome, when one is set. */
  whatIf: FailureScenario | null;
  /** Milliseconds the last analysis took, shown in the panel footer and read by benchmarks. */
  elapsedMs: number;
  error: string | null;
  /**
   * The model the results belong to. Until the analysis of an edit has run it is the previous
   * model: `model !== useStore.getState().model` says the results are about to change.
   */
  model: Design | null;
}

export const useAnalysis = create<AnalysisState>(() => ({ analysis: null, whatIf: null, elapsedMs: 0, error: null, model: null }));

export function failureOf(whatIf: WhatIf): Failure {
  return { components: whatIf.failedComponents, zones: whatIf.failedZones, regions: whatIf.failedRegions };
}

/** Annotations per component, reusing the previous objects where nothing changed so only those nodes re-render. */
export function annotationsFor(analysis: DesignAnalysis, whatIf: FailureScenario | null, previous: Readonly<Record<string, NodeAnnotation>>): Record<string, NodeAnnotation> {
  // Counted first, one entry per component: an object per finding and component was most of this
  // function's work on a large design, where most annotations come out as they were.
  const counted = new Map<string, { count: number; severity: DesignAnalysis['findings'][number]['severity'] }>();
  for (const finding of analysis.findings) {
    // Badges mark what needs attention: informational findings stay in the panel only.
    if (finding.suppressed || finding.severity === 'info') continue;
    for (const id of finding.components) {
      const current = counted.get(id);
      if (!current) counted.set(id, { count: 1, severity: finding.severity });
      else {
        current.count += 1;
        if (severityRank(finding.severity) > severityRank(current.severity)) current.severity = finding.severity;
      }
    }
  }
  const down = new Set(whatIf?.downComponents ?? []);
  const next: Record<string, NodeAnnotation> = {};
  const annotate = (id: string, findings: { count: number; severity: DesignAnalysis['findings'][number]['severity'] } | undefined) => {
    const isDown = down.has(id);
    const before = previous[id];
    if (before && before.down === (isDown || undefined) && before.findings?.count === findings?.count && before.findings?.severity === findings?.severity) next[id] = before;
    else next[id] = { ...(findings ? { findings } : {}), ...(isDown ? { down: true } : {}) };
  };
  for (const [id, findings] of counted) annotate(id, findings);
  for (const id of down) if (!counted.has(id)) annotate(id, undefined);
  return next;
}

let lastModel: Design | null = null;
let lastWhatIf: WhatIf | null | undefined;

/**
 * The analysis of `model`, worked out from the published one when it is of the model before this
 * edit: only what the edit can move is computed again (engine/analysis/change.ts), and the result
 * is the same as analysing the model from nothing.
 */
function analysisOf(model: Design): DesignAnalysis {
  const published = useAnalysis.getState();
  if (published.analysis && published.model && published.model === lastModel) return analyzeChange(published.model, published.analysis, model);
  return analyzeDesign(model);
}

/** Runs what changed since the last run and publishes the results. */
export function refresh(): void {
  const { model, whatIf } = useStore.getState();
  if (model === lastModel && whatIf === lastWhatIf) return;
  const started = performance.now();
  try {
    const analysis = model === lastModel ? useAnalysis.getState().analysis : analysisOf(model);
    let scenario: FailureScenario | null = null;
    if (whatIf) {
      try {
        scenario = simulateScenario(model, failureOf(whatIf));
      } catch {
        // The failure names something the edit removed: drop it rather than show a stale one.
        scenario = null;
      }
    }
    lastModel = model;
    lastWhatIf = whatIf;
    useAnalysis.setState({ analysis, whatIf: scenario, elapsedMs: performance.now() - started, error: null, model });
    if (analysis) setAnnotations(annotationsFor(analysis, scenario, useStore.getState().annotations));
  } catch (error) {
    lastModel = model;
    lastWhatIf = whatIf;
    useAnalysis.setState({ analysis: null, whatIf: null, error: error instanceof Error ? error.message : String(error), model });
  }
}

/**
 * Calls `run` once the frame that shows the edit has painted: an animation frame, then a task
 * (a MessageChannel message runs before timers and after the frame's paint). A timer stands in
 * where frames do not come (a hidden tab), so the findings are never held back indefinitely.
 */
function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || typeof MessageChannel !== 'function') {
    queueMicrotask(run);
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    once();
  };
  requestAnimationFrame(() => channel.port2.postMessage(null));
  setTimeout(once, 200);
}

let started = false;

/**
 * Starts listening (once). An edit paints first; the analysis runs after that paint and its
 * findings paint in the next frame. Edits that come faster than that are coalesced: one run is
 * scheduled at a time and it analyses the newest model, so no result for an overtaken revision
 * is ever computed or published (the model object is the revision: `refresh` skips one it has).
 */
export function startAnalysis(): void {
  if (started) return;
  started = true;
  let scheduled = false;
  useStore.subscribe((state, previous) => {
    if (state.model === previous.model && state.whatIf === previous.whatIf) return;
    if (scheduled) return;
    scheduled = true;
    afterNextPaint(() => {
      scheduled = false;
      refresh();
    });
  });
  refresh();
}
