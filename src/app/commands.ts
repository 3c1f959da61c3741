import { findKind } from '../catalog';
import { edits, connectionId, takenIds, uniqueId, type Component, type ConnectionMode, type Design, type Journey, type LayoutPoint, type Region, type TierTargets } from '../model';
import { editDocument, selectComponents, setSelection, useStore, currentDocument } from './store';

/**
 * The app's edit commands: each turns a user intent into a pure document edit (src/model/edits.ts)
 * and enters the undo history as one step. UI code calls these; it never edits the document itself.
 */

export interface Placement {
  region?: string;
  zones?: readonly string[];
}

/** Adds a component of a kind with the kind's initial props, selects it and returns its id. */
export function addComponentOfKind(kindId: string, placement: Placement, position?: LayoutPoint): string | undefined {
  const kind = findKind(kindId);
  if (!kind) return undefined;
  let id = '';
  editDocument((design) => {
    id = uniqueId(kind.id === 'users' ? 'users' : kind.id, takenIds(design));
    const regional = kind.capabilities.placement === 'regional' || (kind.capabilities.placement === 'either' && placement.region !== undefined);
    const region = regional ? (placement.region ?? design.regions[0]?.id) : undefined;
    if (kind.capabilities.placement === 'regional' && region === undefined) return design;
    const component: Component = {
      id,
      kind: kind.id,
      name: kind.title,
      region,
      zones: region !== undefined && placement.zones && placement.zones.length > 0 ? [...placement.zones] : undefined,
      replicas: kind.initialReplicas,
      props: kind.initialProps ? structuredClone(kind.initialProps) as Record<string, unknown> : undefined,
    };
    return edits.addComponent(design, component, position);
  });
  if (!useStore.getState().model.components.some((c) => c.id === id)) return undefined;
  selectComponents([id]);
  return id;
}

export function updateComponent(id: string, update: (component: Component) => Component): void {
  editDocument((design) => edits.updateComponent(design, id, update));
}

export function setComponentProp(id: string, path: readonly string[], value: unknown): void {
  editDocument((design) => edits.setComponentProp(design, id, path, value));
}

export function moveComponents(positions: Readonly<Record<string, LayoutPoint>>): void {
  editDocument((design) => edits.moveLayout(design, positions));
}

export function connect(from: string, to: string, mode: ConnectionMode = 'sync'): void {
  editDocument((design) => edits.addConnection(design, { from, to, mode }));
}

export function setConnectionMode(id: string, mode: ConnectionMode): void {
  editDocument((design) => edits.setConnectionMode(design, id, mode));
  const [from, rest] = id.split('->');
  const to = rest?.split(':')[0];
  if (from && to) setSelection({ components: [], connections: [connectionId({ from, to, mode })] });
}

export function deleteSelection(): void {
  const { selection } = useStore.getState();
  if (selection.components.length === 0 && selection.connections.length === 0) return;
  editDocument((design) => edits.removeItems(design, selection.components, selection.connections));
  setSelection({ components: [], connections: [] });
}

export function selectAll(): void {
  const { model } = useStore.getState();
  setSelection({ components: model.components.map((c) => c.id), connections: model.connections.map(connectionId) });
}

/** What copy puts on the clipboard: plain data, so it can be pasted into another design or tab. */
export interface ClipboardPayload {
  ninesmithClipboard: 1;
  components: Component[];
  connections: Design['connections'];
  layout: Record<string, LayoutPoint>;
}

export function copySelection(): ClipboardPayload | undefined {
  const { selection } = useStore.getState();
  if (selection.components.length === 0) return undefined;
  const document = currentDocument();
  const ids = new Set(selection.components);
  return {
    ninesmithClipboard: 1,
    components: document.components.filter((c) => ids.has(c.id)),
    connections: document.connections.filter((c) => ids.has(c.from) && ids.has(c.to)),
    layout: Object.fromEntries(Object.entries(document.layout ?? {}).filter(([id]) => ids.has(id))),
  };
}

