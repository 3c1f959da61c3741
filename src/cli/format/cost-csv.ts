import type { CostReport } from '../../engine/cost';

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HEADER = ['component', 'kind', 'layer', 'region', 'what', 'status', 'quantity', 'quantity_unit', 'unit_price', 'price_unit', 'monthly_low', 'monthly_expected', 'monthly_high', 'service', 'price_region', 'source', 'as_of', 'notes'];

/** One row per line item, for spreadsheets; amounts in the report's currency. */
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
    ].map(cell).join(',');
  });
  return `${[HEADER.join(','), ...rows].join('\n')}\n`;
}
