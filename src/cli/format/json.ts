import type { ValidationReport } from './report';

/**
 * The JSON report of docs/cli.md ("validate"): findings, journeys and recovery, with
 * durations in seconds (null where unbounded). Fields beyond the contract are additions only.
 */
export function formatJson(report: ValidationReport): string {
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
    journeys: analysis.journeys.map((j) => ({
      id: j.id,
      availability: j.percent,
      downtimeMinutesPerMonth: j.downtimeMinutesPerMonth,
      target: j.target,
      name: j.name,
      nines: j.nines,
      meetsTarget: j.meetsTarget,
      complete: j.complete,
      explanation: j.explanation,
    })),
    recovery: analysis.scenarios.map((s) => ({
      scenario: s.id,
      rto: s.rtoSeconds,
      rpo: s.rpoSeconds,
      title: s.title,
      kind: s.kind,
      brokenJourneys: s.brokenJourneys,
      failedOverJourneys: s.failedOverJourneys,
    })),
    scorecard: analysis.scorecard,
    assumptions: analysis.assumptions,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
