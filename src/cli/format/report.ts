import type { Design } from '../../model';
import { severityRank, type DesignAnalysis, type FailureScenario, type JourneyAvailability, type Severity } from '../../engine';

/** What every formatter receives: the file as given on the command line, its text, and the analysis. */
export interface ValidationReport {
  /** The path as the user wrote it (reports and SARIF locations use it). */
  file: string;
  /** The file relative to the root of its git repository (else the working directory), with forward slashes, for SARIF artifact URIs. */
  uri: string;
  text: string;
  design: Design;
  analysis: DesignAnalysis;
  failOn: Severity;
}

/** Findings that fail the run: unsuppressed, at or above --fail-on. */
export function failingFindings(report: ValidationReport) {
  return report.analysis.findings.filter((f) => !f.suppressed && severityRank(f.severity) >= severityRank(report.failOn));
}

/** What a recovery entry is about: what fails in a zone or region, else the component itself. */
export function scenarioComponents(s: FailureScenario): string[] {
  if (s.kind === 'zone' || s.kind === 'region') return [...s.downComponents, ...s.degradedComponents];
  return [...(s.failure.components ?? [])];
}

/** A journey's two figures for the machine-readable reports (JSON, SARIF): the contract's fields first. */
export function journeyFigures(j: JourneyAvailability) {
  return {
    id: j.id,
    availability: j.percent,
    downtimeMinutesPerMonth: j.downtimeMinutesPerMonth,
    target: j.target,
    modelled: j.modelled
      ? {
          availability: j.modelled.availability,
          downtimeMinutesPerMonth: j.modelled.downtimeMinutesPerMonth,
          low: j.modelled.low,
          high: j.modelled.high,
          contributors: j.modelled.contributors.map((c) => ({
            scenario: c.scenario,
            components: c.components,
            minutesPerMonth: c.minutesPerMonth,
            kind: c.kind,
            title: c.title,
            lowMinutesPerMonth: c.lowMinutesPerMonth,
            highMinutesPerMonth: c.highMinutesPerMonth,
          })),
          nines: j.modelled.nines,
          meetsTarget: j.modelled.meetsTarget,
        }
      : null,
    name: j.name,
    nines: j.nines,
    meetsTarget: j.meetsTarget,
    floorMeetsTarget: j.floorMeetsTarget,
    floorStatus: j.floorStatus,
    ...(j.floorReason ? { floorReason: j.floorReason } : {}),
    complete: j.complete,
    explanation: j.explanation,
  };
}

/** Scenarios worth listing in a summary: zones, regions, external dependencies, releases, corruption. */
export function summaryScenarios(analysis: DesignAnalysis) {
  return analysis.scenarios.filter((s) => s.kind !== 'component');
}

/**
 * The 1-based line where each component is declared (`- id: web` under `components:` in YAML,
 * `"id": "web"` inside the `"components"` array in JSON), so SARIF results point at the component.
 */
export function componentLines(text: string): Map<string, number> {
  const lines = text.split(/\r?\n/);
  const found = new Map<string, number>();
  if (/^\s*\{/.test(text)) {
    const begin = text.search(/"components"\s*:/);
    if (begin < 0) return found;
    const rest = text.slice(begin);
    const stop = rest.search(/\n\s{0,2}"(connections|journeys|suppressions|pricing|assumptions|layout)"\s*:/);
    const section = stop < 0 ? rest : rest.slice(0, stop);
    const baseLine = text.slice(0, begin).split('\n').length;
    for (const match of section.matchAll(/"id"\s*:\s*"([a-z0-9-]+)"/g)) {
      if (!found.has(match[1]!)) found.set(match[1]!, baseLine + section.slice(0, match.index).split('\n').length - 1);
    }
    return found;
  }
  let inside = false;
  lines.forEach((line, index) => {
    const top = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (top) inside = top[1] === 'components';
    if (!inside) return;
    const match = /^\s*-\s*(?:\{\s*)?id\s*:\s*["']?([a-z0-9-]+)["']?/.exec(line);
    if (match && !found.has(match[1]!)) found.set(match[1]!, index + 1);
  });
  return found;
}
