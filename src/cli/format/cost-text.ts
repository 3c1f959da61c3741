import { terminalText, type Design } from '../../model';
import { COMMITMENT_TITLES, totalCaption, type CostReport } from '../../engine/cost';
import { assumptionsThatMatter, assumptionText, layerTitle, lineNotes, money, quantityText, regionLabel, SECONDARY_LEGEND, SECONDARY_MARK, STATUS_LABELS } from './cost-shared';

/** Columns padded to their widest cell, each cell escaped for the terminal first; `(none)` for no rows. */
function table(cells: readonly (readonly string[])[], rightAligned: readonly number[]): string {
  if (cells.length === 0) return '  (none)';
  const rows = cells.map((row) => row.map(terminalText));
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) => row.map((cell, col) => (rightAligned.includes(col) ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!))).join('  ').trimEnd()).join('\n');
}

/**
 * The cost report for people at a terminal: totals with what they exclude, roll-ups, each
 * component's lines and their notes, assumptions, notes. Design text is escaped by terminalText.
 */
export function costText(report: CostReport, design: Design, file: string): string {
  const c = report.currency;
  const locations = new Map(design.regions.map((r) => [r.id, r.location]));
  const lines: string[] = [];
  const out = { push: (...text: string[]) => lines.push(...text.map(terminalText)) };
  out.push(`${file}: ${design.name}`);
  out.push(`Monthly ${money(report.monthly, c)} (${report.profile}; range ${money(report.range.low, c)} to ${money(report.range.high, c)}), yearly ${money(report.yearly, c)}`);
  out.push(`  ${totalCaption(report)}`);
  out.push(`${report.hoursPerMonth} h a month, ${COMMITMENT_TITLES[report.commitment]}`);
  out.push('', 'By layer');
  lines.push(table(Object.entries(report.byLayer).map(([layer, amount]) => [`  ${layerTitle(layer)}`, money(amount, c)]), [1]));
  out.push('', 'By region');
  lines.push(table(Object.entries(report.byRegion).map(([region, amount]) => [`  ${regionLabel(region, locations)}`, money(amount, c)]), [1]));
  out.push('', 'By component');
  if (report.components.length === 0) out.push('  (none)');
  // Grouped once: filtering every line item for each component is quadratic (14 s at 20,000 components).
  const linesByComponent = new Map<string, CostReport['lineItems']>();
  for (const line of report.lineItems) {
    const group = linesByComponent.get(line.componentId);
    if (group) group.push(line);
    else linesByComponent.set(line.componentId, [line]);
  }
  let anySecondary = false;
  for (const component of report.components) {
    const amount = report.byComponent[component.id] ?? 0;
    const status = component.status === 'priced' ? '' : `  [${STATUS_LABELS[component.status]}]`;
    out.push(`  ${component.id} (${component.kind}): ${money(amount, c)}${status}`);
    for (const line of linesByComponent.get(component.id) ?? []) {
      const { notes, secondary } = lineNotes(line);
      anySecondary ||= secondary;
      const amountText = line.status === 'priced' ? money(line.monthlyCents[report.profile] / 100, c) : STATUS_LABELS[line.status];
      const price = line.status === 'priced' && line.quantity ? `  ${quantityText(line.quantity[report.profile], line.quantityUnit)} x ${line.unitPrice}/${line.priceUnit}${line.uncertain ? ' (uncertain)' : ''}${secondary ? ` ${SECONDARY_MARK}` : ''}` : '';
      out.push(`    ${line.what}: ${amountText}${price}`);
      for (const note of notes) out.push(`      - ${note}`);
    }
  }
  if (report.adjustments.length > 0) {
    out.push('', 'Adjustments');
    for (const a of report.adjustments) out.push(`  ${a.scope} ${a.percent > 0 ? '+' : ''}${a.percent}% (${a.origin}${a.note ? `: ${a.note}` : ''}): ${money(a.effectCents / 100, c)} a month`);
  }
  const assumptions = assumptionsThatMatter(report);
  if (assumptions.length > 0) {
    out.push('', 'Assumptions the total rests on (defaults and figures derived from traffic; set pricing.usage to change them)');
    for (const a of assumptions) out.push(`  - ${assumptionText(a)}`);
  }
  out.push('', 'Notes');
  for (const note of report.notes) out.push(`  - ${note}`);
  if (anySecondary) out.push(`  - ${SECONDARY_LEGEND}`);
  return `${lines.join('\n')}\n`;
}
