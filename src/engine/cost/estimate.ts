import { kindOf, LAYERS, type AnyProps, type ComponentKind, type ComponentTraits } from '../../catalog';
import { componentZones, primaryRegion, type Connection, type Design, type PriceAdjustment, type Provider } from '../../model';
import { LINE_STATUS_LABELS } from '../format';
import type { DesignGraph } from '../graph';
import { applyAdjustments } from './adjustments';
import { applyCommitment, COMMITMENT_TITLES } from './commitment';
import { chargeClusterNodes } from './cluster';
import { findEstimator } from './estimators';
import { estimateTransfer, hoursOf } from './estimators/shared';
import { ComponentLedger, HOURS_PER_MONTH, type BackupProfile, type DesignIndex, type EstimatorOptions, type PodRequests } from './ledger';
import { asOfDate, PriceBook } from './price-catalog';
import { DEFAULT_AVERAGE_TO_PEAK_PERCENT, DEFAULT_RESPONSE_KB, designTraffic, type TrafficSource } from './traffic';
import { EXCLUDED_STATUSES, FIRST_PARTY_SOURCES, type Commitment, type ComponentCost, type CostProfile, type CostReport, type LineItem, type LineStatus, type PriceCatalog, type Range, type UsageAssumption } from './types';
import { formatNumber } from './numbers';

export interface EstimateOptions {
  /** The profile the headline figures use; default: design.pricing.profile, then expected. */
  profile?: CostProfile;
  /** The commitment profile; default: design.pricing.commitment, then on-demand. */
  commitment?: Commitment;
  /** Local discounts or markups (kept on this machine, never in the design), applied after the design's. */
  adjustments?: readonly PriceAdjustment[];
  /** Local usage inputs per component id; they win over the design's pricing.usage. */
  usage?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** How far low and high profiles scale usage from the expected figure (default 0.5 and 2). */
  usageFactors?: { low: number; high: number };
  /** Imported price books (the user's own, or an official price list): they override the bundled catalog. */
  imported?: readonly PriceCatalog[];
  /**
   * The analysis's graph of this very design object, when the caller has one: its components' kinds,
   * zones, answers and positions are the ones pricing works out (the same calls on the same
   * component and regions), so they are read from it instead of worked out again (about a sixth of
   * pricing at 5,000 components). A graph of another design is not used.
   */
  graph?: Pick<DesignGraph, 'design' | 'indexById' | 'kinds' | 'zones' | 'traits'>;
}

export type CatalogSet = readonly PriceCatalog[] | Partial<Readonly<Record<Provider, PriceCatalog>>>;

export const GLOBAL_REGION = 'global';

function catalogFor(catalogs: CatalogSet, provider: Provider): PriceCatalog | undefined {
  if (Array.isArray(catalogs)) return (catalogs as readonly PriceCatalog[]).find((c) => c.provider === provider);
  return (catalogs as Partial<Record<Provider, PriceCatalog>>)[provider];
}


function usageOf(design: Design, local: EstimatorOptions['localUsage'], id: string, name: string): number | undefined {
  const value = local[id]?.[name] ?? design.pricing?.usage?.[id]?.[name];
  return typeof value === 'number' ? value : undefined;
}

/** The props the file sets itself, for the few estimators that ask (users, workloads on a cluster). */
const explicitProps = (component: Design['components'][number]): Set<string> => new Set(Object.keys(component.props ?? {}));

