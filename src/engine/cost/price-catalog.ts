import { z } from 'zod';
import { PROVIDERS, type Provider } from '../../model';
import { nearestRegion } from './regions';

/**
 * The price catalog's shape, defined once: public/prices/<provider>.json as scripts/price-catalogs/
 * build.ts writes it and the app and command line read it. The types below are this schema's.
 */
const priceSchema = z.strictObject({
  /** What the estimators ask for: `compute/m5.large`, `db/storage-multi-az`. */
  key: z.string().min(1),
  /** Short service code that adjustments are scoped to (`aws/rds`). */
  serviceCode: z.string().min(1),
  /** The provider's service and SKU, as the source names them. */
  service: z.string(),
  sku: z.string(),
  /** Provider region code, or `global`. */
  region: z.string().min(1),
  usd: z.number().min(0),
  /** The unit the price is quoted in by the source: `hour`, `1M requests`, `GB-month`. */
  unit: z.string(),
  /** What an estimator counts (`instance-hour`, `request`), and how many of them the price is for (`per`). */
  quantityUnit: z.string(),
  per: z.number().positive(),
  source: z.string().min(1, 'every price needs a source'),
  asOf: z.string().min(1, 'every price needs a date'),
  note: z.string().optional(),
  /** The reference marks this figure as uncertain: estimates that use it say so. */
  uncertain: z.boolean().optional(),
});

export const priceCatalogSchema = z.strictObject({
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
  const result = priceCatalogSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('') : '';
    throw new Error(`${name}: ${path.replace(/^\./, '')}: ${issue?.message ?? 'not a price catalog'}`);
  }
  return result.data;
}

/** One list price, as served in public/prices/<provider>.json. */
export type CatalogPrice = z.infer<typeof priceSchema>;
export type PriceCatalog = z.infer<typeof priceCatalogSchema>;

/** The date of an `asOf` text: "2025-07-07 (golden last regenerated; ...)" -> 2025-07-07. */
export function asOfDate(asOf: string): string {
  return /^\d{4}-\d{2}(-\d{2})?/.exec(asOf)?.[0] ?? asOf;
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