/** Pastes (or duplicates) components under fresh ids, offset from the originals, and selects them. */
export function paste(payload: ClipboardPayload, offset: LayoutPoint = { x: 40, y: 40 }): string[] {
  let pasted: string[] = [];
  editDocument((design) => {
    const result = edits.pasteComponents(design, payload, offset);
    pasted = [...result.idMap.values()];
    return result.design;
  });
  selectComponents(pasted);
  return pasted;
}

export function duplicateSelection(): string[] {
  const payload = copySelection();
  return payload ? paste(payload) : [];
}

export function nudgeSelection(dx: number, dy: number): void {
  const { selection, layout } = useStore.getState();
  if (selection.components.length === 0) return;
  const positions: Record<string, LayoutPoint> = {};
  for (const id of selection.components) {
    const at = layout[id];
    if (at) positions[id] = { x: at.x + dx, y: at.y + dy };
  }
  moveComponents(positions);
}

export function updateDesignFields(update: Partial<Pick<Design, 'name' | 'description' | 'tier' | 'tenancy' | 'provider' | 'tiers'>>): void {
  editDocument((design) => ({ ...design, ...update }));
}

export function upsertJourney(journey: Journey, previousId?: string): void {
  editDocument((design) => edits.upsertJourney(design, journey, previousId));
}

export function removeJourney(id: string): void {
  editDocument((design) => edits.removeJourney(design, id));
}

/** Applies an automatic fix (a pure patch from the rule engine) as one undoable step. */
export function applyPatch(patch: (design: Design) => Design): void {
  editDocument(patch);
}

export function setConnectionLabel(id: string, label: string): void {
  editDocument((design) => ({
    ...design,
    connections: design.connections.map((c) => (connectionId(c) === id ? { ...c, label: label.trim() === '' ? undefined : label } : c)),
  }));
}

/** Adds a region (three zones, secondary role unless it is the first) and returns its id. */
export function addRegion(location: string): string {
  let id = '';
  editDocument((design) => {
    const next = edits.addRegion(design, { location, role: design.regions.length === 0 ? 'primary' : 'secondary', zones: ['a', 'b', 'c'] });
    id = next.regions[next.regions.length - 1]!.id;
    return next;
  });
  return id;
}

/** Where components sit: region and zones by component id (a drop into a zone, a zone chip toggled). */
export function placeComponents(placements: Readonly<Record<string, { region: string | undefined; zones: readonly string[] | undefined }>>): void {
  editDocument((design) => ({
    ...design,
    components: design.components.map((c) => {
      const next = placements[c.id];
      if (!next) return c;
      return { ...c, region: next.region, zones: next.region === undefined || !next.zones?.length ? undefined : [...next.zones] };
    }),
  }));
}

/** Toggles one zone of a regional component; the last zone cannot be taken away. */
export function toggleComponentZone(id: string, zone: string): void {
  editDocument((design) => {
    const component = design.components.find((c) => c.id === id);
    const region = design.regions.find((r) => r.id === component?.region);
    if (!component || !region || !region.zones.includes(zone)) return design;
    const current = component.zones && component.zones.length > 0 ? component.zones : [region.zones[0]!];
    const zones = current.includes(zone) ? current.filter((z) => z !== zone) : region.zones.filter((z) => z === zone || current.includes(z));
    if (zones.length === 0) return design;
    return edits.updateComponent(design, id, (c) => ({ ...c, zones }));
  });
}

const REGION_CODES: Readonly<Record<Design['provider'], readonly string[]>> = {
  aws: ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-1', 'us-east-2', 'eu-north-1'],
  azure: ['eastus', 'westus2', 'westeurope', 'northeurope', 'southeastasia', 'japaneast'],
  gcp: ['us-central1', 'us-east1', 'europe-west1', 'europe-west4', 'asia-southeast1', 'asia-northeast1'],
};

