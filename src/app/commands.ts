import { findKind } from '../catalog';
import {
  edits,
  componentZones,
  componentIdProblem,
  connectionId,
  MAX_ZONES_PER_REGION,
  nextZoneName,
  parseConnectionId,
  renameComponent as renameComponentEdit,
  takenIds,
  uniqueId,
  ZONE_NAME_PATTERN,
  type Component,
  type ConnectionMode,
  type Design,
  type Journey,
  type LayoutPoint,
  type PriceAdjustment,
  type Region,
  type Suppression,
  type TierTargets,
} from '../model';
import { buildScene, completePositions } from '../diagram';
import { canvasBridge } from './canvas/canvas-bridge';
import { settleInPlace } from './canvas/geometry';
import { beginGesture, editDocument, endGesture, selectComponents, setSelection, useStore, currentDocument } from './store';

/**
 * The app's edit commands: each turns a user intent into a pure document edit (src/model/edits.ts)
 * and enters the undo history as one step. UI code calls these; it never edits the document itself,
 * and the edits themselves live in the model, tested in Node: a command only picks the edit, reads
 * the store when the edit needs the selection, and selects what the edit created.
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
    id = uniqueId(kind.id, takenIds(design));
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

/**
 * Gives a component a new id, updating every reference to it (connections, journeys, suppressions,
 * usage inputs, assumptions, layout) as one undo step, and keeps it selected. Returns why the id
 * was refused, or undefined when it was given.
 */
export function renameComponentId(from: string, to: string): string | undefined {
  const problem = componentIdProblem(useStore.getState().model, from, to);
  if (problem !== undefined) return problem;
  if (from === to) return undefined;
  editDocument((design) => renameComponentEdit(design, from, to));
  const { selection } = useStore.getState();
  if (selection.components.includes(from)) setSelection({ ...selection, components: selection.components.map((id) => (id === from ? to : id)) });
  return undefined;
}

export function updateComponent(id: string, update: (component: Component) => Component): void {
  editDocument((design) => edits.updateComponent(design, id, update));
}

/** Renames a component (an empty name clears it: the kind's title is shown instead). */
export function renameComponent(id: string, name: string): void {
  const trimmed = name.trim();
  editDocument((design) => edits.updateComponent(design, id, (component) => ({ ...component, name: trimmed === '' ? undefined : trimmed.slice(0, 200) })));
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
  const ends = parseConnectionId(id);
  if (ends) setSelection({ components: [], connections: [connectionId({ ...ends, mode })] });
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

export function updateDesignFields(update: Parameters<typeof edits.updateDesignFields>[1]): void {
  editDocument((design) => edits.updateDesignFields(design, update));
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
  editDocument((design) => edits.setConnectionLabel(design, id, label));
}

/**
 * Adds a region (see `edits.addProposedRegion`: the given location or the provider's next one,
 * its zone names, primary when first), anchored at a canvas position when given. Returns its id.
 */
export function addRegion(options: { location?: string; position?: LayoutPoint } = {}): string {
  let id = '';
  editDocument((design) => {
    const added = edits.addProposedRegion(design, options);
    id = added.id;
    return added.design;
  });
  return id;
}

/** Where components sit: region and zones by component id (a drop into a zone lane). */
export function placeComponents(placements: Parameters<typeof edits.placeComponents>[1]): void {
  editDocument((design) => edits.placeComponents(design, placements));
}

/** Moves a component to a region (or out of any), keeping the zones the region also has. */
export function setComponentRegion(id: string, regionId: string | undefined): void {
  editDocument((design) => edits.setComponentRegion(design, id, regionId));
}

/**
 * Switches one zone of a regional component on or off; the last zone cannot be taken away. A
 * component that grows into a zone column where another stands moves down clear of it (one step).
 */
export function toggleComponentZone(id: string, zone: string): void {
  const { model, layout } = useStore.getState();
  const component = model.components.find((c) => c.id === id);
  // Taking a zone away narrows the box, which cannot make it overlap another: it is settled only
  // when it grows, against its own region (settleInPlace).
  if (!component || componentZones(model, component).includes(zone)) {
    editDocument((design) => edits.toggleComponentZone(design, id, zone));
    return;
  }
  // The regions as the canvas draws them now (its cached scene), else drawn here.
  const drawn = canvasBridge()?.regions() ?? buildScene(model, completePositions(model, layout), { route: false }).regions;
  beginGesture();
  editDocument((design) => edits.toggleComponentZone(design, id, zone));
  const after = useStore.getState();
  if (after.model !== model) editDocument((design) => edits.moveLayout(design, settleInPlace(after.model, after.layout, [id], drawn)));
  endGesture();
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

/** Adds a zone to a region (the given name, or the next unused one) and returns its name; undefined when the region has the most it may. */
export function addZone(regionId: string, zone?: string): string | undefined {
  let added: string | undefined;
  editDocument((design) => {
    const region = design.regions.find((r) => r.id === regionId);
    if (!region || region.zones.length >= MAX_ZONES_PER_REGION) return design;
    added = zone ?? nextZoneName(design.provider, region.zones);
    return edits.addZone(design, regionId, added);
  });
  return added;
}

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
  editDocument((design) => edits.setTierOverride(design, tierId, field, value));
}

/** Writes a computed layout (rounded to whole numbers) as one undoable step. */
export function applyLayout(positions: Readonly<Record<string, LayoutPoint>>): void {
  editDocument((design) => edits.replaceLayout(design, positions));
}

/** Accepts a finding for a reason (kept in every report). */
export function addSuppression(suppression: Suppression): void {
  editDocument((design) => edits.addSuppression(design, suppression));
}

/** Takes back the suppressions of a rule that cover a finding's components. */
export function removeSuppressions(rule: string, components: readonly string[]): void {
  editDocument((design) => edits.removeSuppressions(design, rule, components));
}

/** Sets (or, with undefined, resets to the default) one usage assumption of a component. */
export function setUsageInput(componentId: string, name: string, value: number | undefined): void {
  editDocument((design) => edits.setUsageInput(design, componentId, name, value));
}

/** Replaces the price adjustments the design carries (local ones live in the cost panel's settings). */
/** Prices the design under a commitment profile (on-demand removes it); one undo step. */
export function setCommitment(commitment: edits.CommitmentProfile): void {
  editDocument((design) => edits.setCommitment(design, commitment));
}

export function setPriceAdjustments(update: (current: readonly PriceAdjustment[]) => readonly PriceAdjustment[]): void {
  editDocument((design) => edits.setPriceAdjustments(design, update(design.pricing?.adjustments ?? [])));
}
