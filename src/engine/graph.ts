import { kindOf, type ComponentKind, type ComponentTraits } from '../catalog';
import { componentZones, connectionId, designTier, type Component, type Connection, type ConnectionMode, type Design, type Region, type ResolvedTier } from '../model';
import { flat } from './flat';
import { lowerBound } from './lower-bound';

/**
 * A list per component, all in one typed array (compressed rows): component i's entries are
 * `items[start[i]]` up to, not including, `items[start[i + 1]]`, in connection order. Two typed arrays
 * per mode instead of an array per component: a design's graph is kept while it is in use, and the
 * garbage collector copies every small array it keeps (entriesOf gives one component's as a list).
 */
export interface Adjacency {
  /** Where each component's entries begin in `items`, and (at the component count) where the last ends. */
  readonly start: Int32Array;
  readonly items: Int32Array;
}

/** Component i's entries: a view of the adjacency's items, for code that wants a list (loops over start and items make none). */
export function entriesOf(adjacency: Adjacency, i: number): Int32Array {
  return adjacency.items.subarray(adjacency.start[i]!, adjacency.start[i + 1]!);
}

/** Whether component q is a failover partner of component i. */
export function isPartner(graph: DesignGraph, i: number, q: number): boolean {
  const partners = graph.partners;
  for (let k = partners.start[i]!, end = partners.start[i + 1]!; k < end; k += 1) if (partners.items[k] === q) return true;
  return false;
}

/** How many entries component i has. */
export function countOf(adjacency: Adjacency, i: number): number {
  return adjacency.start[i + 1]! - adjacency.start[i]!;
}

/**
 * Indexes over one design revision, built once in O(V+E) and shared by every rule and analysis.
 * Components and connections are addressed by their position in the design's arrays; every
 * algorithm walks these lists instead of scanning all connections per component.
 */
export interface DesignGraph {
  readonly design: Design;
  readonly tier: ResolvedTier;
  readonly components: readonly Component[];
  readonly connections: readonly Connection[];
  readonly indexById: ReadonlyMap<string, number>;
  readonly kinds: readonly ComponentKind[];
  /** Each component's answers to the capability questions (its kind reads its own props). */
  readonly traits: readonly ComponentTraits[];
  /** Zones the component is placed in (its `zones`, or the region's first zone); empty when global. */
  readonly zones: readonly (readonly string[])[];
  /**
   * Zones that hold a running instance: the failure domains that matter. A single instance runs in
   * one zone whatever `zones` says; a Multi-AZ database has a writer and a standby; a managed regional
   * service (S3, SQS) runs in every zone of its region.
   */
  readonly instanceZones: readonly (readonly string[])[];
  /** Component index at each end of each connection (-1 where a reference is broken). */
  readonly connectionFrom: Int32Array;
  readonly connectionTo: Int32Array;
  /** Outgoing and incoming connection indices per component, by mode. */
  readonly out: Readonly<Record<ConnectionMode, Adjacency>>;
  readonly in: Readonly<Record<ConnectionMode, Adjacency>>;
  readonly regionsById: ReadonlyMap<string, Region>;
  /** Component indices per region id. */
  readonly byRegion: ReadonlyMap<string, readonly number[]>;
  /** Component indices with a running instance in each `region/zone`. */
  readonly byZone: ReadonlyMap<string, readonly number[]>;
  /** Failover partners (component indices): `replication` from X to Y makes Y a partner of X (docs/design-format.md). */
  readonly partners: Adjacency;
  /** Components whose kind starts journeys (capabilities.entryPoint). */
  readonly entryPoints: readonly number[];
}

export const zoneKey = (region: string, zone: string): string => `${region}/${zone}`;

const MODES: readonly ConnectionMode[] = ['sync', 'async', 'replication', 'backup'];

const NO_ZONES: readonly string[] = Object.freeze([]);


/** Whether two connection lists are the same connections in the same order (the graph reads nothing else of them). */
function sameConnections(a: readonly Connection[], b: readonly Connection[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let c = 0; c < a.length; c += 1) {
    const x = a[c]!;
    const y = b[c]!;
    if (x !== y && (x.from !== y.from || x.to !== y.to || x.mode !== y.mode)) return false;
  }
  return true;
}

