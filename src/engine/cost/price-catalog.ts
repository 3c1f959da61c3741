import { z } from 'zod';
import { PROVIDERS, type Provider } from '../../model';
import { nearestRegion } from './regions';
import type { CatalogPrice, PriceCatalog } from './types';

const priceSchema = z.strictObject({
  key: z.string().min(1),
  serviceCode: z.string().min(1),
  service: z.string(),
  sku: z.string(),
  region: z.string().min(1),
  usd: z.number().min(0),
  unit: z.string(),
  quantityUnit: z.string(),
  per: z.number().positive(),
  source: z.string().min(1, 'every price needs a source'),
  asOf: z.string().min(1, 'every price needs a date'),
  note: z.string().optional(),
  uncertain: z.boolean().optional(),
});

const catalogSchema = z.strictObject({
  format: z.literal(1),
  provider: z.enum(PROVIDERS),
  currency: z.string().length(3),
  hoursPerMonth: z.number().positive(),
  asOf: z.string(),
  description: z.string().optional(),
  notFound: z.array(z.string()).default([]),
  prices: z.array(priceSchema),
});

/** Checks a price catalog read from public/prices/<provider>.json; throws naming what is wrong. */
export function parsePriceCatalog(data: unknown, name = 'price catalog'): PriceCatalog {
  const result = catalogSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') : '';
    throw new Error(`${name}: ${path.replace(/^\./, '')}: ${issue?.message ?? 'not a price catalog'}`);
  }
  return result.data as PriceCatalog;
}

/** The outcome of a price lookup: the price, and how its region relates to the one asked for. */
export interface PriceMatch {
  price: CatalogPrice;
  /** exact: the region asked for; global: priced the same everywhere; nearest: another region's price. */
  regionMatch: 'exact' | 'global' | 'nearest';
}

/**
 * Price lookups for one provider: by key, for a region, falling back to the nearest region the
 * catalog prices that key in. Memoised, since a large design asks the same questions many times.
 */
export class PriceBook {
  readonly provider: Provider;
  readonly catalog: PriceCatalog | undefined;
  private readonly byKey = new Map<string, CatalogPrice[]>();
  /** key -> location -> match (nested, so a lookup builds no string). */
  private readonly memo = new Map<string, Map<string, PriceMatch | null>>();

  constructor(provider: Provider, catalog: PriceCatalog | undefined) {
    this.provider = provider;
    this.catalog = catalog;
    for (const price of catalog?.prices ?? []) {
      const list = this.byKey.get(price.key);
      if (list) list.push(price);
      else this.byKey.set(price.key, [price]);
    }
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The price of `key` in `location` (a region code, or `global`), or undefined when the catalog has none. */
  find(key: string, location: string): PriceMatch | undefined {
    let byLocation = this.memo.get(key);
    if (!byLocation) {
      byLocation = new Map();
      this.memo.set(key, byLocation);
    }
    const cached = byLocation.get(location);
    if (cached !== undefined) return cached ?? undefined;
    const match = this.lookup(key, location);
    byLocation.set(location, match ?? null);
    return match;
  }

  private lookup(key: string, location: string): PriceMatch | undefined {
    const prices = this.byKey.get(key);
    if (!prices || prices.length === 0) return undefined;
    const exact = prices.find((p) => p.region === location);
    if (exact) return { price: exact, regionMatch: exact.region === 'global' ? 'global' : 'exact' };
    const global = prices.find((p) => p.region === 'global');
    if (global) return { price: global, regionMatch: 'global' };
    const nearest = nearestRegion(this.provider, location, prices.map((p) => p.region));
    const price = prices.find((p) => p.region === nearest) ?? prices[0]!;
    return { price, regionMatch: 'nearest' };
  }
}