function indexDesign(
  design: Design,
  kinds: readonly ComponentKind[],
  props: readonly AnyProps[],
  zones: readonly (readonly string[])[],
  traits: readonly ComponentTraits[],
  book: PriceBook,
  local: EstimatorOptions['localUsage'],
  /** Each component's position by id, when the caller's graph has them. */
  knownPositions?: ReadonlyMap<string, number>,
): DesignIndex {
  const outgoing = new Map<string, Connection[]>();
  const incoming = new Map<string, Connection[]>();
  const connections = design.connections;
  for (let c = 0; c < connections.length; c++) {
    const connection = connections[c]!;
    const list = outgoing.get(connection.from);
    if (list) list.push(connection);
    else outgoing.set(connection.from, [connection]);
    const into = incoming.get(connection.to);
    if (into) into.push(connection);
    else incoming.set(connection.to, [connection]);
  }
  // One map from id to position, which indexes the lists worked out per component: at 20,000
  // components, a map per list cost about 20 ms each to fill, and each look-up one more by text.
  let positions = knownPositions;
  const components = design.components;
  if (positions === undefined) {
    const made = new Map<string, number>();
    for (let i = 0; i < components.length; i++) made.set(components[i]!.id, i);
    positions = made;
  }
  const clusterOwners = new Map<string, string>();
  const clusterUsers = new Map<string, number>();
  const clusterPods = new Map<string, (PodRequests & { componentId: string })[]>();
  const backups = new Map<string, BackupProfile>();
  const sources: TrafficSource[] = [];
  const edges = new Set<string>();
  for (let i = 0; i < components.length; i++) {
    const component = components[i]!;
    const componentProps = props[i]!;
    const componentTraits = traits[i]!;
    const estimator = findEstimator(component.kind);
    if (estimator?.servesFromEdge) edges.add(component.id);
    // Only users state a peak rate: other components need no look-up of usage settings for it.
    const peak = estimator?.peakRequestsPerSecond ? (usageOf(design, local, component.id, 'peakRequestsPerSecond') ?? estimator.peakRequestsPerSecond(componentProps, explicitProps(component))) : undefined;
    if (peak !== undefined && estimator?.peakRequestsPerSecond) {
      sources.push({
        id: component.id,
        peakPerSecond: peak,
        averageToPeakPercent: usageOf(design, local, component.id, 'averageToPeakPercent') ?? DEFAULT_AVERAGE_TO_PEAK_PERCENT,
        responseKb: usageOf(design, local, component.id, 'responseKb') ?? DEFAULT_RESPONSE_KB,
      });
    }
    const backup = estimator?.backupProfile?.(componentProps, componentTraits);
    if (backup) backups.set(component.id, backup);
    if (component.region === undefined) continue;
    if (!estimator?.usesCluster?.(componentProps)) continue;
    if (!clusterOwners.has(component.region)) clusterOwners.set(component.region, component.id);
    clusterUsers.set(component.region, (clusterUsers.get(component.region) ?? 0) + 1);
    const pods = estimator.clusterPods?.(componentProps, { replicas: component.replicas ?? 1, traits: componentTraits, book, explicit: explicitProps(component) }) ?? [];
    const list = clusterPods.get(component.region) ?? [];
    clusterPods.set(component.region, list);
    for (let p = 0; p < pods.length; p++) list.push({ ...pods[p]!, componentId: component.id });
  }
  return {
    design,
    provider: design.provider,
    regions: new Map(design.regions.map((r) => [r.id, r])),
    positions,
    kinds,
    zones,
    outgoing,
    incoming,
    clusterOwners,
    clusterUsers,
    clusterPods,
    traits,
    traffic: designTraffic(design, sources, outgoing, positions, edges),
    backups,
  };
}

const centsToUsd = (cents: number): number => cents / 100;
const rangeToUsd = (r: Range): Range => ({ low: centsToUsd(r.low), expected: centsToUsd(r.expected), high: centsToUsd(r.high) });

/** The most telling non-priced answer first: what the reader can act on. */
const UNPRICED_ORDER: readonly Exclude<LineStatus, 'priced'>[] = ['not-in-region', 'not-in-catalog', 'unsupported', 'usage', 'included', 'free', 'external'];

/** The status of the lines from `start` to `end` (a component's): loops rather than some/find, whose callbacks were made per component. */
function componentStatus(lines: readonly LineItem[], start: number, end: number): LineStatus {
  for (let i = start; i < end; i++) if (lines[i]!.status === 'priced') return 'priced';
  for (const status of UNPRICED_ORDER) {
    for (let i = start; i < end; i++) if (lines[i]!.status === status) return status;
  }
  return 'free';
}

