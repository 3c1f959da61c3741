import type { CostPerNine } from './types';

/**
 * Nines closer than this count as no gain. Reports show nines to two decimals; a gain that rounds
 * to 0.00 would otherwise give a cost per nine from noise (a failover term a hair below the
 * single-region figure), which reads as a precise answer and is not one.
 */
export const NINES_EPSILON = 0.005;

/** -log10(1 - availability), unrounded: 3 for 99.9 %. Infinity at 100 %, null when the journey cannot work. */
export function ninesOf(percent: number | null): number | null {
  if (percent === null) return null;
  const unavailability = 1 - percent / 100;
  return unavailability <= 0 ? Number.POSITIVE_INFINITY : -Math.log10(unavailability);
}

const cents = (amount: number): number => Math.round(amount * 100);
const fromCents = (value: number): number => value / 100;
// `+ 0` turns -0 into 0, so a loss that rounds away never prints as "-0".
const round = (value: number, digits: number): number => Number(value.toFixed(digits)) + 0;

export interface NineInputs {
  /** This design's expected monthly cost minus the first design's, in currency units. */
  extraMonthly: number;
  /** Availability in percent of the journey in the first design and in this one; null when it cannot work. */
  basePercent: number | null;
  percent: number | null;
  /** Expected downtime per month in minutes, when known. */
  baseDowntimeMinutes?: number | null;
  downtimeMinutes?: number | null;
}

/**
 * What each added nine costs: the extra monthly cost divided by the nines gained, computed from
 * unrounded nines (the rounded gain is reported). Every case that would divide by zero or by a
 * loss has its own answer instead of a number.
 */
export function costPerNine(inputs: NineInputs): CostPerNine {
  const base = ninesOf(inputs.basePercent);
  const nines = ninesOf(inputs.percent);
  if (base === null || nines === null) return { kind: 'unknown', reason: 'journey-cannot-work' };
  if (!Number.isFinite(base) || !Number.isFinite(nines)) return { kind: 'unknown', reason: 'unbounded-nines' };
  const gain = nines - base;
  const extraCents = cents(inputs.extraMonthly);
  const extraMonthly = fromCents(extraCents);
  const ninesGained = round(gain, 3);
  if (Math.abs(gain) < NINES_EPSILON) return { kind: 'no-gain', extraMonthly, ninesGained };
  if (gain > 0) {
    if (extraCents <= 0) return { kind: 'cheaper-and-better', extraMonthly, ninesGained };
    const perNineCents = Math.round(extraCents / gain);
    const saved =
      inputs.baseDowntimeMinutes !== undefined && inputs.baseDowntimeMinutes !== null && inputs.downtimeMinutes !== undefined && inputs.downtimeMinutes !== null
        ? round(inputs.baseDowntimeMinutes - inputs.downtimeMinutes, 2)
        : null;
    return {
      kind: 'per-nine',
      extraMonthly,
      ninesGained,
      monthlyPerNine: fromCents(perNineCents),
      yearlyPerNine: fromCents(perNineCents * 12),
      downtimeMinutesSaved: saved,
      // Price of an hour of downtime avoided: what a CTO holds against the cost of an hour down.
      monthlyPerDowntimeHourAvoided: saved !== null && saved > 0 ? fromCents(Math.round(extraCents / (saved / 60))) : null,
    };
  }
  if (extraCents >= 0) return { kind: 'worse', extraMonthly, ninesGained };
  return { kind: 'cheaper-and-worse', extraMonthly, ninesGained, savedMonthlyPerNine: fromCents(Math.round(-extraCents / -gain)) };
}
