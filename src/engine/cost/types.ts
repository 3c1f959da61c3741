import type { Layer } from '../../catalog';
import type { Provider } from '../../model';

/**
 * Where a price was read. First-party: the provider's official price-list files, its price
 * pages or its documentation, or the user's own imported price book. The others are kept only
 * until a first-party figure replaces them, and every line that uses one says so.
 */
export const SOURCE_KINDS = ['price-list', 'price-page', 'provider-docs', 'imported', 'test-fixture', 'third-party'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const FIRST_PARTY_SOURCES: ReadonlySet<SourceKind> = new Set(['price-list', 'price-page', 'provider-docs', 'imported']);

/** What a commitment profile is: on-demand list prices, or a one- or three-year commitment. */
export const COMMITMENTS = ['on-demand', '1-year', '3-year'] as const;
export type Commitment = (typeof COMMITMENTS)[number];

export type { CatalogPrice, CommitmentRate, InstanceShape, PriceCatalog } from './price-catalog';

/** A low / expected / high triple: usage assumptions give a range rather than a false point. */
export interface Range {
  low: number;
  expected: number;
  high: number;
}

export type CostProfile = keyof Range;
export const COST_PROFILES: readonly CostProfile[] = ['low', 'expected', 'high'];

/**
 * What a line says about its price. Only `priced` carries money; the others are distinct
 * answers that the report shows, never a silent zero.
 * - free: the provider charges nothing for it (e.g. RDS backup storage up to the database size).
 * - usage: depends on usage that the design does not state; set the named usage input.
 * - not-in-catalog: Ninesmith prices it, but the catalog has no price for this SKU or service.
 * - not-in-region: the catalog has the price elsewhere, but not for this region (never substituted).
 * - unsupported: Ninesmith has no price model for this configuration.
 * - included: paid for through another component (pods on cluster nodes).
 * - external: not infrastructure you pay the cloud for (users, vendors' systems).
 */
export type LineStatus = 'priced' | 'free' | 'usage' | 'not-in-catalog' | 'not-in-region' | 'unsupported' | 'included' | 'external';

/** Statuses of lines that should carry money but do not: the total leaves them out, and says so. */
export const EXCLUDED_STATUSES: ReadonlySet<LineStatus> = new Set(['usage', 'not-in-catalog', 'not-in-region', 'unsupported']);

export interface LineItem {
  componentId: string;
  /** What is charged: "Primary instance (db.r6g.large)". */
  what: string;
  status: LineStatus;
  /** Quantity per month in `quantityUnit`, per profile. */
  quantity?: Range;
  quantityUnit?: string;
  /** The catalog price used, in USD per `priceUnit`, before adjustments. */
  unitPrice?: number;
  priceUnit?: string;
  priceKey?: string;
  service?: string;
  /** The catalog region whose price was used (may differ from the component's region: see notes). */
  priceRegion?: string;
  source?: string;
  /** The oldest date among the prices this line uses. */
  asOf?: string;
  sourceKind?: SourceKind;
  uncertain?: boolean;
  /** The commitment applied to this line, and where its rate comes from; absent on-demand. */
  commitment?: string;
  /** Monthly cost per profile after adjustments, in cents (whole numbers, so every sum adds up exactly). */
  monthlyCents: Range;
  /** Monthly list cost per profile before adjustments, in cents. */
  listCents: Range;
  /** Adjustments applied, by scope, in order. */
  adjustments?: string[];
  notes: string[];
}

/** An editable usage input, Infracost usage-file style: `pricing.usage.<component>.<name>`. */
export interface UsageAssumption {
  componentId: string;
  name: string;
  label: string;
  unit: string;
  /** The value priced as expected; low and high scale it by the profile factors when it is usage. Null: not set, and no default (the line depends on usage). */
  value: number | null;
  range: Range | null;
  /** Where the value came from: traffic is derived from the users' peak requests per second. */
  origin: 'design usage' | 'local usage' | 'prop' | 'traffic' | 'default' | 'unset';
  /** How a derived value was worked out ("300 req/s peak x 25% average x 2,628,000 s"). */
  derivation?: string;
  /** usage: varies month to month (ranged); provisioned: a configured amount (the same in every profile). */
  nature: 'usage' | 'provisioned';
}

export interface AppliedAdjustment {
  scope: string;
  percent: number;
  note?: string;
  origin: 'design' | 'local';
  /** Change to the expected monthly total, in cents (negative for a discount). */
  effectCents: number;
}

export interface ComponentCost {
  id: string;
  name: string;
  kind: string;
  layer: Layer;
  /** Region id, or `global`. */
  region: string;
  /** priced when any line has money; otherwise the first non-priced status. */
  status: LineStatus;
  monthlyCents: Range;
}

export interface CostReport {
  currency: string;
  provider: Provider;
  /** The oldest price date among the prices used (a catalog's date when nothing was priced). */
  asOf: string;
  /** The newest price date among the prices used. */
  asOfNewest: string;
  /** The commitment profile priced (design.pricing.commitment, default on-demand). */
  commitment: Commitment;
  /** Lines the total leaves out (no price known for the region, not in the catalog, unsupported, depends on usage). */
  excluded: { lines: number; byStatus: Partial<Record<LineStatus, number>> };
  /** Priced lines whose price is not from a first-party source (named on each line). */
  secondarySourceLines: number;
  /** Priced lines whose price comes from an imported price book. */
  importedLines: number;
  /** The profile the headline figures use (design.pricing.profile, default expected). */
  profile: CostProfile;
  hoursPerMonth: number;
  /** Headline monthly cost for the profile, in USD (cents-exact). */
  monthly: number;
  yearly: number;
  range: Range;
  byLayer: Record<string, number>;
  byRegion: Record<string, number>;
  byComponent: Record<string, number>;
  components: ComponentCost[];
  lineItems: LineItem[];
  assumptions: UsageAssumption[];
  adjustments: AppliedAdjustment[];
  /** Report-wide notes: regions priced elsewhere, uncertain prices, what is not priced. */
  notes: string[];
  /** Lines that carry no money, so a reader sees what the total leaves out. */
  unpriced: { componentId: string; what: string; status: LineStatus; reason: string }[];
}

