import { markdownCell, markdownText, type Design } from '../../model';
import { COMMITMENT_TITLES, totalCaption, type CostReport } from '../../engine/cost';
import { LineWriter, type TextOutput } from './line-writer';
import { assumptionsThatMatter, assumptionText, layerTitle, lineNotes, money, quantityText, regionLabel, SECONDARY_LEGEND, SECONDARY_MARK, STATUS_LABELS } from './cost-shared';

/**
 * The cost report as Markdown, for pull requests and proposals: the same totals, exclusions,
 * assumptions and notes as the text. Design text goes through markdownText / markdownCell. Written to
 * `output` a line at a time: 20 MB at 20,000 components.
 */
export function writeCostMarkdown(report: CostReport, design: Design, output: TextOutput): void {
  const c = report.currency;
  const locations = new Map(design.regions.map((r) => [r.id, r.location]));
  const out = new LineWriter(output);
  const push = (...lines: string[]) => {
    for (const line of lines) out.raw(line);
  };
  push(`# Cost: ${markdownText(design.name)}`, '');
  push(`**${money(report.monthly, c)} a month** (${report.profile}; range ${money(report.range.low, c)} to ${money(report.range.high, c)}), ${money(report.yearly, c)} a year.`);
  push(`${markdownText(totalCaption(report))}.`);
  push(`${report.hoursPerMonth} hours a month, ${COMMITMENT_TITLES[report.commitment]}.`, '');
  push('## By layer', '', '| Layer | Monthly |', '| --- | ---: |');
  for (const [layer, amount] of Object.entries(report.byLayer)) push(`| ${layerTitle(layer)} | ${money(amount, c)} |`);
  push('', '## By region', '', '| Region | Monthly |', '| --- | ---: |');
  for (const [region, amount] of Object.entries(report.byRegion)) push(`| ${markdownCell(regionLabel(region, locations))} | ${money(amount, c)} |`);
  push('', '## By component', '', '| Component | Kind | Region | Monthly | Status |', '| --- | --- | --- | ---: | --- |');
  for (const component of report.components) {
    push(`| ${markdownCell(component.name)} (\`${component.id}\`) | ${component.kind} | ${component.region} | ${money(report.byComponent[component.id] ?? 0, c)} | ${STATUS_LABELS[component.status]} |`);
  }
  push('', '## Line items', '', '| Component | What | Quantity | Unit price | Monthly | Source | Notes |', '| --- | --- | ---: | ---: | ---: | --- | --- |');
  let anySecondary = false;
  for (const line of report.lineItems) {
    const { notes, secondary } = lineNotes(line);
    anySecondary ||= secondary;
    const quantity = line.quantity ? quantityText(line.quantity[report.profile], line.quantityUnit) : '';
    const price = line.unitPrice !== undefined ? `${line.unitPrice} / ${line.priceUnit}${line.uncertain ? ' (uncertain)' : ''}${secondary ? ` ${SECONDARY_MARK}` : ''}` : '';
    const monthly = line.status === 'priced' ? money(line.monthlyCents[report.profile] / 100, c) : STATUS_LABELS[line.status];
    const source = line.source ? `${markdownCell(line.source)} (${markdownCell(line.asOf ?? '')})` : '';
    push(`| \`${line.componentId}\` | ${markdownCell(line.what)} | ${quantity} | ${price} | ${monthly} | ${source} | ${markdownCell(notes.join('; '))} |`);
  }
  if (report.adjustments.length > 0) {
    push('', '## Adjustments', '');
    for (const a of report.adjustments) push(`- \`${a.scope}\` ${a.percent > 0 ? '+' : ''}${a.percent}% (${a.origin}${a.note ? `: ${markdownCell(a.note)}` : ''}): ${money(a.effectCents / 100, c)} a month`);
  }
  const assumptions = assumptionsThatMatter(report);
  if (assumptions.length > 0) {
    push('', '## Assumptions the total rests on', '', 'Defaults and figures derived from traffic; set `pricing.usage` to change them.', '');
    for (const a of assumptions) push(`- ${markdownText(assumptionText(a))}`);
  }
  push('', '## Notes', '');
  for (const note of report.notes) push(`- ${markdownText(note)}`);
  if (anySecondary) push(`- ${markdownText(SECONDARY_LEGEND)}`);
  out.flush();
}
