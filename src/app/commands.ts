import { findKind } from '../catalog';
import { edits, connectionId, takenIds, uniqueId, type Component, type ConnectionMode, type Design, type Journey, type LayoutPoint } from '../model';
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

/* ---- Added by the app shell (inspector, design panel) ---- */
// Imported here rather than above, so this block stays an append that merges cleanly.
import type { Region, TierTargets } from '../model';

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

export function updateRegion(id: string, update: (region: Region) => Region): void {
  editDocument((design) => edits.updateRegion(design, id, update));
}

/** Removes a region with every component placed in it (one undo step). */
export function removeRegion(id: string): void {
  editDocument((design) => edits.removeRegion(design, id));
}

export function addZone(regionId: string, zone: string): void {
  editDocument((design) => edits.addZone(design, regionId, zone));
}

export function renameZone(regionId: string, from: string, to: string): void {
  editDocument((design) => edits.renameZone(design, regionId, from, to));
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
