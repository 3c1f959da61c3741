import { csvCell } from '../../model';
import { totalCaption, type CostReport } from '../../engine/cost';
import { assumptionsThatMatter, assumptionText } from './cost-shared';
import { LineWriter, type TextOutput } from './line-writer';

const HEADER = ['component', 'kind', 'layer', 'region', 'what', 'status', 'quantity', 'quantity_unit', 'unit_price', 'price_unit', 'monthly_low', 'monthly_expected', 'monthly_high', 'service', 'price_region', 'source', 'source_kind', 'as_of', 'commitment', 'notes'];

/**
 * One row per line item, for spreadsheets; amounts in the report's currency. After the lines, a
 * `(total)` row with the headline and what it excludes, then `(assumption)` and `(note)` rows: the
 * same totals, exclusions, assumptions and notes as every other format. Cells go through csvCell
 * (quoting, formula guard). Written to `output` a row at a time: 26 MB at 20,000 components.
 */
export function writeCostCsv(report: CostReport, output: TextOutput): void {
  const components = new Map(report.components.map((c) => [c.id, c]));
  const out = new LineWriter(output);
  const row = (values: (string | number | undefined)[]) => out.raw(values.map(csvCell).join(','));
  out.raw(HEADER.join(','));
  for (const line of report.lineItems) {
    const component = components.get(line.componentId);
    row([
      line.componentId,
      component?.kind,
      component?.layer,
      component?.region,
      line.what,
      line.status,
      line.quantity?.expected,
      line.quantityUnit,
      line.unitPrice,
      line.priceUnit,
      line.monthlyCents.low / 100,
      line.monthlyCents.expected / 100,
      line.monthlyCents.high / 100,
      line.service,
      line.priceRegion,
      line.source,
      line.sourceKind,
      line.asOf,
      line.commitment,
      line.notes.join('; '),
    ]);
  }
  const blank = (n: number) => Array.from({ length: n }, () => undefined);
  row(['(total)', undefined, undefined, undefined, `excludes ${report.excluded.lines} lines`, report.excluded.lines > 0 ? 'lower bound' : 'complete', ...blank(4), report.range.low, report.range.expected, report.range.high, undefined, undefined, undefined, undefined, report.asOf, report.commitment, totalCaption(report)]);
  for (const a of assumptionsThatMatter(report)) row(['(assumption)', ...blank(3), a.label, a.origin, a.value ?? undefined, a.unit, ...blank(11), assumptionText(a)]);
  for (const note of report.notes) row(['(note)', ...blank(18), note]);
  out.flush();
}
