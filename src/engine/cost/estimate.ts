import { kindOf, LAYERS } from '../../catalog';
import { componentZones, primaryRegion, type Connection, type Design, type PriceAdjustment, type Provider } from '../../model';
import { LINE_STATUS_LABELS } from '../format';
import { applyAdjustments } from './adjustments';
import { findEstimator } from './estimators';
import { estimateTransfer, hours } from './estimators/shared';
import { ComponentLedger, HOURS_PER_MONTH, range, type DesignIndex, type EstimatorOptions } from './ledger';
import { asOfDate, PriceBook } from './price-catalog';
import type { ComponentCost, CostProfile, CostReport, LineItem, LineStatus, PriceCatalog, Range, UsageAssumption } from './types';

export interface EstimateOptions {
  /** The profile the headline figures use; default: design.pricing.profile, then expected. */
  profile?: CostProfile;
  /** Local discounts or markups (kept on this machine, never in the design), applied after the design's. */
  adjustments?: readonly PriceAdjustment[];
  /** Local usage inputs per component id; they win over the design's pricing.usage. */
  usage?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** How far low and high profiles scale usage from the expected figure (default 0.5 and 2). */
  usageFactors?: { low: number; high: number };
}

export type CatalogSet = readonly PriceCatalog[] | Partial<Readonly<Record<Provider, PriceCatalog>>>;

export const GLOBAL_REGION = 'global';

function catalogFor(catalogs: CatalogSet, provider: Provider): PriceCatalog | undefined {
  if (Array.isArray(catalogs)) return (catalogs as readonly PriceCatalog[]).find((c) => c.provider === provider);
  return (catalogs as Partial<Record<Provider, PriceCatalog>>)[provider];
}

function indexDesign(design: Design, props: readonly Readonly<Record<string, unknown>>[]): DesignIndex {
  const outgoing = new Map<string, Connection[]>();
  for (const connection of design.connections) {
    const list = outgoing.get(connection.from);
    if (list) list.push(connection);
    else outgoing.set(connection.from, [connection]);
  }
  const clusterOwners = new Map<string, string>();
  const clusterUsers = new Map<string, number>();
  design.components.forEach((component, i) => {
    if (component.region === undefined) return;
    if (!findEstimator(component.kind)?.usesCluster?.(props[i]!)) return;
    if (!clusterOwners.has(component.region)) clusterOwners.set(component.region, component.id);
    clusterUsers.set(component.region, (clusterUsers.get(component.region) ?? 0) + 1);
  });
  return {
    design,
    provider: design.provider,
    regions: new Map(design.regions.map((r) => [r.id, r])),
    components: new Map(design.components.map((c) => [c.id, c])),
    outgoing,
    clusterOwners,
    clusterUsers,
  };
}

const centsToUsd = (cents: number): number => cents / 100;
const rangeToUsd = (r: Range): Range => ({ low: centsToUsd(r.low), expected: centsToUsd(r.expected), high: centsToUsd(r.high) });

/** The answers other than priced, the most telling first: what the reader can act on. */
const UNPRICED_ORDER: readonly Exclude<LineStatus, 'priced'>[] = ['not-in-catalog', 'unsupported', 'usage', 'included', 'free', 'external'];

function componentStatus(lines: readonly LineItem[]): LineStatus {
  if (lines.some((l) => l.status === 'priced')) return 'priced';
  return UNPRICED_ORDER.find((status) => lines.some((l) => l.status === status)) ?? 'free';
}

/**
 * Prices a design from the provider's catalog: one estimator per component kind, data transfer
 * the design implies, adjustments, and roll-ups per layer, region and component that add up to
 * the total exactly (every line is rounded to cents before anything is summed). Never reads
 * files: the caller passes the catalogs in.
 */
