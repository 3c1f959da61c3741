import { create } from 'zustand';
import type { Design } from '../../../model';
import { analyzeChange, analyzeDesign, findingsChange, severityRank, simulateScenario, SEVERITIES, type DesignAnalysis, type FailureScenario, type Failure, type Finding } from '../../../engine';
import { annotationOf, setAnnotations, useStore, withAnnotations, NO_ANNOTATIONS, type NodeAnnotation, type NodeAnnotations, type WhatIf } from '../../store';

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
export function annotationsFor(analysis: DesignAnalysis, whatIf: FailureScenario | null, previous: NodeAnnotations): NodeAnnotations {
  return countAnnotations(analysis, whatIf, previous).annotations;
}

/** Badges mark what needs attention: informational and suppressed findings stay in the panel only. */
const badged = (finding: Finding): boolean => !finding.suppressed && finding.severity !== 'info';

/**
 * The annotations published for one analysis and what-if, with the badge-worthy findings of each
 * component counted by severity (index: `severityRank`). The next analysis, which shares the finding
 * objects an edit left alone (engine/analysis/change.ts), is then counted from the findings that
 * came and went, and only the components they name are looked at again: counting every finding of
 * a design of 5,000 components and building a record of them all was about 4 ms of each edit.
 */
export interface CountedAnnotations {
  readonly analysis: DesignAnalysis;
  readonly whatIf: FailureScenario | null;
  readonly annotations: NodeAnnotations;
  /** Owned by this count: the next count takes it over and changes it in place. */
  readonly tally: Map<string, number[]>;
}

function annotationFrom(counts: readonly number[] | undefined, isDown: boolean, before: NodeAnnotation | undefined): NodeAnnotation | undefined {
  let count = 0;
  let worst = -1;
  if (counts) {
    for (let rank = 0; rank < counts.length; rank += 1) {
      count += counts[rank]!;
      if (counts[rank]! > 0) worst = rank;
    }
  }
  const findings = count > 0 ? { count, severity: SEVERITIES[worst]! } : undefined;
  if (!findings && !isDown) return undefined;
  if (before && before.down === (isDown || undefined) && before.findings?.count === findings?.count && before.findings?.severity === findings?.severity) return before;
  return { ...(findings ? { findings } : {}), ...(isDown ? { down: true } : {}) };
}

/** The annotations of `analysis` and `whatIf` counted from nothing, reusing the objects of `previous` that are unchanged. */
export function countAnnotations(analysis: DesignAnalysis, whatIf: FailureScenario | null, previous: NodeAnnotations): CountedAnnotations {
  const tally = new Map<string, number[]>();
  for (const finding of analysis.findings) if (badged(finding)) addFinding(tally, finding, 1);
  const down = new Set(whatIf?.downComponents ?? []);
  const changes = new Map<string, NodeAnnotation | undefined>();
  for (const [id, counts] of tally) changes.set(id, annotationFrom(counts, down.has(id), annotationOf(previous, id)));
  for (const id of down) if (!tally.has(id)) changes.set(id, annotationFrom(undefined, true, annotationOf(previous, id)));
  return { analysis, whatIf, annotations: withAnnotations(NO_ANNOTATIONS, changes), tally };
}

/**
 * What a badge-worthy finding adds to the badges, as text: its severity and the components it names.
 * Two findings with the same key count the same.
 */
const countKey = (finding: Finding): string => `${finding.severity}\u0000${finding.components.join('\u0000')}`;

function addFinding(tally: Map<string, number[]>, finding: Finding, by: 1 | -1): void {
  const rank = severityRank(finding.severity);
  for (const id of finding.components) {
    let counts = tally.get(id);
    if (!counts) tally.set(id, (counts = [0, 0, 0, 0, 0]));
    counts[rank]! += by;
  }
}

/**
 * The findings that went and came between two analyses' lists, as identities: the engine's record of
 * the change when `now` was worked out from `earlier` (a few findings, however large the design);
 * otherwise found by comparing the lists, a pass over thousands of findings at 5,000 components.
 * A finding in both `gone` and `added` counts out and in again.
 */
function findingsSince(earlier: readonly Finding[], now: readonly Finding[]): { gone: Iterable<Finding>; added: readonly Finding[] } {
  const change = findingsChange(now);
  if (change && change.earlier === earlier) return change;
  const gone = new Set(earlier);
  const added: Finding[] = [];
  for (const finding of now) if (!gone.delete(finding)) added.push(finding);
  return { gone, added };
}

/**
 * The annotations of `analysis` and `whatIf`, counted from `before` (which this takes over: its
 * tally is changed in place): only the components named by a finding that came or went, or taken
 * down or brought back by the what-if, are looked at again; every other annotation object is kept.
 * The same annotations as `countAnnotations` would give.
 */
export function recountAnnotations(before: CountedAnnotations, analysis: DesignAnalysis, whatIf: FailureScenario | null): CountedAnnotations {
  const { tally } = before;
  const touched = new Set<string>();
  if (analysis.findings !== before.analysis.findings) {
    const { gone, added } = findingsSince(before.analysis.findings, analysis.findings);
    // A rule over the whole design runs again on every edit and makes new findings that count as
    // the old ones did (dr-untested names 2,500 components at 5,000): such a pair changes no badge.
    // Paired by key, so an analysis worked out from nothing (every finding new) costs one look-up
    // per finding, not a scan of the removed ones for each added one.
    const removedByKey = new Map<string, Finding[]>();
    for (const finding of gone) {
      if (!badged(finding)) continue;
      const key = countKey(finding);
      const alike = removedByKey.get(key);
      if (alike) alike.push(finding);
      else removedByKey.set(key, [finding]);
    }
    for (const finding of added) {
      if (!badged(finding)) continue;
      const twins = removedByKey.get(countKey(finding));
      if (twins !== undefined && twins.length > 0) {
        twins.pop();
        continue;
      }
      addFinding(tally, finding, 1);
      for (const id of finding.components) touched.add(id);
    }
    for (const unpaired of removedByKey.values()) {
      for (const finding of unpaired) {
        addFinding(tally, finding, -1);
        for (const id of finding.components) touched.add(id);
      }
    }
  }
  const down = new Set(whatIf?.downComponents ?? []);
  if (whatIf !== before.whatIf) {
    for (const id of before.whatIf?.downComponents ?? []) touched.add(id);
    for (const id of down) touched.add(id);
  }
  if (touched.size === 0) return { analysis, whatIf, annotations: before.annotations, tally };
  const changes = new Map<string, NodeAnnotation | undefined>();
  for (const id of touched) {
    const annotation = annotationFrom(tally.get(id), down.has(id), annotationOf(before.annotations, id));
    changes.set(id, annotation);
    if (!annotation) tally.delete(id);
  }
  return { analysis, whatIf, annotations: withAnnotations(before.annotations, changes), tally };
}

let lastModel: Design | null = null;
let lastWhatIf: WhatIf | null | undefined;
/** The annotations last published, with their count. */
let counted: CountedAnnotations | null = null;

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
    if (analysis) {
      // Counted from the last published count while that is still what the canvas shows (a design
      // opened since starts from nothing, its annotations cleared by the store).
      const shown = useStore.getState().annotations;
      counted = counted && counted.annotations === shown ? recountAnnotations(counted, analysis, scenario) : countAnnotations(analysis, scenario, shown);
      if (counted.annotations !== shown) setAnnotations(counted.annotations);
    }
  } catch (error) {
    counted = null;
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
