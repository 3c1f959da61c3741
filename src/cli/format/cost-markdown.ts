import { markdownCell, markdownText, type Design } from '../../model';
import type { CostReport } from '../../engine/cost';
import { layerTitle, money, quantityText, regionLabel, STATUS_LABELS } from './cost-shared';

/** The cost report as Markdown, for pull requests and proposals. Design text goes through markdownText / markdownCell. */
export function costMarkdown(report: CostReport, design: Design): string {
  const c = report.currency;
  const locations = new Map(design.regions.map((r) => [r.id, r.location]));
  const out: string[] = [];
  out.push(`# Cost: ${markdownText(design.name)}`, '');
  out.push(`**${money(report.monthly, c)} a month** (${report.profile}; range ${money(report.range.low, c)} to ${money(report.range.high, c)}), ${money(report.yearly, c)} a year.`);
  out.push(`${report.provider.toUpperCase()} on-demand list prices as of ${report.asOf}, ${report.hoursPerMonth} hours a month.`, '');
  out.push('## By layer', '', '| Layer | Monthly |', '| --- | ---: |');
  for (const [layer, amount] of Object.entries(report.byLayer)) out.push(`| ${layerTitle(layer)} | ${money(amount, c)} |`);
  out.push('', '## By region', '', '| Region | Monthly |', '| --- | ---: |');
  for (const [region, amount] of Object.entries(report.byRegion)) out.push(`| ${markdownCell(regionLabel(region, locations))} | ${money(amount, c)} |`);
  out.push('', '## By component', '', '| Component | Kind | Region | Monthly | Status |', '| --- | --- | --- | ---: | --- |');
  for (const component of report.components) {
    out.push(`| ${markdownCell(component.name)} (\`${component.id}\`) | ${component.kind} | ${component.region} | ${money(report.byComponent[component.id] ?? 0, c)} | ${STATUS_LABELS[component.status]} |`);
  }
  out.push('', '## Line items', '', '| Component | What | Quantity | Unit price | Monthly | Source |', '| --- | --- | ---: | ---: | ---: | --- |');
  for (const line of report.lineItems) {
    const quantity = line.quantity ? quantityText(line.quantity[report.profile], line.quantityUnit) : '';
    const price = line.unitPrice !== undefined ? `${line.unitPrice} / ${line.priceUnit}${line.uncertain ? ' (uncertain)' : ''}` : '';
    const monthly = line.status === 'priced' ? money(line.monthlyCents[report.profile] / 100, c) : STATUS_LABELS[line.status];
    const source = line.source ? `${markdownCell(line.source)} (${markdownCell(line.asOf ?? '')})` : markdownCell(line.notes.join('; '));
    out.push(`| \`${line.componentId}\` | ${markdownCell(line.what)} | ${quantity} | ${price} | ${monthly} | ${source} |`);
  }
  if (report.adjustments.length > 0) {
    out.push('', '## Adjustments', '');
    for (const a of report.adjustments) out.push(`- \`${a.scope}\` ${a.percent > 0 ? '+' : ''}${a.percent}% (${a.origin}${a.note ? `: ${markdownCell(a.note)}` : ''}): ${money(a.effectCents / 100, c)} a month`);
  }
  out.push('', '## Notes', '');
  for (const note of report.notes) out.push(`- ${markdownText(note)}`);
  return `${out.join('\n')}\n`;
}