export function estimateCost(design: Design, catalogs: CatalogSet, options: EstimateOptions = {}): CostReport {
  const provider = design.provider;
  const catalog = catalogFor(catalogs, provider);
  const book = new PriceBook(provider, catalog);
  const allProps = design.components.map((component) => kindOf(component).propsOf(component));
  const index = indexDesign(design, allProps);
  // Region-less services are priced in the design's home region.
  const home = primaryRegion(design);
  const estimatorOptions: EstimatorOptions = { usageFactors: options.usageFactors ?? { low: 0.5, high: 2 }, localUsage: options.usage ?? {} };
  const profile: CostProfile = options.profile ?? design.pricing?.profile ?? 'expected';

  const lineItems: LineItem[] = [];
  const assumptions: UsageAssumption[] = [];
  const fallbacks = new Map<string, Map<string, Set<string>>>();
  const linesByComponent = new Map<string, LineItem[]>();

  design.components.forEach((component, componentIndex) => {
    const kind = kindOf(component);
    const region = component.region !== undefined ? index.regions.get(component.region) : undefined;
    const location = region?.location ?? home?.location ?? GLOBAL_REGION;
    const placed = componentZones(design, component);
    const zones = component.region !== undefined ? placed : [];
    const traits = kind.traitsOf(component, { provider, design, zones: placed });
    const ledger = new ComponentLedger(index, book, component, kind, allProps[componentIndex]!, traits, location, zones, estimatorOptions);
    const estimator = findEstimator(component.kind);
    if (!estimator) ledger.unsupported(kind.title, `no estimator for kind "${component.kind}"`);
    else estimator.estimate(ledger);
    estimateTransfer(ledger);
    if (component.region !== undefined && index.clusterOwners.get(component.region) === component.id) {
      const sharing = index.clusterUsers.get(component.region) ?? 1;
      ledger.charge({
        what: `Kubernetes control plane (region ${component.region})`,
        key: 'kubernetes/control-plane',
        quantity: hours(range(1)),
        notes: [`one cluster per region, shared by the ${sharing} Kubernetes workload${sharing === 1 ? '' : 's'} there; shown with the first of them`],
      });
    }
    lineItems.push(...ledger.lines);
    assumptions.push(...ledger.assumptions);
    linesByComponent.set(component.id, ledger.lines);
    for (const [from, priceRegion, key] of ledger.regionFallbacks) {
      const byRegion = fallbacks.get(from) ?? new Map<string, Set<string>>();
      fallbacks.set(from, byRegion);
      const keys = byRegion.get(priceRegion) ?? new Set<string>();
      byRegion.set(priceRegion, keys);
      keys.add(key);
    }
  });

  const adjustmentInputs = [
    ...(design.pricing?.adjustments ?? []).map((a) => ({ ...a, origin: 'design' as const })),
    ...(options.adjustments ?? []).map((a) => ({ ...a, origin: 'local' as const })),
  ];
  const adjustments = applyAdjustments(lineItems, adjustmentInputs);

  const byLayerCents = new Map<string, number>(LAYERS.map((layer) => [layer, 0]));
  const byRegionCents = new Map<string, number>(design.regions.map((r) => [r.id, 0]));
  const byComponent: Record<string, number> = {};
  const components: ComponentCost[] = [];
  const totalCents: Range = { low: 0, expected: 0, high: 0 };
  for (const component of design.components) {
    const kind = kindOf(component);
    const lines = linesByComponent.get(component.id) ?? [];
    const cents: Range = { low: 0, expected: 0, high: 0 };
    for (const line of lines) {
      cents.low += line.monthlyCents.low;
      cents.expected += line.monthlyCents.expected;
      cents.high += line.monthlyCents.high;
    }
    const regionKey = component.region ?? GLOBAL_REGION;
    byLayerCents.set(kind.layer, (byLayerCents.get(kind.layer) ?? 0) + cents[profile]);
    byRegionCents.set(regionKey, (byRegionCents.get(regionKey) ?? 0) + cents[profile]);
    byComponent[component.id] = centsToUsd(cents[profile]);
    totalCents.low += cents.low;
    totalCents.expected += cents.expected;
    totalCents.high += cents.high;
    components.push({ id: component.id, name: component.name ?? component.id, kind: component.kind, layer: kind.layer, region: regionKey, status: componentStatus(lines), monthlyCents: cents });
  }

  const unpriced = lineItems
    .filter((line) => line.status !== 'priced')
    .map((line) => ({ componentId: line.componentId, what: line.what, status: line.status, reason: line.notes.join('; ') }));
  // asOf texts start with an ISO date, so the greatest text has the newest date.
  let newest: string | undefined;
  for (const line of lineItems) if (line.asOf !== undefined && (newest === undefined || line.asOf > newest)) newest = line.asOf;
  const asOf = newest !== undefined ? asOfDate(newest) : (catalog?.asOf ?? '');
  const notes: string[] = [];
  if (!catalog) notes.push(`No price catalog for ${provider}: nothing could be priced.`);
  for (const [from, byRegion] of [...fallbacks.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [priceRegion, keys] of [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      notes.push(`${from === GLOBAL_REGION ? 'Global services' : from}: ${[...keys].sort().join(', ')} priced at ${priceRegion} list prices, the nearest region the catalog has; ${from} prices may differ.`);
    }
  }
  const uncertain = lineItems.filter((l) => l.uncertain);
  if (uncertain.length > 0) notes.push(`${uncertain.length} line${uncertain.length === 1 ? ' uses a price' : 's use prices'} the reference marks as uncertain: ${uncertain.map((l) => `${l.componentId}: ${l.what}`).join('; ')}.`);
  const counts = new Map<LineStatus, number>();
  for (const line of unpriced) counts.set(line.status, (counts.get(line.status) ?? 0) + 1);
  const summary = UNPRICED_ORDER.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${LINE_STATUS_LABELS[s]}`);
  if (summary.length > 0) notes.push(`Not in the total: ${summary.join(', ')} (see unpriced).`);
  notes.push(`${HOURS_PER_MONTH} hours a month, on-demand list prices in ${catalog?.currency ?? 'USD'}; low and high scale usage by ${estimatorOptions.usageFactors.low} and ${estimatorOptions.usageFactors.high} and follow autoscaling limits.`);

  const toUsd = (totals: ReadonlyMap<string, number>) => Object.fromEntries([...totals].map(([k, v]) => [k, centsToUsd(v)]));
  return {
    currency: catalog?.currency ?? 'USD',
    provider,
    asOf,
    profile,
    hoursPerMonth: HOURS_PER_MONTH,
    monthly: centsToUsd(totalCents[profile]),
    yearly: centsToUsd(totalCents[profile] * 12),
    range: rangeToUsd(totalCents),
    byLayer: toUsd(byLayerCents),
    byRegion: toUsd(byRegionCents),
    byComponent,
    components,
    lineItems,
    assumptions,
    adjustments,
    notes,
    unpriced,
  };
}