/** Whether two lists hold the same items in the same order (compared with ===). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k += 1) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * Builds the indexes of a validated design (the loader has checked every reference).
 *
 * `earlier`, the graph of an earlier revision, saves the work an edit left alone: a component kept by
 * identity (the same object at the same index) keeps its kind, traits and zones, which its kind
 * answers from the component, the provider and the regions alone (so only while those are the same
 * objects); the placement indexes stand while every component keeps its kind, region and instance
 * zones, and the connection indexes while the components' ids and the connections are the same.
 */
export function buildGraph(design: Design, earlier?: DesignGraph): DesignGraph {
  const components = design.components;
  const size = components.length;
  const kept = earlier !== undefined && earlier.design.regions === design.regions && earlier.design.provider === design.provider ? earlier : undefined;
  let sameIds = kept !== undefined && kept.components.length === size;
  for (let i = 0; sameIds && i < size; i += 1) if (kept!.components[i] !== components[i] && kept!.components[i]!.id !== components[i]!.id) sameIds = false;
  let indexById: Map<string, number>;
  if (sameIds) indexById = kept!.indexById as Map<string, number>;
  else {
    indexById = new Map<string, number>();
    for (let i = 0; i < size; i += 1) indexById.set(components[i]!.id, i);
  }
  const regionsById = kept ? (kept.regionsById as Map<string, Region>) : new Map(design.regions.map((region) => [region.id, region]));

  // With the same ids at the same indices, each list starts as the earlier graph's and is copied only
  // when a component's entry is another object: a change of a few components makes one or two lists
  // of every component's entries (160 kB each at 20,000), not four.
  const borrowed = sameIds ? kept : undefined;
  let kinds = (borrowed?.kinds ?? new Array(size)) as ComponentKind[];
  let traits = (borrowed?.traits ?? new Array(size)) as ComponentTraits[];
  let zones = (borrowed?.zones ?? new Array(size)) as (readonly string[])[];
  let instanceZones = (borrowed?.instanceZones ?? new Array(size)) as (readonly string[])[];
  // Whether every component keeps its kind, region and instance zones: then the placement indexes stand.
  let samePlacement = sameIds;
  // While every component keeps its kind, the components that moved: then only their lists change.
  let sameKinds = sameIds;
  const moved: number[] = [];
  for (let i = 0; i < size; i += 1) {
    const component = components[i]!;
    if (kept !== undefined && kept.components[i] === component) {
      if (borrowed) continue;
      kinds[i] = kept.kinds[i]!;
      traits[i] = kept.traits[i]!;
      zones[i] = kept.zones[i]!;
      instanceZones[i] = kept.instanceZones[i]!;
      continue;
    }
    const kind = kindOf(component);
    const placed = componentZones(design, component);
    const answers = kind.traitsOf(component, { provider: design.provider, design, zones: placed });
    const region = component.region !== undefined ? regionsById.get(component.region) : undefined;
    // Shared, never copied: a region's zone list, or the placed zones when every one holds an instance.
    let running: readonly string[];
    if (!region) running = NO_ZONES;
    else if (answers.zoneRedundant) running = region.zones;
    else {
      const units = Math.max(1, Math.min(placed.length, answers.instanceUnits));
      running = units >= placed.length ? placed : placed.slice(0, units);
    }
    // A borrowed list is copied before its first write, never written itself.
    if (kinds[i] !== kind) {
      if (kinds === borrowed?.kinds) kinds = kinds.slice();
      kinds[i] = kind;
    }
    if (traits[i] !== answers) {
      if (traits === borrowed?.traits) traits = traits.slice();
      traits[i] = answers;
    }
    if (zones[i] !== placed) {
      if (zones === borrowed?.zones) zones = zones.slice();
      zones[i] = placed;
    }
    if (instanceZones[i] !== running) {
      if (instanceZones === borrowed?.instanceZones) instanceZones = instanceZones.slice();
      instanceZones[i] = running;
    }
    if (sameKinds && kind !== kept!.kinds[i]) sameKinds = false;
    if (sameKinds && (component.region !== kept!.components[i]!.region || !sameItems(running, kept!.instanceZones[i]!))) moved.push(i);
  }
  if (!sameKinds || moved.length > 0) samePlacement = false;
  const { byRegion, byZone, entryPoints } = samePlacement ? kept! : ((sameKinds && movedPlacement(kept!, components, instanceZones, moved)) || placementIndexes(components, kinds, instanceZones));

  const connections = sameIds && sameConnections(kept!.connections, design.connections) ? kept! : connectionIndexes(design, indexById, size);
  return new Graph(design, indexById, kinds, traits, zones, instanceZones, regionsById, byRegion, byZone, entryPoints, connections);
}

