import { LAYER_TITLES, type Layer } from '../../catalog';
import { FIRST_PARTY_SOURCES, type CostReport, type LineItem, type UsageAssumption } from '../../engine/cost';

/** Money and line-status words, as every other face writes them (src/engine/format.ts). */
export { formatMoney as money, LINE_STATUS_LABELS as STATUS_LABELS } from '../../engine/format';

// Made once: number.toLocaleString(locale, options) builds a new formatter on every call, which
// dominated the text of a large design's cost report.
const QUANTITY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const USAGE_VALUE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

export const layerTitle = (layer: string): string => LAYER_TITLES[layer as Layer] ?? layer;

/** Region ids with their location: `primary (us-east-1)`. */
export function regionLabel(regionId: string, locations: ReadonlyMap<string, string>): string {
  const location = locations.get(regionId);
  return location ? `${regionId} (${location})` : regionId;
}

/** "instance-hour" -> "instance-hours", "query" -> "queries"; GB and other symbols stay. */
export function plural(unit: string | undefined, count: number): string {
  if (!unit) return '';
  if (count === 1 || /^[A-Z]+$/.test(unit) || /s$/.test(unit)) return unit;
  return unit.endsWith('y') ? `${unit.slice(0, -1)}ies` : `${unit}s`;
}

/** `2,190 instance-hours x $0.096/hour` */
export function quantityText(quantity: number, unit: string | undefined): string {
  return `${QUANTITY.format(quantity)} ${plural(unit, quantity)}`;
}

/** A priced line whose source is not first-party: the text and Markdown formats mark it, and leave the note that says so to the legend. */
export const isSecondarySource = (line: LineItem): boolean => line.status === 'priced' && line.sourceKind !== undefined && !FIRST_PARTY_SOURCES.has(line.sourceKind);

/** The note the mark stands for. */
export const isSourceNote = (note: string): boolean => note.startsWith('not a first-party source');

/**
 * A line's notes as the text and Markdown formats print them, in order: its commitment, then its own
 * notes but the source-kind note (a mark stands for it). Handed over one by one: the text format
 * writes 50,000 lines' notes at 20,000 components without a list for each.
 */
export function eachLineNote(line: LineItem, visit: (note: string) => void): void {
  if (line.commitment) visit(`commitment: ${line.commitment}`);
  for (const note of line.notes) if (!isSourceNote(note)) visit(note);
}

/** A line's notes (see eachLineNote) and whether its price is from a source that is not first-party. */
export function lineNotes(line: LineItem): { notes: string[]; secondary: boolean } {
  const notes: string[] = [];
  eachLineNote(line, (note) => notes.push(note));
  return { notes, secondary: isSecondarySource(line) };
}

/** The usage figures a total rests on that the design does not state itself: defaults and figures derived from traffic. */
export function assumptionsThatMatter(report: CostReport): UsageAssumption[] {
  return report.assumptions.filter((a) => a.origin === 'default' || a.origin === 'traffic');
}

/** A usage figure as assumptions show it: 131,400,000. */
export const usageValueText = (value: number): string => USAGE_VALUE.format(value);

/** "web.requestsPerMonth = 131,400,000 requests/month (traffic: ...)". `valueText` may be a memoised usageValueText. */
export function assumptionText(a: UsageAssumption, valueText: (value: number) => string = usageValueText): string {
  const value = a.value === null ? 'not set' : `${valueText(a.value)} ${a.unit}`;
  return `${a.componentId}.${a.name} = ${value} (${a.origin}${a.derivation ? `: ${a.derivation}` : ''})`;
}

export const SECONDARY_MARK = '†';
export const SECONDARY_LEGEND = `${SECONDARY_MARK} priced from a source that is not first-party (another project's test data or a third-party copy): see the line's source`;
