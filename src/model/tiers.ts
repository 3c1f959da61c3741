import { parseDuration } from './durations';
import type { Design } from './schema';

export interface ResolvedTier {
  id: string;
  /** Percent, e.g. 99.95. */
  availability: number;
  rtoSeconds: number;
  rpoSeconds: number;
}

/**
 * A lookup table keyed by names a design chooses. No prototype, so `tier: constructor` or
 * `toString` finds nothing instead of a function of Object.prototype.
 */
function table<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const result = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) result[key] = value;
  return result;
}

/** The built-in tiers of the format (docs/design-format.md, "Tiers"). */
export const BUILT_IN_TIERS: Readonly<Record<string, ResolvedTier>> = Object.freeze(
  table([
    ['standard', { id: 'standard', availability: 99.9, rtoSeconds: 4 * 3600, rpoSeconds: 3600 }],
    ['premium', { id: 'premium', availability: 99.95, rtoSeconds: 3600, rpoSeconds: 15 * 60 }],
    ['mission-critical', { id: 'mission-critical', availability: 99.99, rtoSeconds: 15 * 60, rpoSeconds: 60 }],
  ]),
);

/** Every tier the design can name: the built-ins with the file's overrides, plus tiers the file defines. */
export function resolveTiers(design: Pick<Design, 'tiers'>): Record<string, ResolvedTier> {
  const tiers = table(Object.entries(BUILT_IN_TIERS));
  for (const [id, override] of Object.entries(design.tiers ?? {})) {
    const base = tiers[id];
    const availability = override.availability ?? base?.availability;
    const rtoSeconds = override.rto !== undefined ? parseDuration(override.rto) : base?.rtoSeconds;
    const rpoSeconds = override.rpo !== undefined ? parseDuration(override.rpo) : base?.rpoSeconds;
    if (availability === undefined || rtoSeconds === undefined || rpoSeconds === undefined) continue;
    tiers[id] = { id, availability, rtoSeconds, rpoSeconds };
  }
  return tiers;
}

/** The targets the design must meet. The loader guarantees the tier exists. */
export function designTier(design: Pick<Design, 'tier' | 'tiers'>): ResolvedTier {
  const tier = resolveTiers(design)[design.tier];
  if (!tier) throw new Error(`Unknown tier "${design.tier}"`);
  return tier;
}