/**
 * A graph made by a constructor, not as an object literal: V8 makes an object literal's later copies
 * from a template whose fields start out empty, so the second graph widened the type V8 had recorded
 * for each of its fields, and all code optimised during the first analysis that read a field of a
 * graph was thrown away and compiled again. One constructor, so every graph has one shape; the fields
 * are declared only (a class field is first made undefined, then set).
 */
class Graph implements DesignGraph {
  declare readonly design: Design;
  declare readonly tier: ResolvedTier;
  declare readonly components: readonly Component[];
  declare readonly connections: readonly Connection[];
  declare readonly connectionFrom: Int32Array;
  declare readonly connectionTo: Int32Array;
  declare readonly indexById: ReadonlyMap<string, number>;
  declare readonly kinds: readonly ComponentKind[];
  declare readonly traits: readonly ComponentTraits[];
  declare readonly zones: readonly (readonly string[])[];
  declare readonly instanceZones: readonly (readonly string[])[];
  declare readonly out: Readonly<Record<ConnectionMode, Adjacency>>;
  declare readonly in: Readonly<Record<ConnectionMode, Adjacency>>;
  declare readonly regionsById: ReadonlyMap<string, Region>;
  declare readonly byRegion: ReadonlyMap<string, readonly number[]>;
  declare readonly byZone: ReadonlyMap<string, readonly number[]>;
  declare readonly partners: Adjacency;
  declare readonly entryPoints: readonly number[];

  constructor(
    design: Design,
    indexById: ReadonlyMap<string, number>,
    kinds: readonly ComponentKind[],
    traits: readonly ComponentTraits[],
    zones: readonly (readonly string[])[],
    instanceZones: readonly (readonly string[])[],
    regionsById: ReadonlyMap<string, Region>,
    byRegion: ReadonlyMap<string, readonly number[]>,
    byZone: ReadonlyMap<string, readonly number[]>,
    entryPoints: readonly number[],
    connections: ConnectionIndexes,
  ) {
    this.design = design;
    this.tier = designTier(design);
    this.components = design.components;
    this.connections = design.connections;
    this.connectionFrom = connections.connectionFrom;
    this.connectionTo = connections.connectionTo;
    this.indexById = indexById;
    this.kinds = kinds;
    this.traits = traits;
    this.zones = zones;
    this.instanceZones = instanceZones;
    this.out = connections.out;
    this.in = connections.in;
    this.regionsById = regionsById;
    this.byRegion = byRegion;
    this.byZone = byZone;
    this.partners = connections.partners;
    this.entryPoints = entryPoints;
  }
}

function placementIndexes(components: readonly Component[], kinds: readonly ComponentKind[], instanceZones: readonly (readonly string[])[]): Pick<DesignGraph, 'byRegion' | 'byZone' | 'entryPoints'> {
  const byRegion = new Map<string, number[]>();
  // Per region, its zones' lists by zone name: no `region/zone` key is built per component.
  const zonesByRegion = new Map<string, Map<string, number[]>>();
  const entryPoints: number[] = [];
  for (let i = 0; i < components.length; i += 1) {
    const region = components[i]!.region;
    if (region !== undefined) {
      let list = byRegion.get(region);
      let zoneLists = zonesByRegion.get(region);
      if (!list || !zoneLists) {
        byRegion.set(region, (list = []));
        zonesByRegion.set(region, (zoneLists = new Map()));
      }
      list.push(i);
      const zones = instanceZones[i]!;
      for (let z = 0; z < zones.length; z += 1) {
        const zone = zones[z]!;
        let zoneList = zoneLists.get(zone);
        if (!zoneList) zoneLists.set(zone, (zoneList = []));
        zoneList.push(i);
      }
    }
    if (kinds[i]!.capabilities.entryPoint) entryPoints.push(i);
  }
  const byZone = new Map<string, number[]>();
  for (const [region, zoneLists] of zonesByRegion) for (const [zone, list] of zoneLists) byZone.set(zoneKey(region, zone), list);
  return { byRegion, byZone, entryPoints };
}

/**
 * The placement indexes of a graph whose components are those of `kept` (same ids and kinds) with the
 * `moved` ones in another region or other instance zones: only the lists of the regions and zones they
 * leave or join are made again, each as placementIndexes would make it. Undefined when a list would
 * be new or empty (then placementIndexes makes them all).
 */
