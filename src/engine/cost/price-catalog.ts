import { z } from 'zod';
import { PROVIDERS, type Provider } from '../../model';
import { SOURCE_KINDS, type CatalogPrice, type Commitment, type CommitmentRate, type InstanceShape, type PriceCatalog } from './types';

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
  sourceKind: z.enum(SOURCE_KINDS).optional(),
});

const shapeSchema = z.strictObject({ vcpu: z.number().positive(), memoryGb: z.number().positive(), source: z.string().min(1) });

const commitmentSchema = z.strictObject({
  term: z.enum(['1-year', '3-year']),
  plan: z.string().min(1),
  serviceCode: z.string().min(1).optional(),
  key: z.string().min(1).optional(),
  region: z.string().min(1),
  percentOff: z.number().min(0).max(100).optional(),
  usd: z.number().min(0).optional(),
  source: z.string().min(1, 'every commitment rate needs a source'),
  asOf: z.string().min(1, 'every commitment rate needs a date'),
  sourceKind: z.enum(SOURCE_KINDS).optional(),
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
  shapes: z.record(z.string(), shapeSchema).optional(),
  commitments: z.array(commitmentSchema).optional(),
  imports: z.array(z.strictObject({ file: z.string(), format: z.string(), prices: z.number().int().min(0), publishedAt: z.string().optional() })).optional(),
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

/** The outcome of a price lookup: the price, and whether it is the region's own or a global one. */
export interface PriceMatch {
  price: CatalogPrice;
  /** exact: the region asked for; global: priced the same everywhere. */
  regionMatch: 'exact' | 'global';
  /** The price comes from an imported price book, which overrides the bundled catalog. */
  imported: boolean;
}

/** A commitment found for a priced line. */
export interface CommitmentMatch {
  rate: CommitmentRate;
  imported: boolean;
}

/**
 * Price lookups for one provider, over one or more catalogs: imported price books first (they
 * override the bundled prices), then the bundled catalog. A price is the region's own or a global
 * one; another region's price is never substituted (the caller says the price is not known for
 * the region). Memoised, since a large design asks the same questions many times.
 */
export class PriceBook {
  readonly provider: Provider;
  /** The bundled catalog (the last one given), for its currency, hours and dates. */
  readonly catalog: PriceCatalog | undefined;
  private readonly layers: { catalog: PriceCatalog; imported: boolean; byKey: Map<string, CatalogPrice[]> }[];
  private readonly memo = new Map<string, Map<string, PriceMatch | null>>();
  private readonly shapes = new Map<string, InstanceShape>();

  /** `imported` catalogs win over `bundled`, the first imported over later ones. */
  constructor(provider: Provider, bundled: PriceCatalog | undefined, imported: readonly PriceCatalog[] = []) {
    this.provider = provider;
    this.catalog = bundled;
    const sources = [...imported.map((catalog) => ({ catalog, imported: true })), ...(bundled ? [{ catalog: bundled, imported: false }] : [])];
    this.layers = sources.map(({ catalog, imported: isImported }) => {
      const byKey = new Map<string, CatalogPrice[]>();
      for (const price of catalog.prices) {
        const list = byKey.get(price.key);
        if (list) list.push(price);
        else byKey.set(price.key, [price]);
      }
      return { catalog, imported: isImported, byKey };
    });
    for (const layer of [...this.layers].reverse()) for (const [size, shape] of Object.entries(layer.catalog.shapes ?? {})) this.shapes.set(size, shape);
  }

  /** Whether any catalog prices `key`, in any region. */
  has(key: string): boolean {
    return this.layers.some((layer) => layer.byKey.has(key));
  }

  /** The regions any catalog prices `key` in, sorted. */
  regionsOf(key: string): string[] {
    const regions = new Set<string>();
    for (const layer of this.layers) for (const price of layer.byKey.get(key) ?? []) regions.add(price.region);
    return [...regions].sort();
  }

  /** The vCPUs and memory of an instance type, when a catalog knows them. */
  shape(size: string): InstanceShape | undefined {
    return this.shapes.get(size);
  }

  /** The price of `key` in `location` (a region code, or `global`), or undefined when no catalog has it there. */
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
    for (const layer of this.layers) {
      const prices = layer.byKey.get(key);
      if (!prices) continue;
      const exact = prices.find((p) => p.region === location);
      if (exact) return { price: exact, regionMatch: exact.region === 'global' ? 'global' : 'exact', imported: layer.imported };
      const global = prices.find((p) => p.region === 'global');
      if (global) return { price: global, regionMatch: 'global', imported: layer.imported };
    }
    return undefined;
  }

  /**
   * The commitment rate for a priced line: the SKU's own committed price in that region first,
   * then a rate for its service in that region, then a global rate for its service.
   */
  commitment(term: Exclude<Commitment, 'on-demand'>, key: string, serviceCode: string, location: string): CommitmentMatch | undefined {
    for (const layer of this.layers) {
      const rates = layer.catalog.commitments;
      if (!rates) continue;
      const own = rates.find((r) => r.term === term && r.key === key && r.region === location && r.usd !== undefined);
      if (own) return { rate: own, imported: layer.imported };
    }
    for (const layer of this.layers) {
      const rates = layer.catalog.commitments;
      if (!rates) continue;
      const forService = rates.find((r) => r.term === term && r.serviceCode === serviceCode && r.key === undefined && (r.region === location || r.region === 'global') && r.percentOff !== undefined);
      if (forService) return { rate: forService, imported: layer.imported };
    }
    return undefined;
  }
}