/** Each component's kind, effective props, zones and answers, by position: the caller's graph's where it has them. */
interface ComponentInputs {
  kinds: readonly ComponentKind[];
  props: readonly AnyProps[];
  zones: readonly (readonly string[])[];
  traits: readonly ComponentTraits[];
}

/*
 * The phases of an estimate are functions of their own, with indexed loops: one function of them all,
 * with a callback per loop, made optimised code of about 175 kB that V8 compiled seven or eight times
 * in a process pricing a design of 5,000 components twenty times (each time a component of another
 * shape reached it), and that compiling is CPU time the command and the app pay.
 */
function componentInputs(design: Design, graph: EstimateOptions['graph']): ComponentInputs {
  const components = design.components;
  const provider = design.provider;
  let kinds: readonly ComponentKind[];
  let zones: readonly (readonly string[])[];
  let traits: readonly ComponentTraits[];
  const props: AnyProps[] = [];
  if (graph) {
    kinds = graph.kinds;
    zones = graph.zones;
    traits = graph.traits;
    for (let i = 0; i < components.length; i++) props.push(kinds[i]!.propsOf(components[i]!));
  } else {
    const ownKinds: ComponentKind[] = [];
    const ownZones: (readonly string[])[] = [];
    const ownTraits: ComponentTraits[] = [];
    for (let i = 0; i < components.length; i++) {
      const component = components[i]!;
      const kind = kindOf(component);
      const placed = componentZones(design, component);
      ownKinds.push(kind);
      props.push(kind.propsOf(component));
      ownZones.push(placed);
      ownTraits.push(kind.traitsOf(component, { provider, design, zones: placed }));
    }
    kinds = ownKinds;
    zones = ownZones;
    traits = ownTraits;
  }
  return { kinds, props, zones, traits };
}

/** Every component's lines, in design order, and where each one's start (the last entry: the end of the last one's). */
function priceComponents(design: Design, inputs: ComponentInputs, index: DesignIndex, book: PriceBook, estimatorOptions: EstimatorOptions): { lineItems: LineItem[]; assumptions: UsageAssumption[]; firstLine: Uint32Array } {
  const components = design.components;
  // Region-less services are priced in the design's home region.
  const home = primaryRegion(design);
  const lineItems: LineItem[] = [];
  const assumptions: UsageAssumption[] = [];
  const firstLine = new Uint32Array(components.length + 1);
  for (let componentIndex = 0; componentIndex < components.length; componentIndex++) {
    const component = components[componentIndex]!;
    const kind = inputs.kinds[componentIndex]!;
    const region = component.region !== undefined ? index.regions.get(component.region) : undefined;
    const location = region?.location ?? home?.location ?? GLOBAL_REGION;
    const zones = component.region !== undefined ? inputs.zones[componentIndex]! : [];
    firstLine[componentIndex] = lineItems.length;
    const ledger = new ComponentLedger(index, book, component, kind, inputs.props[componentIndex]!, inputs.traits[componentIndex]!, location, zones, estimatorOptions, lineItems, assumptions);
    const estimator = findEstimator(component.kind);
    if (!estimator) ledger.unsupported(kind.title, `no estimator for kind "${component.kind}"`);
    else estimator.estimate(ledger);
    estimateTransfer(ledger);
    if (component.region !== undefined && index.clusterOwners.get(component.region) === component.id) {
      const sharing = index.clusterUsers.get(component.region) ?? 1;
      ledger.charge({
        what: `Kubernetes control plane (region ${component.region})`,
        key: 'kubernetes/control-plane',
        quantity: hoursOf(1),
        notes: [`one cluster per region, shared by the ${sharing} Kubernetes workload${sharing === 1 ? '' : 's'} there; shown with the first of them`],
      });
      chargeClusterNodes(ledger, component.region);
    }
  }
  firstLine[components.length] = lineItems.length;
  return { lineItems, assumptions, firstLine };
}

