import { csvCell } from '../../model';
import type { CostReport } from '../../engine/cost';

const HEADER = ['component', 'kind', 'layer', 'region', 'what', 'status', 'quantity', 'quantity_unit', 'unit_price', 'price_unit', 'monthly_low', 'monthly_expected', 'monthly_high', 'service', 'price_region', 'source', 'as_of', 'notes'];

/** One row per line item, for spreadsheets; amounts in the report's currency. Cells go through csvCell (quoting, formula guard). */
export function costCsv(report: CostReport): string {
  const components = new Map(report.components.map((c) => [c.id, c]));
  const rows = report.lineItems.map((line) => {
    const component = components.get(line.componentId);
    return [
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
      line.asOf,
      line.notes.join('; '),
    ].map(csvCell).join(',');
  });
  return `${[HEADER.join(','), ...rows].join('\n')}\n`;
}
