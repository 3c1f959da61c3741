import type { Layer } from '../../catalog';
import type { Provider } from '../../model';

export type { CatalogPrice, PriceCatalog } from './price-catalog';

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
 * - unsupported: Ninesmith has no price model for this configuration.
 * - included: paid for through another component (pods on cluster nodes).
 * - external: not infrastructure you pay the cloud for (users, vendors' systems).
 */
export type LineStatus = 'priced' | 'free' | 'usage' | 'not-in-catalog' | 'unsupported' | 'included' | 'external';

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
  asOf?: string;
  uncertain?: boolean;
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
  /** Where the value came from. */
  origin: 'design usage' | 'local usage' | 'prop' | 'default' | 'unset';
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
  /** The newest price date among the prices used (a catalog's date when nothing was priced). */
  asOf: string;
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