/** The totals per layer, region and component, and overall, of the lines (after commitments and adjustments). */
function rollUp(design: Design, kinds: readonly ComponentKind[], lineItems: readonly LineItem[], firstLine: Uint32Array, profile: CostProfile) {
  const byLayerCents = new Map<string, number>(LAYERS.map((layer) => [layer, 0]));
  const byRegionCents = new Map<string, number>(design.regions.map((r) => [r.id, 0]));
  const byComponent: Record<string, number> = {};
  const components: ComponentCost[] = [];
  const totalCents: Range = { low: 0, expected: 0, high: 0 };
  for (let componentIndex = 0; componentIndex < design.components.length; componentIndex++) {
    const component = design.components[componentIndex]!;
    const kind = kinds[componentIndex]!;
    const start = firstLine[componentIndex]!;
    const end = firstLine[componentIndex + 1]!;
    const cents: Range = { low: 0, expected: 0, high: 0 };
    for (let i = start; i < end; i++) {
      const line = lineItems[i]!;
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
    components.push({ id: component.id, name: component.name ?? component.id, kind: component.kind, layer: kind.layer, region: regionKey, status: componentStatus(lineItems, start, end), monthlyCents: cents });
  }
  return { byLayerCents, byRegionCents, byComponent, components, totalCents };
}

/** A note per component that states a peak request rate (the users), saying what pricing derives from it. */
function addTrafficNotes(notes: string[], design: Design, local: EstimatorOptions['localUsage'], props: readonly AnyProps[]): void {
  for (let i = 0; i < design.components.length; i++) {
    const users = design.components[i]!;
    const estimator = findEstimator(users.kind);
    if (!estimator?.peakRequestsPerSecond) continue;
    const peak = usageOf(design, local, users.id, 'peakRequestsPerSecond') ?? estimator.peakRequestsPerSecond(props[i]!, new Set(Object.keys(users.props ?? {})));
    if (peak === undefined) continue;
    const ratio = usageOf(design, local, users.id, 'averageToPeakPercent') ?? DEFAULT_AVERAGE_TO_PEAK_PERCENT;
    const kb = usageOf(design, local, users.id, 'responseKb') ?? DEFAULT_RESPONSE_KB;
    notes.push(`Traffic from ${users.id}: ${formatNumber(peak)} req/s at peak; average ${ratio}% of peak (an assumption: set pricing.usage.${users.id}.averageToPeakPercent), ${kb} KB a response (set pricing.usage.${users.id}.responseKb); every request is taken to reach the origin (no CDN cache hits). Request- and transfer-priced lines downstream are derived from it unless their usage is set.`);
  }
}

/**
 * What the lines say together: those not in the total and why, the price dates, the lines from
 * secondary or imported sources and those marked uncertain (counted, the first 20 named), and how
 * many usage figures are defaults.
 */
function summarizeLines(lineItems: readonly LineItem[], assumptions: readonly UsageAssumption[]) {
  const unpriced: CostReport['unpriced'] = [];
  const excludedByStatus: Partial<Record<LineStatus, number>> = {};
  const counts = new Map<LineStatus, number>();
  const regionGaps = new Map<string, Set<string>>();
  const gapOfReason = new Map<string, RegExpExecArray | null>();
  let oldest: string | undefined;
  let newest: string | undefined;
  let secondary = 0;
  let importedLines = 0;
  let excludedLines = 0;
  // Lines share a few price dates: each is read once (a regular expression per priced line otherwise).
  const dates = new Map<string, string>();
  const joinedReasons = new Map<string, Map<string, string>>();
  // Indexed loops in the code that runs once per estimate: it runs mostly unoptimised, where each step of for-of makes an object.
  for (let i = 0; i < lineItems.length; i++) {
    const line = lineItems[i]!;
    if (line.status === 'priced') {
      if (line.asOf !== undefined) {
        let date = dates.get(line.asOf);
        if (date === undefined) dates.set(line.asOf, (date = asOfDate(line.asOf)));
        if (oldest === undefined || date < oldest) oldest = date;
        if (newest === undefined || date > newest) newest = date;
      }
      if (line.sourceKind === 'imported') importedLines += 1;
      else if (line.sourceKind === undefined || !FIRST_PARTY_SOURCES.has(line.sourceKind)) secondary += 1;
      continue;
    }
    const lineNotes = line.notes;
    let reason: string;
    if (lineNotes.length === 2) {
      // Lines without a price share a few pairs of notes (about 2,800 lines at 5,000 components, 17 texts): each pair is joined once.
      let bySecond = joinedReasons.get(lineNotes[0]!);
      if (bySecond === undefined) joinedReasons.set(lineNotes[0]!, (bySecond = new Map()));
      const known = bySecond.get(lineNotes[1]!);
      if (known === undefined) bySecond.set(lineNotes[1]!, (reason = `${lineNotes[0]!}; ${lineNotes[1]!}`));
      else reason = known;
    } else reason = lineNotes.length === 1 ? lineNotes[0]! : lineNotes.join('; ');
    unpriced.push({ componentId: line.componentId, what: line.what, status: line.status, reason });
    counts.set(line.status, (counts.get(line.status) ?? 0) + 1);
    if (EXCLUDED_STATUSES.has(line.status)) {
      excludedLines += 1;
      excludedByStatus[line.status] = (excludedByStatus[line.status] ?? 0) + 1;
    }
    if (line.status === 'not-in-region') {
      // Such lines share their reason (PriceBook.missing): each text is read once.
      const reason = line.notes[0] ?? '';
      let where = gapOfReason.get(reason);
      if (where === undefined) {
        where = /price for "([^"]+)" in (\S+)/.exec(reason);
        gapOfReason.set(reason, where);
      }
      if (where) {
        const keys = regionGaps.get(where[2]!) ?? new Set<string>();
        regionGaps.set(where[2]!, keys);
        keys.add(where[1]!);
      }
    }
  }
  let uncertainCount = 0;
  const uncertainNamed: string[] = [];
  for (let i = 0; i < lineItems.length; i++) {
    const line = lineItems[i]!;
    if (!line.uncertain) continue;
    uncertainCount += 1;
    if (uncertainNamed.length < 20) uncertainNamed.push(`${line.componentId}: ${line.what}`);
  }
  let defaults = 0;
  for (let i = 0; i < assumptions.length; i++) if (assumptions[i]!.origin === 'default') defaults += 1;
  return { unpriced, excludedByStatus, counts, regionGaps, oldest, newest, secondary, importedLines, excludedLines, uncertainCount, uncertainNamed, defaults };
}

