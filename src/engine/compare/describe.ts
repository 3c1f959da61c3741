import { formatMoney, formatMoneyDelta, formatSigned } from '../format';
import type { CostPerNine } from './types';

/**
 * Sentences for the comparison's cost-per-nine codes, shared by the command line, the app and the
 * proposal so all say the same thing. Figures become words in ../format.ts.
 */

const UNKNOWN_REASONS = {
  'journey-missing': 'not comparable: the journey is missing in one of the designs',
  'journey-cannot-work': 'not comparable: the journey cannot work in one of the designs',
  'unbounded-nines': 'not comparable: a modelled availability of 100% (no failure on the path costs any time) has no finite nines',
  'currency-differs': 'not comparable: the designs are priced in different currencies',
  'prices-incomplete': 'not comparable: a region of one design has no prices, so its total leaves that region out (see the notes); import a price book for it to compare',
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
