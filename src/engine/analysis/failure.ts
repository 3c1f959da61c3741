import { zoneKey, type DesignGraph } from '../graph';

/** What fails: components by id, zones (`region/zone` or `{region, zone}`), whole regions. */
export interface Failure {
  components?: readonly string[];
  zones?: readonly (string | { region: string; zone: string })[];
  regions?: readonly string[];
}

/** A failure applied to a graph: which components are down and which lost some of their zones. */
export interface FailureState {
  /** 1 where the component is down (every instance lost). */
  readonly down: Uint8Array;
  /** 1 where the component lost some zones but keeps running in others. */
  readonly degraded: Uint8Array;
  /** Zones lost, per degraded component index (the failed zones of its region; ask it about the component's own zones). */
  readonly lostZones: LostZones;
  readonly failedRegions: ReadonlySet<string>;
  /** `region/zone` keys that failed. */
  readonly failedZones: ReadonlySet<string>;
  readonly downIndices: readonly number[];
}

/** The zones each degraded component lost, as a failure state answers it (a map from component index, read only). */
export interface LostZones {
  /** How many components are degraded. */
  readonly size: number;
  get(i: number): ReadonlySet<string> | undefined;
  has(i: number): boolean;
  /** The degraded components, ascending. */
  keys(): IterableIterator<number>;
}

/**
 * LostZones read off the state's `degraded` marks and the failed zone names of each region: a
 * degraded component lost the failed zones of its own region. A failed zone degrades thousands of
 * components of a large design, and a Map entry for each was most of what applying it made.
 */
class DegradedZones implements LostZones {
  readonly #graph: DesignGraph;
  readonly #degraded: Uint8Array;
  readonly #byRegion: ReadonlyMap<string, ReadonlySet<string>>;
  readonly size: number;

  constructor(graph: DesignGraph, degraded: Uint8Array, byRegion: ReadonlyMap<string, ReadonlySet<string>>, size: number) {
    this.#graph = graph;
    this.#degraded = degraded;
    this.#byRegion = byRegion;
    this.size = size;
  }

  get(i: number): ReadonlySet<string> | undefined {
    return this.#degraded[i] === 1 ? this.#byRegion.get(this.#graph.components[i]!.region!) : undefined;
  }

  has(i: number): boolean {
    return this.#degraded[i] === 1;
  }

  *keys(): IterableIterator<number> {
    const degraded = this.#degraded;
    for (let i = 0; i < degraded.length; i += 1) if (degraded[i] === 1) yield i;
  }
}

function zoneKeyOf(zone: string | { region: string; zone: string }): string {
  return typeof zone === 'string' ? zone : zoneKey(zone.region, zone.zone);
}

/** Rejects failures that name nothing in the design, so a typo is not read as "nothing breaks". */
export function checkFailure(graph: DesignGraph, failure: Failure): string[] {
  const problems: string[] = [];
  for (const id of failure.components ?? []) if (!graph.indexById.has(id)) problems.push(`no component with id "${id}"`);
  for (const id of failure.regions ?? []) if (!graph.regionsById.has(id)) problems.push(`no region with id "${id}"`);
  for (const zone of failure.zones ?? []) {
    const key = zoneKeyOf(zone);
    const [region, name] = key.split('/');
    if (!region || !name || !graph.regionsById.get(region)?.zones.includes(name)) problems.push(`no zone "${key}" (write it as region/zone)`);
  }
  return problems;
}

/** A failure state where nothing is lost yet, with the failure's regions and zones read. */
function nothingLost(graph: DesignGraph, failure: Failure) {
  const size = graph.components.length;
  return {
    size,
    down: new Uint8Array(size),
    degraded: new Uint8Array(size),
    failedRegions: new Set(failure.regions ?? []),
    failedZones: new Set((failure.zones ?? []).map(zoneKeyOf)),
  };
}

/** The names of the failed zones of each region that has not failed whole ('region/zone' keys in). */
function failedZoneNamesByRegion(failedZones: ReadonlySet<string>, failedRegions: ReadonlySet<string>): Map<string, Set<string>> {
  const byRegion = new Map<string, Set<string>>();
  for (const key of failedZones) {
    const region = key.slice(0, key.indexOf('/'));
    if (failedRegions.has(region)) continue;
    let names = byRegion.get(region);
    if (!names) byRegion.set(region, (names = new Set()));
    names.add(key.slice(key.indexOf('/') + 1));
  }
  return byRegion;
}

