import { markdownCell, markdownText, type Design } from '../../model';
import { COMMITMENT_TITLES, totalCaption, type CostReport } from '../../engine/cost';
import { assumptionsThatMatter, assumptionText, layerTitle, lineNotes, money, quantityText, regionLabel, SECONDARY_LEGEND, SECONDARY_MARK, STATUS_LABELS } from './cost-shared';

/**
 * The cost report as Markdown, for pull requests and proposals: the same totals, exclusions,
 * assumptions and notes as the text. Design text goes through markdownText / markdownCell.
 */
export function costMarkdown(report: CostReport, design: Design): string {
  const c = report.currency;
  const locations = new Map(design.regions.map((r) => [r.id, r.location]));
  const out: string[] = [];
  out.push(`# Cost: ${markdownText(design.name)}`, '');
  out.push(`**${money(report.monthly, c)} a month** (${report.profile}; range ${money(report.range.low, c)} to ${money(report.range.high, c)}), ${money(report.yearly, c)} a year.`);
  out.push(`${markdownText(totalCaption(report))}.`);
  out.push(`${report.hoursPerMonth} hours a month, ${COMMITMENT_TITLES[report.commitment]}.`, '');
  out.push('## By layer', '', '| Layer | Monthly |', '| --- | ---: |');
  for (const [layer, amount] of Object.entries(report.byLayer)) out.push(`| ${layerTitle(layer)} | ${money(amount, c)} |`);
  out.push('', '## By region', '', '| Region | Monthly |', '| --- | ---: |');
  for (const [region, amount] of Object.entries(report.byRegion)) out.push(`| ${markdownCell(regionLabel(region, locations))} | ${money(amount, c)} |`);
  out.push('', '## By component', '', '| Component | Kind | Region | Monthly | Status |', '| --- | --- | --- | ---: | --- |');
  for (const component of report.components) {
    out.push(`| ${markdownCell(component.name)} (\`${component.id}\`) | ${component.kind} | ${component.region} | ${money(report.byComponent[component.id] ?? 0, c)} | ${STATUS_LABELS[component.status]} |`);
  }
  out.push('', '## Line items', '', '| Component | What | Quantity | Unit price | Monthly | Source | Notes |', '| --- | --- | ---: | ---: | ---: | --- | --- |');
  let anySecondary = false;
  for (const line of report.lineItems) {
    const { notes, secondary } = lineNotes(line);
    anySecondary ||= secondary;
    const quantity = line.quantity ? quantityText(line.quantity[report.profile], line.quantityUnit) : '';
    const price = line.unitPrice !== undefined ? `${line.unitPrice} / ${line.priceUnit}${line.uncertain ? ' (uncertain)' : ''}${secondary ? ` ${SECONDARY_MARK}` : ''}` : '';
    const monthly = line.status === 'priced' ? money(line.monthlyCents[report.profile] / 100, c) : STATUS_LABELS[line.status];
    const source = line.source ? `${markdownCell(line.source)} (${markdownCell(line.asOf ?? '')})` : '';
    out.push(`| \`${line.componentId}\` | ${markdownCell(line.what)} | ${quantity} | ${price} | ${monthly} | ${source} | ${markdownCell(notes.join('; '))} |`);
  }
  if (report.adjustments.length > 0) {
    out.push('', '## Adjustments', '');
    for (const a of report.adjustments) out.push(`- \`${a.scope}\` ${a.percent > 0 ? '+' : ''}${a.percent}% (${a.origin}${a.note ? `: ${markdownCell(a.note)}` : ''}): ${money(a.effectCents / 100, c)} a month`);
  }
  const assumptions = assumptionsThatMatter(report);
  if (assumptions.length > 0) {
    out.push('', '## Assumptions the total rests on', '', 'Defaults and figures derived from traffic; set `pricing.usage` to change them.', '');
    for (const a of assumptions) out.push(`- ${markdownText(assumptionText(a))}`);
  }
  out.push('', '## Notes', '');
  for (const note of report.notes) out.push(`- ${markdownText(note)}`);
  if (anySecondary) out.push(`- ${markdownText(SECONDARY_LEGEND)}`);
  return `${out.join('\n')}\n`;
}
