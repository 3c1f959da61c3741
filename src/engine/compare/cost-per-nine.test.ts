import { describe, expect, it } from 'vitest';
import { costPerNine, NINES_EPSILON, ninesOf } from './cost-per-nine';
import { describeCostPerNine, shortCostPerNine } from './describe';

describe('nines', () => {
  it('are -log10 of the unavailability', () => {
    expect(ninesOf(99.9)).toBeCloseTo(3, 10);
    expect(ninesOf(99.99)).toBeCloseTo(4, 10);
    expect(ninesOf(100)).toBe(Number.POSITIVE_INFINITY);
    expect(ninesOf(null)).toBeNull();
  });
});

describe('what each added nine costs', () => {
  it('is the extra monthly cost over the nines gained: 99.9% to 99.99% for $500 is $500 a nine', () => {
    const result = costPerNine({ extraMonthly: 500, basePercent: 99.9, percent: 99.99, baseDowntimeMinutes: 43.83, downtimeMinutes: 4.38 });
    expect(result).toMatchObject({ kind: 'per-nine', extraMonthly: 500, ninesGained: 1, monthlyPerNine: 500, yearlyPerNine: 6000, downtimeMinutesSaved: 39.45 });
    // 39.45 minutes avoided a month for $500: $760.46 per hour of downtime avoided.
    if (result.kind === 'per-nine') expect(result.monthlyPerDowntimeHourAvoided).toBeCloseTo(500 / (39.45 / 60), 2);
    expect(describeCostPerNine(result)).toBe('$500.00 a month per added nine (+1.000 nines for +$500.00 a month)');
  });

  it('halves the price per nine when the same money buys two nines', () => {
    expect(costPerNine({ extraMonthly: 1000, basePercent: 99, percent: 99.99 })).toMatchObject({ kind: 'per-nine', ninesGained: 2, monthlyPerNine: 500 });
  });

  it('answers "no gain" instead of dividing by zero when availability does not move', () => {
    expect(costPerNine({ extraMonthly: 1095.34, basePercent: 99.720278, percent: 99.720275 })).toEqual({ kind: 'no-gain', extraMonthly: 1095.34, ninesGained: 0 });
    expect(costPerNine({ extraMonthly: 0, basePercent: 99.95, percent: 99.95 })).toEqual({ kind: 'no-gain', extraMonthly: 0, ninesGained: 0 });
    expect(describeCostPerNine(costPerNine({ extraMonthly: 200, basePercent: 99.95, percent: 99.95 }))).toBe('no gain in nines for +$200.00 a month');
  });

  it('treats a gain below the epsilon as no gain, and one just above it as a gain', () => {
    const base = 99.9;
    const justBelow = 100 - 0.1 * Math.pow(10, -(NINES_EPSILON * 0.9));
    const justAbove = 100 - 0.1 * Math.pow(10, -(NINES_EPSILON * 1.1));
    expect(costPerNine({ extraMonthly: 10, basePercent: base, percent: justBelow }).kind).toBe('no-gain');
    expect(costPerNine({ extraMonthly: 10, basePercent: base, percent: justAbove }).kind).toBe('per-nine');
  });

  it('answers "cheaper and better" when more nines cost the same or less', () => {
    expect(costPerNine({ extraMonthly: -20, basePercent: 99.9, percent: 99.95 })).toMatchObject({ kind: 'cheaper-and-better', extraMonthly: -20 });
    expect(costPerNine({ extraMonthly: 0, basePercent: 99.9, percent: 99.95 })).toMatchObject({ kind: 'cheaper-and-better', extraMonthly: 0 });
    expect(shortCostPerNine(costPerNine({ extraMonthly: -20, basePercent: 99.9, percent: 99.95 }))).toBe('cheaper and better');
    expect(describeCostPerNine(costPerNine({ extraMonthly: 0, basePercent: 99.9, percent: 99.95 }))).toMatch(/^better at no extra cost/);
  });

  it('says what a saving gives up per nine when cheaper and worse', () => {
    // 99.99% to 99.9% (one nine lost) to save $300 a month.
    expect(costPerNine({ extraMonthly: -300, basePercent: 99.99, percent: 99.9 })).toMatchObject({ kind: 'cheaper-and-worse', ninesGained: -1, savedMonthlyPerNine: 300 });
  });

  it('calls fewer nines for more money worse, with no price', () => {
    expect(costPerNine({ extraMonthly: 50, basePercent: 99.99, percent: 99.9 })).toEqual({ kind: 'worse', extraMonthly: 50, ninesGained: -1 });
  });

  it('has no answer when a journey cannot work or has no finite nines', () => {
    expect(costPerNine({ extraMonthly: 50, basePercent: null, percent: 99.9 })).toEqual({ kind: 'unknown', reason: 'journey-cannot-work' });
    expect(costPerNine({ extraMonthly: 50, basePercent: 99.9, percent: null })).toEqual({ kind: 'unknown', reason: 'journey-cannot-work' });
    expect(costPerNine({ extraMonthly: 50, basePercent: 99.9, percent: 100 })).toEqual({ kind: 'unknown', reason: 'unbounded-nines' });
  });

  it('rounds money to cents before dividing, so the figures shown add up', () => {
    const result = costPerNine({ extraMonthly: 0.004, basePercent: 99, percent: 99.9 });
    // Less than a cent more is no extra cost at all.
    expect(result).toMatchObject({ kind: 'cheaper-and-better', extraMonthly: 0 });
  });
});
