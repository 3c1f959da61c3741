import type { PriceAdjustment } from '../../model';
import type { AppliedAdjustment, LineItem, Range } from './types';

export interface AdjustmentInput extends PriceAdjustment {
  origin: 'design' | 'local';
}

/** Whether an adjustment scope (`*`, `aws`, `aws/rds`) covers a line's service (`aws/rds`). */
export function scopeMatches(scope: string, service: string): boolean {
  if (scope === '*') return true;
  if (!scope.includes('/')) return service.split('/')[0] === scope;
  return service === scope;
}

/**
 * Applies discounts and markups to priced lines, in order (design's first, then local
 * settings), each compounding on the last, and returns each one's effect on the expected total.
 */
export function applyAdjustments(lines: LineItem[], adjustments: readonly AdjustmentInput[]): AppliedAdjustment[] {
  const effects = adjustments.map(() => 0);
  if (adjustments.length === 0) return [];
  for (const line of lines) {
    if (line.status !== 'priced' || line.service === undefined) continue;
    let current: Range = line.monthlyCents;
    const applied: string[] = [];
    adjustments.forEach((adjustment, i) => {
      if (!scopeMatches(adjustment.scope, line.service!)) return;
      const factor = 1 + adjustment.percent / 100;
      const next: Range = { low: Math.round(current.low * factor), expected: Math.round(current.expected * factor), high: Math.round(current.high * factor) };
      effects[i]! += next.expected - current.expected;
      current = next;
      applied.push(`${adjustment.scope} ${adjustment.percent > 0 ? '+' : ''}${adjustment.percent}%`);
    });
    if (applied.length > 0) {
      line.monthlyCents = current;
      line.adjustments = applied;
    }
  }
  return adjustments.map((adjustment, i) => ({
    scope: adjustment.scope,
    percent: adjustment.percent,
    ...(adjustment.note !== undefined ? { note: adjustment.note } : {}),
    origin: adjustment.origin,
    effectCents: effects[i]!,
  }));
}