function movedPlacement(kept: DesignGraph, components: readonly Component[], instanceZones: readonly (readonly string[])[], moved: readonly number[]): Pick<DesignGraph, 'byRegion' | 'byZone' | 'entryPoints'> | undefined {
  const regionKeys = new Set<string>();
  const zoneKeys = new Map<string, { region: string; zone: string }>();
  const add = (region: string | undefined, zones: readonly string[]) => {
    if (region === undefined) return;
    regionKeys.add(region);
    for (const zone of zones) zoneKeys.set(zoneKey(region, zone), { region, zone });
  };
  for (const i of moved) {
    add(kept.components[i]!.region, kept.instanceZones[i]!);
    add(components[i]!.region, instanceZones[i]!);
  }
  const patched = (lists: ReadonlyMap<string, readonly number[]>, key: string, holds: (i: number) => boolean): number[] | undefined => {
    const was = lists.get(key);
    if (was === undefined) return undefined;
    const list = was.slice();
    for (const i of moved) {
      const at = lowerBound(list.length, (k) => list[k]! < i);
      const present = at < list.length && list[at] === i;
      if (present && !holds(i)) list.splice(at, 1);
      else if (!present && holds(i)) list.splice(at, 0, i);
    }
    return list.length > 0 ? list : undefined;
  };
  const byRegion = new Map(kept.byRegion);
  for (const region of regionKeys) {
    const list = patched(kept.byRegion, region, (i) => components[i]!.region === region);
    if (!list) return undefined;
    byRegion.set(region, list);
  }
  const byZone = new Map(kept.byZone);
  for (const [key, { region, zone }] of zoneKeys) {
    const list = patched(kept.byZone, key, (i) => components[i]!.region === region && instanceZones[i]!.includes(zone));
    if (!list) return undefined;
    byZone.set(key, list);
  }
  return { byRegion, byZone, entryPoints: kept.entryPoints };
}

type ConnectionIndexes = Pick<DesignGraph, 'connectionFrom' | 'connectionTo' | 'out' | 'in' | 'partners'>;

/** A mode's position in MODES. */
function modeIndex(mode: ConnectionMode): number {
  return mode === 'sync' ? 0 : mode === 'async' ? 1 : mode === 'replication' ? 2 : 3;
}

/** Turns counts (component i's at `start[i + 1]`) into where each component's entries begin. */
function startsFromCounts(start: Int32Array): void {
  for (let i = 1; i < start.length; i += 1) start[i]! += start[i - 1]!;
}

/** An adjacency whose starts are `start` (counts turned into starts here), its items still to be placed at `next`. */
interface Filling {
  readonly adjacency: Adjacency;
  /** Where component i's next entry goes. */
  readonly next: Int32Array;
}

function filling(start: Int32Array): Filling {
  startsFromCounts(start);
  return { adjacency: { start, items: new Int32Array(start[start.length - 1]!) }, next: start.slice(0, start.length - 1) };
}

function place(list: Filling, i: number, value: number): void {
  list.adjacency.items[list.next[i]!] = value;
  list.next[i]! += 1;
}

/**
 * Counted in one pass over the connections and placed in a second, every list at once, in
 * connection order. Plain loops without callbacks: each list filled through a closure of its own
 * made the one call site that ran them see a new function per list, and the optimising compiler
 * threw its code away and compiled it again on the next analyses (three compiles at 1,000 components).
 */