const NO_INDICES: readonly number[] = Object.freeze([]);

/** O(size of what fails): only the components of the failed zones and regions are visited. */
export function applyFailure(graph: DesignGraph, failure: Failure): FailureState {
  const { size, down, degraded, failedRegions, failedZones } = nothingLost(graph, failure);
  const downIndices: number[] = [];
  let degradedCount = 0;
  const markDown = (i: number) => {
    if (down[i]) return;
    down[i] = 1;
    if (degraded[i]) degradedCount -= 1;
    degraded[i] = 0;
    downIndices.push(i);
  };
  for (const id of failure.components ?? []) {
    const i = graph.indexById.get(id);
    if (i !== undefined) markDown(i);
  }
  for (const region of failedRegions) {
    // Indexed: a region holds thousands of components, and a for-of in the unoptimised tiers makes an iterator result for each.
    const list = graph.byRegion.get(region) ?? NO_INDICES;
    for (let k = 0; k < list.length; k += 1) markDown(list[k]!);
  }
  // One set of failed zone names per region, shared by its components (a component only ever asks
  // whether one of its own zones is in it), and a count per component: no allocation per component.
  const failedByRegion = failedZoneNamesByRegion(failedZones, failedRegions);
  // Zones lost so far per component (a component runs in a few zones at most).
  const lostCount = failedByRegion.size > 0 ? new Uint16Array(size) : undefined;
  for (const [region, names] of failedByRegion) {
    for (const zone of names) {
      const list = graph.byZone.get(`${region}/${zone}`) ?? NO_INDICES;
      for (let k = 0; k < list.length; k += 1) {
        const i = list[k]!;
        if (down[i]) continue;
        const count = lostCount![i]! + 1;
        lostCount![i] = count;
        if (count >= graph.instanceZones[i]!.length) markDown(i);
        else if (count === 1) {
          degraded[i] = 1;
          degradedCount += 1;
        }
      }
    }
  }
  downIndices.sort((a, b) => a - b);
  return { down, degraded, lostZones: new DegradedZones(graph, degraded, failedByRegion, degradedCount), failedRegions, failedZones, downIndices };
}

/**
 * applyFailure's state, worked out for the given components only (the others read as up): a
 * component's state under a failure reads nothing but its own region and instance zones, so each is
 * decided alone, without visiting everything a failed zone or region holds. For evaluating a few
 * journeys again under a zone or region failure whose other figures are known: a journey's outcome
 * reads the state of its entry point and relevant components alone (journeys.ts). `downIndices`
 * lists the given components that are down.
 */
export function applyFailureOver(graph: DesignGraph, failure: Failure, indices: Iterable<number>): FailureState {
  const { down, degraded, failedRegions, failedZones } = nothingLost(graph, failure);
  let degradedCount = 0;
  const named = new Set<number>();
  for (const id of failure.components ?? []) {
    const i = graph.indexById.get(id);
    if (i !== undefined) named.add(i);
  }
  const failedByRegion = failedZoneNamesByRegion(failedZones, failedRegions);
  const downIndices: number[] = [];
  for (const i of indices) {
    if (down[i] || degraded[i]) continue;
    const region = graph.components[i]!.region;
    let isDown = named.has(i) || (region !== undefined && failedRegions.has(region));
    const names = region !== undefined && !isDown ? failedByRegion.get(region) : undefined;
    if (names) {
      // As applyFailure counts: once per instance zone that failed; down when every one did.
      const zones = graph.instanceZones[i]!;
      let lost = 0;
      for (let z = 0; z < zones.length; z += 1) if (names.has(zones[z]!)) lost += 1;
      if (lost > 0 && lost >= zones.length) isDown = true;
      else if (lost > 0) {
        degraded[i] = 1;
        degradedCount += 1;
      }
    }
    if (isDown) {
      down[i] = 1;
      downIndices.push(i);
    }
  }
  downIndices.sort((a, b) => a - b);
  return { down, degraded, lostZones: new DegradedZones(graph, degraded, failedByRegion, degradedCount), failedRegions, failedZones, downIndices };
}
