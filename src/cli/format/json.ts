import { writeJsonTo } from './json-writer';
import type { TextOutput } from './line-writer';
import { journeyFigures, scenarioComponents, type ValidationReport } from './report';

/**
 * The JSON report of docs/cli.md ("validate"): findings, journeys and recovery, with
 * durations in seconds (null where unbounded). A journey's `availability` is its SLA floor (null when
 * unknown: `floorReason` says why); `modelled` is the expected availability from failure scenarios,
 * with its range and the scenarios that cost the most. Fields beyond the contract are additions only.
 * Written a member at a time: 27 MB at 20,000 components.
 */
export function writeJson(report: ValidationReport, output: TextOutput): void {
  const { analysis } = report;
  const document = {
    file: report.file,
    valid: true,
    findings: analysis.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      components: f.components,
      message: f.message,
      fix: f.fix,
      title: f.title,
      category: f.category,
      connections: f.connections,
      suppressed: f.suppressed ? true : false,
      ...(f.suppressed ? { suppression: f.suppressed.reason } : {}),
      autoFix: f.autoFix ? f.autoFix.label : null,
    })),
    journeys: analysis.journeys.map(journeyFigures),
    recovery: analysis.scenarios.map((s) => ({
      scenario: s.id,
      kind: s.kind,
      components: scenarioComponents(s),
      rto: s.rtoSeconds,
      rpo: s.rpoSeconds,
      title: s.title,
      brokenJourneys: s.brokenJourneys,
      failedOverJourneys: s.failedOverJourneys,
      ...(s.affectedShare !== undefined ? { affectedShare: s.affectedShare } : {}),
      ...(s.unlikely ? { unlikely: s.unlikely } : {}),
    })),
    scorecard: analysis.scorecard,
    assumptions: analysis.assumptions,
  };
  writeJsonTo(output, document);
}
