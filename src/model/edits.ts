import { componentZones, connectionId, takenIds, uniqueId } from './ids';
import { NEW_REGION_ZONE_COUNT, PROVIDER_FACTS, nextRegionLocation } from './providers';
import type { Component, Connection, ConnectionMode, Design, Journey, LayoutPoint, PriceAdjustment, ProposalSettings, Region, Suppression, TierTargets } from './schema';
import { MAX_ZONES_PER_REGION } from './format-constants';

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

/** Maps one component to a new version of it, leaving everything else untouched. */
export function updateComponent(design: Design, id: string, update: (component: Component) => Component): Design {
  return { ...design, components: design.components.map((c) => (c.id === id ? update(c) : c)) };
}

/** A component with some props set (nested groups merged one level deep), as automatic fixes write them. */
export function mergeProps(component: Component, props: Readonly<Record<string, unknown>>): Component {
  const merged: Record<string, unknown> = { ...(component.props ?? {}) };
  for (const [key, value] of Object.entries(props)) {
    const current = merged[key];
    merged[key] = value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' ? { ...(current as object), ...(value as object) } : value;
  }
  return { ...component, props: merged };
}

/** The design's own fields (name, description, tier, tenancy, provider, tier overrides). */
export function updateDesignFields(design: Design, update: Partial<Pick<Design, 'name' | 'description' | 'tier' | 'tenancy' | 'provider' | 'tiers'>>): Design {
  return { ...design, ...update };
}

/**
 * Moves a component to a region (or, with undefined, out of any region): it keeps the zones the
 * new region also has, else runs in that region's first zone.
 */
export function setComponentRegion(design: Design, id: string, regionId: string | undefined): Design {
  const target = design.regions.find((r) => r.id === regionId);
  return updateComponent(design, id, (c) => {
    if (!target) return { ...c, region: undefined, zones: undefined };
    const kept = (c.zones ?? []).filter((z) => target.zones.includes(z));
    return { ...c, region: target.id, zones: kept.length > 0 ? kept : undefined };
  });
}

/** Where components sit, by component id: region and zones (a drop into a zone lane). */
export function placeComponents(design: Design, placements: Readonly<Record<string, { region: string | undefined; zones: readonly string[] | undefined }>>): Design {
  return {
    ...design,
    components: design.components.map((c) => {
      const next = placements[c.id];
      if (!next) return c;
      return { ...c, region: next.region, zones: next.region === undefined || !next.zones?.length ? undefined : [...next.zones] };
    }),
  };
}

/**
 * The zones a regional component runs in once one zone is switched on or off, in the region's
 * zone order; empty when the switch would take away its last zone (a component runs somewhere),
 * undefined when the component has no region or the region no such zone.
 */
export function zonesAfterToggle(design: Pick<Design, 'regions'>, component: Pick<Component, 'region' | 'zones'>, zone: string): string[] | undefined {
  const region = design.regions.find((r) => r.id === component.region);
  if (!region || !region.zones.includes(zone)) return undefined;
  const current = componentZones(design, component);
  return current.includes(zone) ? current.filter((z) => z !== zone) : region.zones.filter((z) => z === zone || current.includes(z));
}

