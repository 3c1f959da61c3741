import { totalCaption, type CostReport, type LineItem, type Range } from '../../engine/cost';
import { writeJsonTo } from './json-writer';
import type { TextOutput } from './line-writer';

const usd = (cents: number): number => cents / 100;
const usdRange = (r: Range): Range => ({ low: usd(r.low), expected: usd(r.expected), high: usd(r.high) });

function lineJson(line: LineItem) {
  return {
    component: line.componentId,
    what: line.what,
    status: line.status,
    ...(line.quantity ? { quantity: line.quantity.expected, quantityRange: line.quantity, quantityUnit: line.quantityUnit } : {}),
    ...(line.unitPrice !== undefined ? { unitPrice: line.unitPrice, priceUnit: line.priceUnit, priceKey: line.priceKey, service: line.service, priceRegion: line.priceRegion, source: line.source, sourceKind: line.sourceKind, asOf: line.asOf } : {}),
    ...(line.commitment ? { commitment: line.commitment } : {}),
    ...(line.uncertain ? { uncertain: true } : {}),
    monthly: usdRange(line.monthlyCents),
    ...(line.adjustments ? { listMonthly: usdRange(line.listCents), adjustments: line.adjustments } : {}),
    notes: line.notes,
  };
}

/** The JSON of docs/cli.md (`currency, asOf, monthly, byLayer, byRegion, byComponent`) and more. */
export function costJson(report: CostReport, file: string) {
  return {
    file,
    currency: report.currency,
    /** The oldest date among the prices used; asOfNewest the newest. */
    asOf: report.asOf,
    asOfNewest: report.asOfNewest,
    provider: report.provider,
    profile: report.profile,
    commitment: report.commitment,
    hoursPerMonth: report.hoursPerMonth,
    monthly: report.monthly,
    yearly: report.yearly,
    range: report.range,
    /** Lines the total leaves out (it is then a lower bound), and what the headline says beside it. */
    excluded: report.excluded,
    caption: totalCaption(report),
    secondarySourceLines: report.secondarySourceLines,
    importedLines: report.importedLines,
    byLayer: report.byLayer,
    byRegion: report.byRegion,
    byComponent: report.byComponent,
    components: report.components.map((c) => ({ id: c.id, name: c.name, kind: c.kind, layer: c.layer, region: c.region, status: c.status, monthly: usdRange(c.monthlyCents) })),
    lineItems: report.lineItems.map(lineJson),
    assumptions: report.assumptions,
    adjustments: report.adjustments.map(({ effectCents, ...rest }) => ({ ...rest, effectMonthly: usd(effectCents) })),
    unpriced: report.unpriced,
    notes: report.notes,
  };
}

/** costJson as JSON (two-space indentation), written to `output` a member at a time: 60 MB at 20,000 components. */
export function writeCostJson(report: CostReport, file: string, output: TextOutput): void {
  writeJsonTo(output, costJson(report, file));
}
