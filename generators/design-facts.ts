import { componentZones, designTier, displayName, type Component, type Connection, type Design, type Region, type ResolvedTier } from '../src/model';
import { kindOf, type BackupPolicy, type ComponentKind, type ComponentTraits } from '../src/catalog';
import type { DesignGraph } from '../src/engine';

/** One component with what every generator asks of it, computed once per export. */
export interface ComponentFacts {
  readonly component: Component;
  /** Its position in the design's components (and in `DesignFacts.components`). */
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly kind: ComponentKind;
  /** Its answers to the capability questions: what shared generator code may ask of any component. */
  readonly traits: ComponentTraits;
  readonly region: Region | undefined;
  /** Zones it runs in (the first zone of its region when the design does not say); none when global. */
  readonly zones: readonly string[];
  readonly replicas: number;
  /** Journeys that need it, in design order. */
  readonly journeys: readonly { id: string; name: string }[];
}

/**
 * The design indexed for the generators: lookups by id, connections in and out, the tier's
 * targets. Built in one pass, so exporting a 1,000-component design stays linear.
 */
export interface DesignFacts {
  readonly design: Design;
  readonly tier: ResolvedTier;
  readonly components: readonly ComponentFacts[];
  readonly byId: ReadonlyMap<string, ComponentFacts>;
  readonly regions: readonly Region[];
  readonly regionById: ReadonlyMap<string, Region>;
  readonly outgoing: ReadonlyMap<string, readonly Connection[]>;
  readonly incoming: ReadonlyMap<string, readonly Connection[]>;
  /** A short lower-case slug of the design's name, for resource name prefixes. */
  readonly slug: string;
  /** Zones each region's components use, in the region's order (see `usedZones`). */
  readonly zonesByRegion: ReadonlyMap<string, readonly string[]>;
}

const NO_CONNECTIONS: readonly Connection[] = [];
const NO_JOURNEYS: ComponentFacts['journeys'] = [];

/**
 * With `graph` (the engine's index of the same design object), each component's kind, zones and
 * traits are the graph's: an export that analyses or prices the design works them out once, not
 * once for the facts, once for the analysis and once for the pricing.
 */
export function designFacts(design: Design, graph?: Pick<DesignGraph, 'design' | 'kinds' | 'zones' | 'traits'>): DesignFacts {
  const indexed = graph !== undefined && graph.design === design ? graph : undefined;
  const journeysByComponent = new Map<string, { id: string; name: string }[]>();
  for (const journey of design.journeys) {
    for (const id of new Set(journey.needs)) {
      const list = journeysByComponent.get(id);
      if (list) list.push({ id: journey.id, name: journey.name });
      else journeysByComponent.set(id, [{ id: journey.id, name: journey.name }]);
    }
  }
  const regionById = new Map(design.regions.map((region) => [region.id, region]));
  const size = design.components.length;
  const components = new Array<ComponentFacts>(size);
  const byId = new Map<string, ComponentFacts>();
  const zonesUsed = new Map<string, Set<string>>();
  for (let index = 0; index < size; index += 1) {
    const component = design.components[index]!;
    const kind = indexed ? indexed.kinds[index]! : kindOf(component);
    const zones = indexed ? indexed.zones[index]! : componentZones(design, component);
    const region = component.region === undefined ? undefined : regionById.get(component.region);
    const facts: ComponentFacts = {
      component,
      index,
      id: component.id,
      name: displayName(component),
      kind,
      traits: indexed ? indexed.traits[index]! : kind.traitsOf(component, { provider: design.provider, design, zones }),
      region,
      zones,
      replicas: component.replicas ?? 1,
      journeys: journeysByComponent.get(component.id) ?? NO_JOURNEYS,
    };
    components[index] = facts;
    byId.set(facts.id, facts);
    if (region) {
      let used = zonesUsed.get(region.id);
      if (!used) zonesUsed.set(region.id, (used = new Set<string>()));
      for (const zone of zones) used.add(zone);
    }
  }
  const outgoing = new Map<string, Connection[]>();
  const incoming = new Map<string, Connection[]>();
  for (const connection of design.connections) {
    const out = outgoing.get(connection.from);
    if (out) out.push(connection);
    else outgoing.set(connection.from, [connection]);
    const into = incoming.get(connection.to);
    if (into) into.push(connection);
    else incoming.set(connection.to, [connection]);
  }
  const zonesByRegion = new Map(
    design.regions.map((region) => {
      const ordered = region.zones.filter((zone) => zonesUsed.get(region.id)?.has(zone));
      // AWS needs subnets in two zones for a load balancer or a database subnet group, even when
      // everything the design places runs in one: add the region's next zone.
      for (const zone of region.zones) if (ordered.length < 2 && !ordered.includes(zone)) ordered.push(zone);
      return [region.id, region.zones.filter((zone) => ordered.includes(zone))] as const;
    }),
  );
  return {
    design,
    tier: designTier(design),
    zonesByRegion,
    components,
    byId,
    regions: design.regions,
    regionById,
    outgoing,
    incoming,
    slug: slugOf(design.name),
  };
}

export function slugOf(text: string, max = 20): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug || 'platform';
}

export function outgoingOf(facts: DesignFacts, id: string): readonly Connection[] {
  return facts.outgoing.get(id) ?? NO_CONNECTIONS;
}

export function incomingOf(facts: DesignFacts, id: string): readonly Connection[] {
  return facts.incoming.get(id) ?? NO_CONNECTIONS;
}

/** Components reached from `id` over connections of `mode`. */
export function targetsOf(facts: DesignFacts, id: string, mode: Connection['mode']): ComponentFacts[] {
  // One loop, no lists in between: the generators ask this for most components, often more than once.
  const found: ComponentFacts[] = [];
  for (const connection of outgoingOf(facts, id)) {
    if (connection.mode !== mode) continue;
    const target = facts.byId.get(connection.to);
    if (target !== undefined) found.push(target);
  }
  return found;
}

export function sourcesOf(facts: DesignFacts, id: string, mode: Connection['mode']): ComponentFacts[] {
  const found: ComponentFacts[] = [];
  for (const connection of incomingOf(facts, id)) {
    if (connection.mode !== mode) continue;
    const source = facts.byId.get(connection.from);
    if (source !== undefined) found.push(source);
  }
  return found;
}

/** The component's backup settings, for kinds that have them. */
export function backupOf(c: ComponentFacts): BackupPolicy | undefined {
  return c.traits.data?.backup;
}

/** Zones of a region that anything in it uses, in the region's order; at least two where the region has two. */
export function usedZones(facts: DesignFacts, region: Region): readonly string[] {
  return facts.zonesByRegion.get(region.id) ?? region.zones;
}

/** Zone ids in the provider's own form (`use1-az1`) are kept as written. */
export const ZONE_ID = /^[a-z]{2,}[0-9]+-az[0-9]+$/;

/** The provider's name of a design zone: zone `a` of a region at `us-east-1` is `us-east-1a`. */
export function zoneName(region: Pick<Region, 'location'>, zone: string): string {
  return ZONE_ID.test(zone) ? zone : `${region.location}${zone}`;
}
