import { z } from 'zod';
import { PROVIDERS, type Provider } from '../../model';
import { SOURCE_KINDS, type Commitment, type SourceKind } from './types';

/**
 * The price catalog's shape, defined once: public/prices/<provider>.json as scripts/price-catalogs/
 * build.ts writes it, an imported price book, and what the app and command line read. The types
 * below are this schema's.
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
  /** What kind of source it is (absent: not yet classified, treated as not first-party). */
  sourceKind: z.enum(SOURCE_KINDS).optional(),
});

/** The vCPUs and memory of an instance type, for pricing containers or pods of that size. */
const shapeSchema = z.strictObject({ vcpu: z.number().positive(), memoryGb: z.number().positive(), source: z.string().min(1) });

/**
 * A commitment's price: either the committed price of one SKU (from an official price list's
 * reserved terms) or a discount that applies to a whole service, each with its source.
 */
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

export const priceCatalogSchema = z.strictObject({
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
  /** Where an imported price book came from: file names and formats. */
  imports: z.array(z.strictObject({ file: z.string(), format: z.string(), prices: z.number().int().min(0), publishedAt: z.string().optional() })).optional(),
});

/** One list price, as served in public/prices/<provider>.json. */
export type CatalogPrice = z.infer<typeof priceSchema>;
export type InstanceShape = z.infer<typeof shapeSchema>;
export type CommitmentRate = z.infer<typeof commitmentSchema>;
export type PriceCatalog = z.infer<typeof priceCatalogSchema>;

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

/** The date of an `asOf` text: "2025-07-07 (golden last regenerated; ...)" -> 2025-07-07. */
export function asOfDate(asOf: string): string {
  return /^\d{4}-\d{2}(-\d{2})?/.exec(asOf)?.[0] ?? asOf;
}

/** The outcome of a price lookup: the price, and whether it is the region's own or a global one. */
export interface PriceMatch {
  price: CatalogPrice;
  /** exact: the region asked for; global: priced the same everywhere. */
  regionMatch: 'exact' | 'global';
  /** The price comes from an imported price book, which overrides the bundled catalog. */
  imported: boolean;
  /** What a line priced from it names: the service (`aws/ec2`), the source and its kind. Made with the match, which every line of that price shares. */
  service: string;
  source: string;
  sourceKind: SourceKind;
  /** The note a line priced from it carries when its source is not first-party (the ledger decides when). */
  sourceNote: string;
}

/** What a line without a price says: the status and its reason. */
export interface MissingPrice {
  status: 'not-in-region' | 'not-in-catalog';
  reason: string;
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
  private readonly regionLists = new Map<string, readonly string[]>();
  private readonly gaps = new Map<string, Map<string, Map<string | undefined, MissingPrice>>>();
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
  regionsOf(key: string): readonly string[] {
    let sorted = this.regionLists.get(key);
    if (sorted === undefined) {
      const regions = new Set<string>();
      for (const layer of this.layers) for (const price of layer.byKey.get(key) ?? []) regions.add(price.region);
      sorted = [...regions].sort();
      this.regionLists.set(key, sorted);
    }
    return sorted;
  }

  /**
   * Why no line can be priced from `key` in `location`, in a line's words (`name`: what the line
   * calls the price; by default the key in quotes): the catalog has it only for other regions, or
   * not at all. Made once for each question: a large design asks the same ones thousands of times
   * (about 6,700 lines at 5,000 components), and its lines share the text. Looked up by key,
   * location and name in turn, with no text made to ask.
   */
  missing(key: string, location: string, name?: string): MissingPrice {
    let byLocation = this.gaps.get(key);
    if (byLocation === undefined) this.gaps.set(key, (byLocation = new Map()));
    let byName = byLocation.get(location);
    if (byName === undefined) byLocation.set(location, (byName = new Map()));
    let gap = byName.get(name);
    if (gap === undefined) {
      const elsewhere = this.regionsOf(key);
      const provider = this.provider.toUpperCase();
      const named = name ?? `"${key}"`;
      gap =
        elsewhere.length > 0
          ? { status: 'not-in-region', reason: `no ${provider} price for ${named} in ${location} (the catalog has it for ${elsewhere.join(', ')}; another region's price is not used); import a price book to price it` }
          : { status: 'not-in-catalog', reason: `no ${provider} price for ${named} in the catalog` };
      byName.set(name, gap);
    }
    return gap;
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
      if (exact) return this.match(exact, exact.region === 'global' ? 'global' : 'exact', layer.imported);
      const global = prices.find((p) => p.region === 'global');
      if (global) return this.match(global, 'global', layer.imported);
    }
    return undefined;
  }

  private match(price: CatalogPrice, regionMatch: PriceMatch['regionMatch'], imported: boolean): PriceMatch {
    return {
      price,
      regionMatch,
      imported,
      service: `${this.provider}/${price.serviceCode}`,
      source: imported ? `imported: ${price.source}` : price.source,
      sourceKind: imported ? 'imported' : (price.sourceKind ?? 'third-party'),
      sourceNote: `not a first-party source (${price.sourceKind ?? 'unclassified'}): ${price.source}`,
    };
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