function connectionIndexes(design: Design, indexById: ReadonlyMap<string, number>, size: number): ConnectionIndexes {
  const connections = design.connections;
  const connectionFrom = new Int32Array(connections.length).fill(-1);
  const connectionTo = new Int32Array(connections.length).fill(-1);
  const modes = new Uint8Array(connections.length);
  // Counted first, so each list is made at its full length: outStarts[m][i + 1] counts component i's outgoing connections of mode m.
  const outStarts: Int32Array[] = [];
  const inStarts: Int32Array[] = [];
  for (let m = 0; m < MODES.length; m += 1) {
    outStarts.push(new Int32Array(size + 1));
    inStarts.push(new Int32Array(size + 1));
  }
  const partnerStart = new Int32Array(size + 1);
  for (let c = 0; c < connections.length; c += 1) {
    const connection = connections[c]!;
    const from = indexById.get(connection.from);
    const to = indexById.get(connection.to);
    if (from === undefined || to === undefined) continue;
    const m = modeIndex(connection.mode);
    connectionFrom[c] = from;
    connectionTo[c] = to;
    modes[c] = m;
    outStarts[m]![from + 1]! += 1;
    inStarts[m]![to + 1]! += 1;
    if (m === 2) partnerStart[from + 1]! += 1;
  }
  const outLists: Filling[] = [];
  const inLists: Filling[] = [];
  for (let m = 0; m < MODES.length; m += 1) {
    outLists.push(filling(outStarts[m]!));
    inLists.push(filling(inStarts[m]!));
  }
  const partnerList = filling(partnerStart);
  for (let c = 0; c < connections.length; c += 1) {
    const from = connectionFrom[c]!;
    if (from < 0) continue;
    const to = connectionTo[c]!;
    const m = modes[c]!;
    place(outLists[m]!, from, c);
    place(inLists[m]!, to, c);
    if (m === 2) place(partnerList, from, to);
  }
  const byMode = (lists: readonly Filling[]): Record<ConnectionMode, Adjacency> => ({ sync: lists[0]!.adjacency, async: lists[1]!.adjacency, replication: lists[2]!.adjacency, backup: lists[3]!.adjacency });
  return { connectionFrom, connectionTo, out: byMode(outLists), in: byMode(inLists), partners: partnerList.adjacency };
}

/** A connection's id, `from->to:mode`, as findings and the app name it (made when asked: findings name few connections). */
export function connectionIdAt(graph: DesignGraph, c: number): string {
  return flat(connectionId(graph.connections[c]!));
}

/**
 * Per list of component ids (a graph's indexById, which the graph of a revision with the same ids at
 * the same indices shares), the list naming each component alone, made when first asked: a revision
 * analysed from an earlier one asks for a few and keeps the earlier ones, instead of a new array of
 * every component's (160 kB at 20,000 components, memory touched for the first time per revision).
 */
const aloneLists = new WeakMap<ReadonlyMap<string, number>, (string[] | undefined)[]>();

/**
 * `[id]` of component i: one list per component, shared by every finding and scenario about it alone
 * (thousands of findings and scenarios name one component each). Frozen, since it is shared.
 */
export function aloneIds(graph: DesignGraph, i: number): string[] {
  let lists = aloneLists.get(graph.indexById);
  if (!lists) aloneLists.set(graph.indexById, (lists = new Array<string[] | undefined>(graph.components.length)));
  return (lists[i] ??= Object.freeze([graph.components[i]!.id]) as string[]);
}

/** The component index at the other end of connection `c` seen from `from`'s side. */
export function target(graph: DesignGraph, c: number): number {
  return graph.connectionTo[c]!;
}

export function source(graph: DesignGraph, c: number): number {
  return graph.connectionFrom[c]!;
}

/** Whether the provider runs it globally or it has no region: zones and regions cannot take it down. */
export function isGlobal(graph: DesignGraph, i: number): boolean {
  return graph.components[i]!.region === undefined;
}

/**
 * Failure domains (zones) that hold an instance, or Infinity for a global service, which no zone or
 * region failure of this design takes down.
 */
export function redundancy(graph: DesignGraph, i: number): number {
  return isGlobal(graph, i) ? Number.POSITIVE_INFINITY : graph.instanceZones[i]!.length;
}

/**
 * The graphs of the designs used most recently, most recent last. Not a WeakMap keyed by design: the
 * app's undo history keeps up to 200 revisions of a design alive, and each revision's graph, with
 * the journey plans and failure scenarios cached on it, would live as long (8 MB a revision at 5,000
 * components). A revision is analysed when it is made and seldom again; the few in use at once
 * (the open design, a what-if of it, the designs an export or a comparison is reading) fit here.
 */
const graphCache = new Map<Design, DesignGraph>();
export const GRAPH_CACHE_SIZE = 4;

/**
 * The graph of a design, built once per design object while it is in use (designs are immutable
 * revisions); from an earlier revision's graph when given (see buildGraph).
 */
export function graphOf(design: Design | DesignGraph, earlier?: DesignGraph): DesignGraph {
  if ('indexById' in design) return design;
  let graph = graphCache.get(design);
  if (graph) {
    graphCache.delete(design);
  } else {
    graph = buildGraph(design, earlier);
    if (graphCache.size >= GRAPH_CACHE_SIZE) graphCache.delete(graphCache.keys().next().value!);
  }
  graphCache.set(design, graph);
  return graph;
}
