import { connectionId, takenIds, uniqueId } from './ids';
import type { Component, Connection, ConnectionMode, Design, Journey, LayoutPoint, Region } from './schema';

/**
 * Pure edits of a design. Each returns a new document and leaves the input untouched,
 * and each keeps the document valid: removing a component removes its connections, its journey
 * references and its position; renaming a zone renames it wherever it is used.
 */

export function addComponent(design: Design, component: Component, position?: LayoutPoint): Design {
  return {
    ...design,
    components: [...design.components, component],
    layout: position ? { ...design.layout, [component.id]: position } : design.layout,
  };
}

export function updateComponent(design: Design, id: string, update: (component: Component) => Component): Design {
  return { ...design, components: design.components.map((c) => (c.id === id ? update(c) : c)) };
}

/** Sets a prop by path (`['backup', 'retentionDays']`); `undefined` removes it. */
export function setComponentProp(design: Design, id: string, path: readonly string[], value: unknown): Design {
  const setIn = (target: Record<string, unknown> | undefined, keys: readonly string[]): Record<string, unknown> => {
    const [head, ...rest] = keys;
    const copy = { ...(target ?? {}) };
    if (head === undefined) return copy;
    if (rest.length === 0) {
      if (value === undefined) delete copy[head];
      else copy[head] = value;
    } else {
      const child = copy[head];
      copy[head] = setIn(child !== null && typeof child === 'object' ? (child as Record<string, unknown>) : undefined, rest);
    }
    return copy;
  };
  return updateComponent(design, id, (component) => ({ ...component, props: setIn(component.props, path) }));
}

/** Removes components and connections (by connectionId), and every reference to the removed components. */
export function removeItems(design: Design, componentIds: Iterable<string>, connectionIds: Iterable<string> = []): Design {
  const goneComponents = new Set(componentIds);
  const goneConnections = new Set(connectionIds);
  const layout = design.layout ? Object.fromEntries(Object.entries(design.layout).filter(([id]) => !goneComponents.has(id))) : undefined;
  return {
    ...design,
    components: design.components.filter((c) => !goneComponents.has(c.id)),
    connections: design.connections.filter(
      (c) => !goneComponents.has(c.from) && !goneComponents.has(c.to) && !goneConnections.has(connectionId(c)),
    ),
    journeys: design.journeys
      .filter((j) => !goneComponents.has(j.from))
      .map((j) => ({ ...j, needs: j.needs.filter((id) => !goneComponents.has(id)) }))
      .filter((j) => j.needs.length > 0),
    suppressions: design.suppressions?.filter((s) => s.component === undefined || !goneComponents.has(s.component)),
    pricing: design.pricing?.usage
      ? { ...design.pricing, usage: Object.fromEntries(Object.entries(design.pricing.usage).filter(([id]) => !goneComponents.has(id))) }
      : design.pricing,
    layout,
  };
}

/** Adds a connection unless the same one exists; refuses self-connections and unknown ends. */
export function addConnection(design: Design, connection: Connection): Design {
  const ids = new Set(design.components.map((c) => c.id));
  if (connection.from === connection.to || !ids.has(connection.from) || !ids.has(connection.to)) return design;
  const id = connectionId(connection);
  if (design.connections.some((c) => connectionId(c) === id)) return design;
  return { ...design, connections: [...design.connections, connection] };
}

export function setConnectionMode(design: Design, id: string, mode: ConnectionMode): Design {
  const target = design.connections.find((c) => connectionId(c) === id);
  if (!target || target.mode === mode) return design;
  const replaced = { ...target, mode };
  if (design.connections.some((c) => connectionId(c) === connectionId(replaced))) return design;
  return { ...design, connections: design.connections.map((c) => (c === target ? replaced : c)) };
}

export function moveLayout(design: Design, positions: Readonly<Record<string, LayoutPoint>>): Design {
  return { ...design, layout: { ...design.layout, ...positions } };
}

export function addRegion(design: Design, region: Omit<Region, 'id'> & { id?: string }): Design {
  const id = region.id ?? uniqueId(region.location || 'region', takenIds(design));
  return { ...design, regions: [...design.regions, { ...region, id } as Region] };
}

export function updateRegion(design: Design, id: string, update: (region: Region) => Region): Design {
  return { ...design, regions: design.regions.map((r) => (r.id === id ? update(r) : r)) };
}

