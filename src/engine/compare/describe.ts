import { formatDuration } from '../../model';
import type { CostPerNine, Trend } from './types';

/**
 * Words for the comparison's codes, shared by the command line and the app so both say the same
 * thing. The data keeps codes and figures; this is the one place they become sentences.
 */

/** $1,234.56; negative amounts as -$1,234.56. */
export function formatMoney(amount: number, currency = 'USD'): string {
  const sign = amount < 0 ? '-' : '';
  const symbol = currency === 'USD' ? '$' : `${currency} `;
  return `${sign}${symbol}${Math.abs(amount).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
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

/** Percent with up to 4 decimals: 99.9295%. */
export function formatAvailability(percent: number | null): string {
  return percent === null ? 'cannot work' : `${Number(percent.toFixed(4))}%`;
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

/** A recovery estimate: 2m, 4h, unbounded. */
export function formatEstimate(seconds: number | null): string {
  return seconds === null ? 'unbounded' : formatDuration(seconds);
}

/** A signed duration difference: +1h30m, -2m, ±0s; null when one side is unbounded. */
export function formatDurationDelta(seconds: number | null, trend: Trend): string {
  if (seconds === null) return trend === 'better' ? 'now bounded' : trend === 'worse' ? 'now unbounded' : 'both unbounded';
  if (seconds === 0) return '±0s';
  return `${seconds > 0 ? '+' : '-'}${formatDuration(Math.abs(seconds))}`;
}

const UNKNOWN_REASONS = {
  'journey-missing': 'not comparable: the journey is missing in one of the designs',
  'journey-cannot-work': 'not comparable: the journey cannot work in one of the designs',
  'unbounded-nines': 'not comparable: a modelled availability of 100% (no failure on the path costs any time) has no finite nines',
  'currency-differs': 'not comparable: the designs are priced in different currencies',
} as const;

/**
 * What each added nine costs, in one phrase: "$26,512.40 a month per nine (+0.041 nines for +$1,095.34)",
 * "no gain in nines for +$1,095.34 a month", "cheaper and better: +0.27 nines for -$20.00 a month".
 */
export function describeCostPerNine(value: CostPerNine, currency = 'USD'): string {
  switch (value.kind) {
    case 'baseline':
      return 'baseline';
    case 'per-nine':
      return `${formatMoney(value.monthlyPerNine, currency)} a month per added nine (${formatSigned(value.ninesGained, 3)} nines for ${formatMoneyDelta(value.extraMonthly, currency)} a month)`;
    case 'cheaper-and-better':
      return value.extraMonthly === 0
        ? `better at no extra cost (${formatSigned(value.ninesGained, 3)} nines)`
        : `cheaper and better (${formatSigned(value.ninesGained, 3)} nines for ${formatMoneyDelta(value.extraMonthly, currency)} a month)`;
    case 'no-gain':
      return value.extraMonthly > 0
        ? `no gain in nines for ${formatMoneyDelta(value.extraMonthly, currency)} a month`
        : value.extraMonthly < 0
          ? `no change in nines, ${formatMoney(-value.extraMonthly, currency)} a month cheaper`
          : 'no gain in nines, same cost';
    case 'worse':
      return `fewer nines (${formatSigned(value.ninesGained, 3)}) for ${value.extraMonthly === 0 ? 'the same cost' : `${formatMoneyDelta(value.extraMonthly, currency)} a month`}`;
    case 'cheaper-and-worse':
      return `saves ${formatMoney(value.savedMonthlyPerNine, currency)} a month per nine given up (${formatSigned(value.ninesGained, 3)} nines for ${formatMoneyDelta(value.extraMonthly, currency)} a month)`;
    case 'unknown':
      return UNKNOWN_REASONS[value.reason];
  }
}

/** A short form for table cells: "$26,512.40 / nine", "no gain", "cheaper and better". */
export function shortCostPerNine(value: CostPerNine, currency = 'USD'): string {
  switch (value.kind) {
    case 'baseline':
      return 'baseline';
    case 'per-nine':
      return `${formatMoney(value.monthlyPerNine, currency)}/mo per nine`;
    case 'cheaper-and-better':
      return value.extraMonthly === 0 ? 'better, same cost' : 'cheaper and better';
    case 'no-gain':
      return 'no gain';
    case 'worse':
      return value.extraMonthly === 0 ? 'fewer nines, same cost' : 'costs more, fewer nines';
    case 'cheaper-and-worse':
      return `saves ${formatMoney(value.savedMonthlyPerNine, currency)}/mo per nine lost`;
    case 'unknown':
      return 'not comparable';
  }
}
