import { formatDuration, terminalText } from '../../model';
import { SEVERITIES, formatDowntime, formatEstimate, formatModelled, formatPercent, type Finding } from '../../engine';
import { failingFindings, summaryScenarios, type ValidationReport } from './report';

const MARK: Record<Finding['severity'], string> = { critical: '✖', high: '✖', medium: '▲', low: '•', info: 'i' };

/**
 * A terminal report: findings grouped by severity (most severe first), then journeys and recovery.
 * Every line passes through terminalText, so no design text can move the cursor or add a line.
 */
export function formatText(report: ValidationReport): string {
  const { analysis, design } = report;
  const out: string[] = [];
  const card = analysis.scorecard;
  out.push(`${report.file}: "${design.name}", tier ${card.tier.id} (${formatPercent(card.tier.availability)}, RTO ${formatDuration(card.tier.rtoSeconds)}, RPO ${formatDuration(card.tier.rpoSeconds)})`);
  out.push('');
  for (const severity of [...SEVERITIES].reverse()) {
    const group = analysis.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(`${severity.toUpperCase()} (${group.length})`);
    for (const f of group) {
      const where = f.components.length > 0 ? ` [${f.components.join(', ')}]` : '';
      out.push(`  ${MARK[f.severity]} ${f.rule}${where}${f.suppressed ? ' (suppressed)' : ''}`);
      out.push(`    ${f.message}`);
      out.push(`    Fix: ${f.fix}`);
      if (f.suppressed) out.push(`    Suppressed: ${f.suppressed.reason}`);
    }
    out.push('');
  }
  if (analysis.findings.length === 0) out.push('No findings.', '');
  if (analysis.journeys.length > 0) {
    out.push('JOURNEYS (modelled: expected availability from failure rates and this design\'s recovery times; SLA floor: what the providers\' SLAs commit to, with service credits, not a forecast)');
    for (const j of analysis.journeys) {
      const m = j.modelled;
      if (!m) {
        out.push(`  ${j.name}: cannot work, BELOW target ${formatPercent(j.target)}`);
        out.push(`    ${j.explanation}`);
        continue;
      }
      const shown = formatModelled(m.availability, m.low, m.high);
      out.push(`  ${j.name}: modelled ${shown.value} (${shown.low} to ${shown.high}), ${formatDowntime(m.downtimeMinutesPerMonth)}/month expected down, ${m.meetsTarget ? 'meets' : 'BELOW'} target ${formatPercent(j.target)}`);
      if (m.contributors.length > 0) out.push(`    What caps it: ${m.contributors.slice(0, 3).map((c) => `${c.title} ${formatDowntime(c.minutesPerMonth)}/month [${c.components.join(', ')}]`).join('; ')}`);
      // The explanation works the floor out ("SLA floor: 100% (dns) × ... = 99.72%", or why it is unknown).
      out.push(`    ${j.explanation}${j.percent !== null ? ` (${formatDowntime(j.downtimeMinutesPerMonth)}/month)` : ''}`);
    }
    out.push('  Rates, durations and their sources: `--format json` (assumptions) and docs/assumptions.md.');
    out.push('');
  }
  out.push('RECOVERY (estimates)');
  for (const s of summaryScenarios(analysis)) {
    const broken = s.brokenJourneys.length > 0 ? `breaks ${s.brokenJourneys.join(', ')}` : s.failedOverJourneys.length > 0 ? `fails over ${s.failedOverJourneys.join(', ')}` : 'no journey breaks';
    out.push(`  ${s.title}: ${broken}; RTO ${formatEstimate(s.rtoSeconds)}, RPO ${formatEstimate(s.rpoSeconds)}${s.unlikely ? ' (100% SLA: not counted as the worst case)' : ''}`);
  }
  out.push('');
  const counts = SEVERITIES.slice().reverse().map((s) => `${card.findings[s]} ${s}`).join(', ');
  const failing = failingFindings(report).length;
  out.push(`Summary: ${counts}${card.suppressed > 0 ? `, ${card.suppressed} suppressed` : ''}. ${failing > 0 ? `${failing} finding${failing === 1 ? '' : 's'} at or above ${report.failOn}: failing.` : `Nothing at or above ${report.failOn}.`}`);
  return `${out.map(terminalText).join('\n')}\n`;
}
