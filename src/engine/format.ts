import { formatDuration } from '../model';
import type { Trend } from './compare/types';
import type { CostReport, LineStatus } from './cost/types';

/**
 * The one place figures become words: money, percentages, nines, downtime, recovery estimates and
 * cost line statuses, for the app, the command line, the comparison and the proposal alike, so the
 * same figure reads the same everywhere. Data keeps numbers and codes; these turn them into text.
 */

/** What a recovery estimate without a bound (some data or service never comes back on its own) reads as. */
export const UNBOUNDED = 'unbounded';

// Made once: toLocaleString with options builds a new formatter on every call, which dominated the
// cost report of a large design. Made on first use: the first formatter loads the locale data
// (about 30 ms), which `validate` and other commands that show no amount never need.
let amountFormat: Intl.NumberFormat | undefined;
const amountFormatter = () => (amountFormat ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** $1,234.56 (other currencies: EUR 1,234.56); negative amounts as -$1,234.56. */
export function formatMoney(amount: number, currency = 'USD'): string {
  const sign = amount < 0 ? '-' : '';
  const symbol = currency === 'USD' ? '$' : `${currency} `;
  return `${sign}${symbol}${amountFormatter().format(Math.abs(amount))}`;
}

/** +$1,234.56 / -$12.00 / ±$0.00 */
export function formatMoneyDelta(amount: number, currency = 'USD'): string {
  if (amount === 0) return `±${formatMoney(0, currency)}`;
  return `${amount > 0 ? '+' : ''}${formatMoney(amount, currency)}`;
}

/** A signed number with a unit: +0.04, -12.5 min. */
export function formatSigned(value: number, digits: number, unit = ''): string {
  // Round first, so a change too small to show reads as ±0, never as -0.0000.
  const rounded = Number(value.toFixed(digits));
  const text = Math.abs(rounded).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const sign = rounded > 0 ? '+' : rounded < 0 ? '-' : '±';
  return `${sign}${text}${unit}`;
}

/** A percentage with up to 4 decimals, trailing zeros dropped: 99.9295%, 99.9%. */
export function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(4))}%`;
}

/** A journey's estimated availability: a percentage, or "cannot work" when nothing reaches what it needs. */
export function formatAvailability(percent: number | null): string {
  return percent === null ? 'cannot work' : formatPercent(percent);
}

/**
 * A modelled availability and its range, to the digits the range supports: one digit past the first
 * one that the range spans (99.95% when it spans 99.85% to 99.99%, 99.9953% when it spans a
 * thousandth), between 2 and 4 decimals. Truncated, never rounded up: a figure never reads as 100% or
 * as meeting a target it misses. Without a range, 2 decimals.
 */
export function formatModelled(percent: number | null, low?: number | null, high?: number | null): { value: string; low: string; high: string } {
  const width = low !== undefined && low !== null && high !== undefined && high !== null ? Math.abs(high - low) : null;
  const decimals = width === null ? 2 : width === 0 ? 4 : Math.min(4, Math.max(2, Math.ceil(-Math.log10(width)) + 1));
  const truncated = (value: number | null | undefined): string => {
    if (value === null || value === undefined) return 'cannot work';
    const scale = 10 ** decimals;
    // The epsilon keeps 99.95 from truncating to 99.94 through binary floating point.
    return `${(Math.floor(value * scale + 1e-6) / scale).toFixed(decimals)}%`;
  };
  return { value: truncated(percent), low: truncated(low), high: truncated(high) };
}

/** The range of a modelled availability at the digits `formatModelled` gives it: "99.85% to 99.99%". */
export function formatModelledRange(percent: number | null, low: number | null, high: number | null): string {
  const shown = formatModelled(percent, low, high);
  return `${shown.low} to ${shown.high}`;
}

export function formatNines(nines: number | null): string {
  if (nines === null) return '-';
  return Number.isFinite(nines) ? nines.toFixed(2) : '∞';
}

/** Minutes of downtime a month: 96.3 min, 2 h 2 min. */
export function formatDowntime(minutes: number | null): string {
  if (minutes === null) return 'always down';
  if (minutes < 60) return `${Number(minutes.toFixed(1))} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${Math.round(minutes - hours * 60)} min`;
}

/** A recovery estimate (RTO, RPO): 2m, 4h, or unbounded (null). */
export function formatEstimate(seconds: number | null): string {
  return seconds === null ? UNBOUNDED : formatDuration(seconds);
}

/** A signed duration difference: +1h30m, -2m, ±0s; when one side is unbounded, which way it went. */
export function formatDurationDelta(seconds: number | null, trend: Trend): string {
  if (seconds === null) return trend === 'better' ? 'now bounded' : trend === 'worse' ? `now ${UNBOUNDED}` : `both ${UNBOUNDED}`;
  if (seconds === 0) return '±0s';
  return `${seconds > 0 ? '+' : '-'}${formatDuration(Math.abs(seconds))}`;
}

/** How every face (the cost panel, the command line, the proposal) words a cost line's status. */
export const LINE_STATUS_LABELS: Readonly<Record<LineStatus, string>> = {
  priced: 'priced',
  free: 'free',
  usage: 'depends on usage',
  'not-in-catalog': 'price not in catalog',
  'not-in-region': 'no price for this region',
  unsupported: 'unsupported',
  included: 'included elsewhere',
  external: 'not priced (external)',
};

/** "excludes 3 lines: 2 no price for this region, 1 depends on usage", or '' when nothing is left out. */
export function excludedCaption(report: Pick<CostReport, 'excluded'>): string {
  const { lines, byStatus } = report.excluded;
  if (lines === 0) return '';
  const parts = (Object.entries(byStatus) as [LineStatus, number][]).filter(([, n]) => n > 0).map(([status, n]) => `${n} ${LINE_STATUS_LABELS[status]}`);
  return `excludes ${lines} line${lines === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/**
 * What every face prints beside the headline total, so that no total appears without what it
 * leaves out, the commitment it assumes, the date of its oldest price and the sources it rests on.
 */
export function totalCaption(report: Pick<CostReport, 'excluded' | 'commitment' | 'asOf' | 'asOfNewest' | 'secondarySourceLines' | 'importedLines' | 'provider'>): string {
  const parts: string[] = [];
  const excluded = excludedCaption(report);
  parts.push(excluded === '' ? 'every line priced' : `${excluded} (the total is a lower bound)`);
  parts.push(`${report.provider.toUpperCase()} ${report.commitment === 'on-demand' ? 'on-demand' : `${report.commitment} commitment`} prices as of ${report.asOf}${report.asOfNewest && report.asOfNewest !== report.asOf ? ` (oldest; newest ${report.asOfNewest})` : ''}`);
  if (report.importedLines > 0) parts.push(`${report.importedLines} from your price book`);
  if (report.secondarySourceLines > 0) parts.push(`${report.secondarySourceLines} line${report.secondarySourceLines === 1 ? '' : 's'} priced from a source that is not first-party`);
  return parts.join('; ');
}