/** The zone names a provider uses: letters on AWS and GCP, numbers on Azure. */
function zoneNames(provider: Design['provider']): readonly string[] {
  return provider === 'azure' ? ['1', '2', '3', '4', '5', '6'] : ['a', 'b', 'c', 'd', 'e', 'f'];
}

/**
 * Adds a region in a location the design does not use yet, with three zones, anchored at a
 * canvas position. The first region is primary; later ones are secondaries (warm standby).
 */
export function addRegionAt(position?: LayoutPoint): string {
  let id = '';
  editDocument((design) => {
    const used = new Set(design.regions.map((r) => r.location));
    const codes = REGION_CODES[design.provider];
    const location = codes.find((code) => !used.has(code)) ?? codes[0]!;
    id = uniqueId(design.regions.length === 0 ? 'primary' : location, takenIds(design));
    const next = edits.addRegion(design, {
      id,
      location,
      role: design.regions.length === 0 ? 'primary' : 'secondary',
      zones: zoneNames(design.provider).slice(0, 3),
    });
    return position ? edits.moveLayout(next, { [id]: { x: Math.round(position.x), y: Math.round(position.y) } }) : next;
  });
  return id;
}

export function updateRegion(id: string, update: (region: Region) => Region): void {
  editDocument((design) => edits.updateRegion(design, id, update));
}

export function renameRegion(id: string, name: string): void {
  const trimmed = name.trim();
  editDocument((design) => edits.updateRegion(design, id, (r) => ({ ...r, name: trimmed === '' ? undefined : trimmed })));
}

/** Removes a region with everything placed in it (one undo step brings it all back). */
export function removeRegion(id: string): void {
  editDocument((design) => edits.removeRegion(design, id));
}

/** Adds a zone to a region (the given name, or the next unused one) and returns its name. */
export function addZone(regionId: string, zone?: string): string | undefined {
  let added: string | undefined;
  editDocument((design) => {
    const region = design.regions.find((r) => r.id === regionId);
    if (!region) return design;
    added = zone ?? zoneNames(design.provider).find((z) => !region.zones.includes(z)) ?? uniqueId('zone', new Set(region.zones));
    return edits.addZone(design, regionId, added);
  });
  return added;
}

/** Zone names follow the format: lower-case letters, digits and "-", up to 32 characters. */
export const ZONE_NAME_PATTERN = /^[a-z0-9-]{1,32}$/;

/** Renames a zone everywhere it is used; refuses a malformed name or one the region already has. */
export function renameZone(regionId: string, from: string, to: string): boolean {
  const name = to.trim().toLowerCase();
  if (!ZONE_NAME_PATTERN.test(name)) return false;
  const before = useStore.getState().model;
  editDocument((design) => edits.renameZone(design, regionId, from, name));
  return useStore.getState().model !== before || from === name;
}

export function removeZone(regionId: string, zone: string): void {
  editDocument((design) => edits.removeZone(design, regionId, zone));
}

/** Sets (or, with `undefined`, clears) one target of a tier's override in the design's `tiers`. */
export function setTierOverride(tierId: string, field: keyof TierTargets, value: TierTargets[keyof TierTargets] | undefined): void {
  editDocument((design) => {
    const current: TierTargets = { ...(design.tiers?.[tierId] ?? {}) };
    if (value === undefined) delete current[field];
    else (current as Record<string, unknown>)[field] = value;
    const tiers = { ...(design.tiers ?? {}) };
    if (Object.keys(current).length === 0) delete tiers[tierId];
    else tiers[tierId] = current;
    return { ...design, tiers: Object.keys(tiers).length > 0 ? tiers : undefined };
  });
}

/** Writes a computed layout (rounded to whole numbers) as one undoable step. */
export function applyLayout(positions: Readonly<Record<string, LayoutPoint>>): void {
  const rounded: Record<string, LayoutPoint> = {};
  for (const [id, at] of Object.entries(positions)) rounded[id] = { x: Math.round(at.x), y: Math.round(at.y) };
  editDocument((design) => ({ ...design, layout: rounded }));
}