/**
 * Prices a design from the provider's catalog (and any imported price books, which override
 * it): one estimator per component kind, Kubernetes nodes for the pods each region's cluster
 * hosts, data transfer the design implies, the commitment profile, adjustments, and roll-ups
 * per layer, region and component that add up to the total exactly (every line is rounded to
 * cents before anything is summed). A price is never taken from another region: such a line says
 * so, and the report counts it among the lines the total excludes. Never reads files.
 */
export function estimateCost(design: Design, catalogs: CatalogSet, options: EstimateOptions = {}): CostReport {
  const provider = design.provider;
  const catalog = catalogFor(catalogs, provider);
  const imported = (options.imported ?? []).filter((c) => c.provider === provider);
  const book = new PriceBook(provider, catalog, imported);
  const estimatorOptions: EstimatorOptions = { usageFactors: options.usageFactors ?? { low: 0.5, high: 2 }, localUsage: options.usage ?? {} };
  const graph = options.graph !== undefined && options.graph.design === design ? options.graph : undefined;
  const inputs = componentInputs(design, graph);
  const index = indexDesign(design, inputs.kinds, inputs.props, inputs.zones, inputs.traits, book, estimatorOptions.localUsage, graph?.indexById);
  const profile: CostProfile = options.profile ?? design.pricing?.profile ?? 'expected';
  const commitment: Commitment = options.commitment ?? design.pricing?.commitment ?? 'on-demand';

  const { lineItems, assumptions, firstLine } = priceComponents(design, inputs, index, book, estimatorOptions);
  const committed = applyCommitment(lineItems, book, commitment);
  const adjustmentInputs = [
    ...(design.pricing?.adjustments ?? []).map((a) => ({ ...a, origin: 'design' as const })),
    ...(options.adjustments ?? []).map((a) => ({ ...a, origin: 'local' as const })),
  ];
  const adjustments = applyAdjustments(lineItems, adjustmentInputs);
  const { byLayerCents, byRegionCents, byComponent, components, totalCents } = rollUp(design, inputs.kinds, lineItems, firstLine, profile);

  const { unpriced, excludedByStatus, counts, regionGaps, oldest, newest, secondary, importedLines, excludedLines, uncertainCount, uncertainNamed, defaults } = summarizeLines(lineItems, assumptions);
  const asOf = oldest ?? (catalog?.asOf ?? '');
  const notes: string[] = [];
  if (!catalog && imported.length === 0) notes.push(`No price catalog for ${provider}: nothing could be priced.`);
  if (excludedLines > 0) notes.push(`The total excludes ${excludedLines} line${excludedLines === 1 ? '' : 's'} that could not be priced (see unpriced): it is a lower bound.`);
  for (const [location, keys] of [...regionGaps.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    notes.push(`${location}: no price in the catalog for ${[...keys].sort().join(', ')}; another region's price is never used. Import a price book (ninesmith prices import) to price them.`);
  }
  addTrafficNotes(notes, design, estimatorOptions.localUsage, inputs.props);
  if (secondary > 0) notes.push(`${secondary} priced line${secondary === 1 ? ' uses a price' : 's use prices'} not yet confirmed from a first-party source (another project's test data or a third-party copy); each such line names its source.`);
  if (importedLines > 0) notes.push(`${importedLines} line${importedLines === 1 ? ' is' : 's are'} priced from your imported price book, which overrides the bundled prices.`);
  if (uncertainCount > 0) notes.push(`${uncertainCount} line${uncertainCount === 1 ? ' uses a price' : 's use prices'} the reference marks as uncertain: ${uncertainNamed.join('; ')}${uncertainCount > 20 ? `; and ${uncertainCount - 20} more` : ''}.`);
  if (commitment !== 'on-demand') {
    notes.push(`Commitment: ${COMMITMENT_TITLES[commitment]}; ${committed.committed} line${committed.committed === 1 ? '' : 's'} at a committed rate with its source${committed.onDemand > 0 ? `, ${committed.onDemand} at on-demand prices for want of a first-party rate (${committed.servicesWithoutRate.join(', ')})` : ''}.`);
  }
  if (defaults > 0) notes.push(`${defaults} usage figure${defaults === 1 ? ' is a default' : 's are defaults'}, not stated by the design (see assumptions); set pricing.usage to replace them.`);
  const summary = UNPRICED_ORDER.filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${LINE_STATUS_LABELS[s]}`);
  if (summary.length > 0) notes.push(`Not in the total: ${summary.join(', ')} (see unpriced).`);
  notes.push(`${HOURS_PER_MONTH} hours a month, ${COMMITMENT_TITLES[commitment]} in ${catalog?.currency ?? 'USD'}; prices as of ${asOf}${newest && newest !== asOf ? ` (oldest) to ${newest} (newest)` : ''}; low and high scale usage by ${estimatorOptions.usageFactors.low} and ${estimatorOptions.usageFactors.high} and follow autoscaling limits.`);

  const toUsd = (totals: ReadonlyMap<string, number>) => Object.fromEntries([...totals].map(([k, v]) => [k, centsToUsd(v)]));
  return {
    currency: catalog?.currency ?? 'USD',
    provider,
    asOf,
    asOfNewest: newest ?? asOf,
    profile,
    commitment,
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
    excluded: { lines: excludedLines, byStatus: excludedByStatus },
    secondarySourceLines: secondary,
    importedLines,
    notes,
    unpriced,
  };
}