/** Removes a region with everything placed in it. */
export function removeRegion(design: Design, id: string): Design {
  const inRegion = design.components.filter((c) => c.region === id).map((c) => c.id);
  const without = removeItems(design, inRegion);
  const layout = without.layout ? Object.fromEntries(Object.entries(without.layout).filter(([key]) => key !== id)) : undefined;
  return { ...without, regions: without.regions.filter((r) => r.id !== id), layout };
}

export function addZone(design: Design, regionId: string, zone: string): Design {
  return updateRegion(design, regionId, (r) => (r.zones.includes(zone) ? r : { ...r, zones: [...r.zones, zone] }));
}

/** Renames a zone in its region and in every component placed in it. */
export function renameZone(design: Design, regionId: string, from: string, to: string): Design {
  const region = design.regions.find((r) => r.id === regionId);
  if (!region || !region.zones.includes(from) || region.zones.includes(to)) return design;
  return {
    ...updateRegion(design, regionId, (r) => ({ ...r, zones: r.zones.map((z) => (z === from ? to : z)) })),
    components: design.components.map((c) =>
      c.region === regionId && c.zones?.includes(from) ? { ...c, zones: c.zones.map((z) => (z === from ? to : z)) } : c,
    ),
  };
}

/** Removes a zone; components only in that zone move to the region's first remaining zone. */
export function removeZone(design: Design, regionId: string, zone: string): Design {
  const region = design.regions.find((r) => r.id === regionId);
  if (!region || region.zones.length <= 1 || !region.zones.includes(zone)) return design;
  const remaining = region.zones.filter((z) => z !== zone);
  return {
    ...updateRegion(design, regionId, (r) => ({ ...r, zones: remaining })),
    components: design.components.map((c) => {
      if (c.region !== regionId || !c.zones?.includes(zone)) return c;
      const zones = c.zones.filter((z) => z !== zone);
      return { ...c, zones: zones.length > 0 ? zones : [remaining[0]!] };
    }),
  };
}

export function upsertJourney(design: Design, journey: Journey, previousId?: string): Design {
  const key = previousId ?? journey.id;
  const exists = design.journeys.some((j) => j.id === key);
  return {
    ...design,
    journeys: exists ? design.journeys.map((j) => (j.id === key ? journey : j)) : [...design.journeys, journey],
  };
}

export function removeJourney(design: Design, id: string): Design {
  return { ...design, journeys: design.journeys.filter((j) => j.id !== id) };
}

/**
 * Copies components (with the connections among them and their positions) into a design under
 * fresh ids, so pasting into the same design or another never collides. Returns the new ids.
 */
export function pasteComponents(
  design: Design,
  clip: { components: readonly Component[]; connections: readonly Connection[]; layout?: Readonly<Record<string, LayoutPoint>> },
  offset: LayoutPoint = { x: 40, y: 40 },
): { design: Design; idMap: Map<string, string> } {
  const taken = takenIds(design);
  const regionIds = new Set(design.regions.map((r) => r.id));
  const idMap = new Map<string, string>();
  const components: Component[] = [];
  const layout: Record<string, LayoutPoint> = { ...design.layout };
  for (const component of clip.components) {
    // A component pasted into a design without its region lands in the first region there;
    // a regional component cannot be pasted into a design that has no region at all.
    const region = component.region === undefined ? undefined : regionIds.has(component.region) ? component.region : design.regions[0]?.id;
    if (component.region !== undefined && region === undefined) continue;
    const id = uniqueId(component.id, taken);
    taken.add(id);
    idMap.set(component.id, id);
    const targetRegion = design.regions.find((r) => r.id === region);
    const zones = component.zones?.filter((z) => targetRegion?.zones.includes(z));
    components.push({ ...component, id, region, zones: region === undefined || !zones?.length ? undefined : zones });
    const at = clip.layout && Object.hasOwn(clip.layout, component.id) ? clip.layout[component.id] : undefined;
    if (at) layout[id] = { x: at.x + offset.x, y: at.y + offset.y };
  }
  const connections = clip.connections
    .filter((c) => idMap.has(c.from) && idMap.has(c.to))
    .map((c) => ({ ...c, from: idMap.get(c.from)!, to: idMap.get(c.to)! }));
  return {
    design: { ...design, components: [...design.components, ...components], connections: [...design.connections, ...connections], layout },
    idMap,
  };
}