/** Switches one zone of a regional component on or off; the last zone cannot be taken away. */
export function toggleComponentZone(design: Design, id: string, zone: string): Design {
  const component = design.components.find((c) => c.id === id);
  const zones = component ? zonesAfterToggle(design, component, zone) : undefined;
  if (!zones || zones.length === 0) return design;
  return updateComponent(design, id, (c) => ({ ...c, zones }));
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

/** Sets a connection's label; empty (or only spaces) removes it. */
export function setConnectionLabel(design: Design, id: string, label: string): Design {
  return {
    ...design,
    connections: design.connections.map((c) => (connectionId(c) === id ? { ...c, label: label.trim() === '' ? undefined : label } : c)),
  };
}

export function moveLayout(design: Design, positions: Readonly<Record<string, LayoutPoint>>): Design {
  return { ...design, layout: { ...design.layout, ...positions } };
}

/** Replaces every position (a computed layout), rounded to whole numbers as positions are stored. */
export function replaceLayout(design: Design, positions: Readonly<Record<string, LayoutPoint>>): Design {
  const rounded: Record<string, LayoutPoint> = {};
  for (const [id, at] of Object.entries(positions)) rounded[id] = { x: Math.round(at.x), y: Math.round(at.y) };
  return { ...design, layout: rounded };
}

export function addRegion(design: Design, region: Omit<Region, 'id'> & { id?: string }): Design {
  const id = region.id ?? uniqueId(region.location || 'region', takenIds(design));
  return { ...design, regions: [...design.regions, { ...region, id } as Region] };
}

/**
 * Adds a region the way the canvas and the design panel propose one: at the given location, else
 * the provider's next suggested one; the first region is `primary`, later ones are standbys
 * (secondary) named after their location; the provider's first three zone names; anchored at
 * `position` on the canvas when given. Returns the new region's id with the design.
 */
export function addProposedRegion(design: Design, options: { location?: string; position?: LayoutPoint } = {}): { design: Design; id: string } {
  const first = design.regions.length === 0;
  const location = options.location?.trim() || nextRegionLocation(design.provider, design.regions.map((r) => r.location));
  const id = uniqueId(first ? 'primary' : location, takenIds(design));
  const next = addRegion(design, { id, location, role: first ? 'primary' : 'secondary', zones: PROVIDER_FACTS[design.provider].zoneNames.slice(0, NEW_REGION_ZONE_COUNT) });
  const at = options.position;
  return { design: at ? moveLayout(next, { [id]: { x: Math.round(at.x), y: Math.round(at.y) } }) : next, id };
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

/** Adds a zone to a region; the design as it was when the region has it or has MAX_ZONES_PER_REGION already. */
export function addZone(design: Design, regionId: string, zone: string): Design {
  return updateRegion(design, regionId, (r) => (r.zones.includes(zone) || r.zones.length >= MAX_ZONES_PER_REGION ? r : { ...r, zones: [...r.zones, zone] }));
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

/** Sets (or, with `undefined`, clears) one target of a tier's override in `tiers`; an empty override goes. */
export function setTierOverride(design: Design, tierId: string, field: keyof TierTargets, value: TierTargets[keyof TierTargets] | undefined): Design {
  const current: Record<string, unknown> = { ...(design.tiers?.[tierId] ?? {}) };
  if (value === undefined) delete current[field];
  else current[field] = value;
  const tiers = { ...(design.tiers ?? {}) };
  if (Object.keys(current).length === 0) delete tiers[tierId];
  else tiers[tierId] = current as TierTargets;
  return { ...design, tiers: Object.keys(tiers).length > 0 ? tiers : undefined };
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

/** Accepts a finding for a reason: it stays in every report, marked suppressed. */
export function addSuppression(design: Design, suppression: Suppression): Design {
  return { ...design, suppressions: [...(design.suppressions ?? []), suppression] };
}

/** Removes the suppressions of a rule that cover any of the given components (or the whole design). */
export function removeSuppressions(design: Design, rule: string, components: readonly string[]): Design {
  return {
    ...design,
    suppressions: (design.suppressions ?? []).filter((s) => !(s.rule === rule && (s.component === undefined || components.includes(s.component)))),
  };
}

/** Sets (or, with undefined, removes) one usage input in `pricing.usage`, leaving no empty pricing behind. */
export function setUsageInput(design: Design, componentId: string, name: string, value: number | undefined): Design {
  const usage = { ...(design.pricing?.usage ?? {}) };
  const inputs = { ...(usage[componentId] ?? {}) };
  if (value === undefined) delete inputs[name];
  else inputs[name] = value;
  if (Object.keys(inputs).length > 0) usage[componentId] = inputs;
  else delete usage[componentId];
  const { usage: _previous, ...rest } = design.pricing ?? {};
  return withPricing(design, Object.keys(usage).length > 0 ? { ...rest, usage } : rest);
}

/** Replaces the price adjustments the design carries. */
export function setPriceAdjustments(design: Design, adjustments: readonly PriceAdjustment[]): Design {
  const { adjustments: _previous, ...rest } = design.pricing ?? {};
  return withPricing(design, adjustments.length > 0 ? { ...rest, adjustments: [...adjustments] } : rest);
}

/** The commitment profiles a design can be priced under. */
export type CommitmentProfile = NonNullable<NonNullable<Design['pricing']>['commitment']>;

/** Sets the design's commitment profile; on-demand (the default) removes it. */
export function setCommitment(design: Design, commitment: CommitmentProfile): Design {
  const { commitment: _previous, ...rest } = design.pricing ?? {};
  return withPricing(design, commitment === 'on-demand' ? rest : { ...rest, commitment });
}

/**
 * Sets the proposal cover's fields (client, consultant, date, version, logo): an empty or absent
 * value removes that field, and the section goes when nothing is left in it.
 */
export function setProposalSettings(design: Design, settings: Partial<Record<keyof ProposalSettings, string | undefined>>): Design {
  const merged: Record<string, string | undefined> = { ...design.proposal, ...settings };
  const kept = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined && value.trim() !== '')) as ProposalSettings;
  const next = { ...design };
  if (Object.keys(kept).length === 0) delete next.proposal;
  else next.proposal = kept;
  return next;
}

function withPricing(design: Design, pricing: NonNullable<Design['pricing']>): Design {
  const next = { ...design };
  if (Object.keys(pricing).length === 0) delete next.pricing;
  else next.pricing = pricing;
  return next;
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
