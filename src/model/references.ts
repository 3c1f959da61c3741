import type { DesignProblem } from './problems';
import type { Design } from './schema';
import { CONNECTION_MODES } from './format-constants';
import { connectionId } from './ids';
import { resolveTiers } from './tiers';
import { locationProblem } from './region-codes';

/** A region's zones as a message lists them: the first ten, and how many more. */
function listedZones(zones: readonly string[]): string {
  const listed = zones.slice(0, 10).map((zone) => `"${zone}"`).join(', ');
  return zones.length > 10 ? `${listed} and ${zones.length - 10} more` : listed;
}

/**
 * The checks zod cannot express alone: ids are unique, and every reference (regions, zones,
 * connection ends, journey components, tiers, layout keys, suppressions) names something that exists.
 */
export function checkReferences(design: Design): DesignProblem[] {
  const problems: DesignProblem[] = [];
  const regionsById = new Map<string, Design['regions'][number]>();
  // Each region's zones as a set: a component's zones are looked up in it, and a hostile file's
  // region may list tens of thousands.
  const zonesOfRegion = new Map<Design['regions'][number], ReadonlySet<string>>();
  design.regions.forEach((region, index) => {
    if (regionsById.has(region.id)) {
      problems.push({ path: ['regions', index, 'id'], code: 'duplicate-id', message: `region id "${region.id}" is used twice` });
    }
    regionsById.set(region.id, region);
    zonesOfRegion.set(region, new Set(region.zones));
    const unknownLocation = locationProblem(design.provider, region.location);
    if (unknownLocation) problems.push({ path: ['regions', index, 'location'], code: 'unknown-location', message: unknownLocation });
    const seenZones = new Set<string>();
    region.zones.forEach((zone, zoneIndex) => {
      if (seenZones.has(zone)) {
        problems.push({ path: ['regions', index, 'zones', zoneIndex], code: 'duplicate-id', message: `zone "${zone}" is listed twice` });
      }
      seenZones.add(zone);
    });
  });

  // Each component id with the place it first has among the components: a connection's ends are
  // told apart by these numbers, not by a text made for each connection.
  const componentIds = new Map<string, number>();
  const components = design.components;
  for (let index = 0; index < components.length; index += 1) {
    const component = components[index]!;
    if (componentIds.has(component.id)) {
      problems.push({ path: ['components', index, 'id'], code: 'duplicate-id', message: `component id "${component.id}" is used twice` });
    } else {
      componentIds.set(component.id, index);
    }
    if (component.region === undefined) {
      if (component.zones !== undefined) {
        problems.push({ path: ['components', index, 'zones'], code: 'zone-not-in-region', message: 'zones are given but no region: zones belong to a region' });
      }
      continue;
    }
    const region = regionsById.get(component.region);
    if (!region) {
      problems.push({ path: ['components', index, 'region'], code: 'unknown-reference', message: `no region with id "${component.region}"` });
      continue;
    }
    const zones = component.zones;
    if (zones === undefined) continue;
    const regionZones = zonesOfRegion.get(region)!;
    // The schema keeps the list to MAX_ZONES_PER_REGION (a component names one to three): looking back
    // along it is cheaper than a set for each of thousands of components.
    for (let zoneIndex = 0; zoneIndex < zones.length; zoneIndex += 1) {
      const zone = zones[zoneIndex]!;
      if (!regionZones.has(zone)) {
        problems.push({
          path: ['components', index, 'zones', zoneIndex],
          code: 'zone-not-in-region',
          message: `zone "${zone}" is not a zone of region "${region.id}" (it has ${listedZones(region.zones)})`,
        });
      } else if (zoneIndex > 0 && zones.lastIndexOf(zone, zoneIndex - 1) !== -1) {
        problems.push({ path: ['components', index, 'zones', zoneIndex], code: 'duplicate-id', message: `zone "${zone}" is listed twice` });
      }
    }
  }

  // A connection between known components is named by its ends' places and its mode, a whole
  // number below 2^53 (the 50,000 components READ_LIMITS allows give at most 1e10); any other by its connectionId.
  const seenConnections = new Set<number>();
  const seenOtherConnections = new Set<string>();
  const ends = components.length;
  const connections = design.connections;
  for (let index = 0; index < connections.length; index += 1) {
    const connection = connections[index]!;
    const from = componentIds.get(connection.from);
    const to = componentIds.get(connection.to);
    if (from === undefined) problems.push({ path: ['connections', index, 'from'], code: 'unknown-reference', message: `no component with id "${connection.from}"` });
    if (to === undefined) problems.push({ path: ['connections', index, 'to'], code: 'unknown-reference', message: `no component with id "${connection.to}"` });
    if (connection.from === connection.to) {
      problems.push({ path: ['connections', index], code: 'schema', message: `a connection from "${connection.from}" to itself` });
    }
    const mode = CONNECTION_MODES.indexOf(connection.mode);
    let seen: boolean;
    if (from !== undefined && to !== undefined && mode !== -1) {
      const key = (from * ends + to) * CONNECTION_MODES.length + mode;
      seen = seenConnections.has(key);
      seenConnections.add(key);
    } else {
      const id = connectionId(connection);
      seen = seenOtherConnections.has(id);
      seenOtherConnections.add(id);
    }
    if (seen) {
      problems.push({ path: ['connections', index], code: 'duplicate-id', message: `the ${connection.mode} connection from "${connection.from}" to "${connection.to}" is listed twice` });
    }
  }

  const journeyIds = new Set<string>();
  design.journeys.forEach((journey, index) => {
    if (journeyIds.has(journey.id)) {
      problems.push({ path: ['journeys', index, 'id'], code: 'duplicate-id', message: `journey id "${journey.id}" is used twice` });
    }
    journeyIds.add(journey.id);
    if (!componentIds.has(journey.from)) {
      problems.push({ path: ['journeys', index, 'from'], code: 'unknown-reference', message: `no component with id "${journey.from}"` });
    }
    journey.needs.forEach((needed, needIndex) => {
      if (!componentIds.has(needed)) {
        problems.push({ path: ['journeys', index, 'needs', needIndex], code: 'unknown-reference', message: `no component with id "${needed}"` });
      }
    });
  });

  const tiers = resolveTiers(design);
  for (const [id, override] of Object.entries(design.tiers ?? {})) {
    if (!tiers[id]) {
      const missing = (['availability', 'rto', 'rpo'] as const).filter((key) => override[key] === undefined);
      problems.push({ path: ['tiers', id], code: 'schema', message: `a new tier needs availability, rto and rpo; missing ${missing.join(', ')}` });
    }
  }
  if (!tiers[design.tier]) {
    problems.push({ path: ['tier'], code: 'unknown-reference', message: `no tier "${design.tier}": expected one of ${Object.keys(tiers).map((t) => `"${t}"`).join(', ')}` });
  }

  design.suppressions?.forEach((suppression, index) => {
    if (suppression.component !== undefined && !componentIds.has(suppression.component)) {
      problems.push({ path: ['suppressions', index, 'component'], code: 'unknown-reference', message: `no component with id "${suppression.component}"` });
    }
  });
  for (const id of Object.keys(design.pricing?.usage ?? {})) {
    if (!componentIds.has(id)) {
      problems.push({ path: ['pricing', 'usage', id], code: 'unknown-reference', message: `no component with id "${id}"` });
    }
  }
  for (const id of Object.keys(design.assumptions?.components ?? {})) {
    if (!componentIds.has(id)) {
      problems.push({ path: ['assumptions', 'components', id], code: 'unknown-reference', message: `no component with id "${id}"` });
    }
  }
  for (const id of Object.keys(design.layout ?? {})) {
    if (!componentIds.has(id) && !regionsById.has(id)) {
      problems.push({ path: ['layout', id], code: 'unknown-reference', message: `a position for "${id}", which is neither a component nor a region` });
    }
  }
  return problems;
}
