import { terminalText, type Design } from '../../model';
import type { CostReport, LineItem } from '../../engine/cost';
import { layerTitle, money, quantityText, regionLabel, STATUS_LABELS } from './cost-shared';

/** Columns padded to their widest cell, each cell escaped for the terminal first; `(none)` for no rows. */
function table(cells: readonly (readonly string[])[], rightAligned: readonly number[]): string {
  if (cells.length === 0) return '  (none)';
  const rows = cells.map((row) => row.map(terminalText));
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) => row.map((cell, col) => (rightAligned.includes(col) ? cell.padStart(widths[col]!) : cell.padEnd(widths[col]!))).join('  ').trimEnd()).join('\n');
}

/** The cost report for people at a terminal: totals, roll-ups, each component's lines, notes. Design text is escaped by terminalText. */
export function costText(report: CostReport, design: Design, file: string): string {
  const c = report.currency;
  const locations = new Map(design.regions.map((r) => [r.id, r.location]));
  const lines: string[] = [];
  const out = { push: (...text: string[]) => lines.push(...text.map(terminalText)) };
  out.push(`${file}: ${design.name}`);
  out.push(`Monthly ${money(report.monthly, c)} (${report.profile}; range ${money(report.range.low, c)} to ${money(report.range.high, c)}), yearly ${money(report.yearly, c)}`);
  out.push(`${report.provider.toUpperCase()} on-demand list prices as of ${report.asOf}, ${report.hoursPerMonth} h a month`);
  out.push('', 'By layer');
  lines.push(table(Object.entries(report.byLayer).map(([layer, amount]) => [`  ${layerTitle(layer)}`, money(amount, c)]), [1]));
  out.push('', 'By region');
  lines.push(table(Object.entries(report.byRegion).map(([region, amount]) => [`  ${regionLabel(region, locations)}`, money(amount, c)]), [1]));
  out.push('', 'By component');
  if (report.components.length === 0) out.push('  (none)');
  // Grouped once: filtering every line item for each component is quadratic (14 s at 20,000 components).
  const linesByComponent = new Map<string, LineItem[]>();
  for (const line of report.lineItems) {
    const group = linesByComponent.get(line.componentId);
    if (group) group.push(line);
    else linesByComponent.set(line.componentId, [line]);
  }
  for (const component of report.components) {
    const amount = report.byComponent[component.id] ?? 0;
    const status = component.status === 'priced' ? '' : `  [${STATUS_LABELS[component.status]}]`;
    out.push(`  ${component.id} (${component.kind}): ${money(amount, c)}${status}`);
    const rows = (linesByComponent.get(component.id) ?? []).map((line) => [
      `    ${line.what}`,
      line.status === 'priced' ? money(line.monthlyCents[report.profile] / 100, c) : STATUS_LABELS[line.status],
      line.status === 'priced' && line.quantity ? `${quantityText(line.quantity[report.profile], line.quantityUnit)} x ${line.unitPrice}/${line.priceUnit}${line.uncertain ? ' (uncertain)' : ''}` : (line.notes[0] ?? ''),
    ]);
    if (rows.length > 0) lines.push(table(rows, [1]));
  }
  if (report.adjustments.length > 0) {
    out.push('', 'Adjustments');
    for (const a of report.adjustments) out.push(`  ${a.scope} ${a.percent > 0 ? '+' : ''}${a.percent}% (${a.origin}${a.note ? `: ${a.note}` : ''}): ${money(a.effectCents / 100, c)} a month`);
  }
  out.push('', 'Notes');
  for (const note of report.notes) out.push(`  - ${note}`);
  return `${lines.join('\n')}\n`;
}
