import { LAYER_TITLES, type Layer } from '../../catalog';

/** Money and line-status words, as every other face writes them (src/engine/format.ts). */
export { formatMoney as money, LINE_STATUS_LABELS as STATUS_LABELS } from '../../engine/format';

// Made once: number.toLocaleString(locale, options) builds a new formatter on every call, which
// dominated the text of a large design's cost report.
const QUANTITY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

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
