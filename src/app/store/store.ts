import { create } from 'zustand';
import { NO_ANNOTATIONS, type NodeAnnotations } from './annotations';
import { temporal } from 'zundo';
import { emptyDesign, type Design, type LayoutPoint } from '../../model';
import type { Severity } from '../../engine';

/**
 * Which state is saved, exported, undoable or throwaway (the habit of excalidraw's
 * APP_STATE_STORAGE_CONF and tldraw's document/session scopes):
 *
 * | state          | saved (IndexedDB, file) | undoable | notes                                   |
 * | -------------- | ----------------------- | -------- | --------------------------------------- |
 * | model          | yes                     | yes      | the design without positions             |
 * | layout         | yes                     | yes      | positions; a drag is one step            |
 * | designId       | library key             | no       | which library entry is open              |
 * | persist        | no                      | no       | false: the library never saves this one  |
 * | selection      | no                      | no       |                                          |
 * | whatIf         | no                      | no       | a simulated failure, never in the design |
 * | annotations    | no                      | no       | derived (findings, down) for the canvas  |
 * | activePanel    | no                      | no       |                                          |
 * | sidePanel      | no                      | no       | open, or folded for the diagram's room   |
 * | palette        | no                      | no       | open, or folded for the diagram's room   |
 *
 * The model and the layout are kept apart so that a drag, which changes only the layout, keeps
 * the model's identity: everything derived from the model (rules, cost, previews) keys on it and
 * does not rerun on drag frames.
 */
export type Layout = Readonly<Record<string, LayoutPoint>>;

export interface Selection {
  components: readonly string[];
  connections: readonly string[];
}

export interface WhatIf {
  failedComponents: readonly string[];
  failedZones: readonly { region: string; zone: string }[];
  failedRegions: readonly string[];
}

/** What the canvas draws on a node besides the node itself, computed by feature panels. */
export interface NodeAnnotation {
  findings?: { count: number; severity: Severity };
  down?: boolean;
}

export interface FocusRequest {
  componentIds: readonly string[];
  /** Changes on every request, so asking twice for the same ids zooms twice. */
  nonce: number;
}

export interface DocumentState {
  designId: string;
  model: Design;
  layout: Layout;
}

/** The tabs of the side panel (src/app/panels/registry.ts has one panel per id). */
export const PANEL_IDS = ['inspector', 'design', 'findings', 'what-if', 'cost', 'import', 'export'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/**
 * The side panel and the palette: open, folded to a rail to give the diagram the room (the side
 * panel opens again when the user clicks a component or a connection, the palette when a blank
 * design opens), or kept folded by the user (folded until they open it).
 */
export type FoldState = 'open' | 'folded' | 'kept-folded';

/**
 * The narrowest windows whose canvas shows a region's request path (its zone columns and regional
 * services, about 1,130 px at a legible zoom) beside the side panel (360 px) and the palette
 * (240 px): narrower windows open with the side panel folded, and narrower still with the palette
 * folded too.
 */
export const SIDE_PANEL_ROOM = 1600;
export const PALETTE_ROOM = 1410;

/** How the side panel and the palette start in a window `windowWidth` CSS px wide. */
export function initialFolds(windowWidth: number): { sidePanel: FoldState; palette: FoldState } {
  return { sidePanel: windowWidth < SIDE_PANEL_ROOM ? 'folded' : 'open', palette: windowWidth < PALETTE_ROOM ? 'folded' : 'open' };
}

export interface SessionState {
  /**
   * Whether the library saves the open design. False for designs generated for benchmarks and
   * scale tests (`?synthetic=N`) and for the placeholder the store holds before the first design opens.
   */
  persist: boolean;
  selection: Selection;
  whatIf: WhatIf | null;
  annotations: NodeAnnotations;
  activePanel: PanelId;
  sidePanel: FoldState;
  palette: FoldState;
  focusRequest: FocusRequest | null;
  /** A message for the user (an import refused, a design saved); the shell shows and clears it. */
  notice: { kind: 'info' | 'error'; title: string; details?: readonly string[]; nonce: number } | null;
}

export type StoreState = DocumentState & SessionState;

const EMPTY_SELECTION: Selection = { components: [], connections: [] };

export function splitDocument(document: Design): { model: Design; layout: Layout } {
  const { layout, ...model } = document;
  return { model: model as Design, layout: layout ?? {} };
}

/**
 * The document of a model and its layout. The layout is shared, not copied: no edit changes one in
 * place, and copying it (one entry per component) was most of an edit's own work on a large design.
 */
export function joinDocument(model: Design, layout: Layout): Design {
  return { ...model, layout: hasEntries(layout) ? layout : undefined };
}

/**
 * Whether a layout has any entry, remembered per layout object: a for-in over a large layout lists
 * every key before the first one (about 1 ms of each edit at 5,000 components), and an edit that
 * moves nothing keeps the layout object.
 */
const layoutHasEntries = new WeakMap<Layout, boolean>();
function hasEntries(layout: Layout): boolean {
  let known = layoutHasEntries.get(layout);
  if (known === undefined) {
    known = false;
    for (const _ in layout) {
      known = true;
      break;
    }
    layoutHasEntries.set(layout, known);
  }
  return known;
}

const MODEL_KEYS = (model: Design) => Object.keys(model) as (keyof Design)[];

/** Reuses the previous model object when only the layout changed, so derived work keeps its cache. */
function sameModel(previous: Design, next: Design): boolean {
  const keys = new Set([...MODEL_KEYS(previous), ...MODEL_KEYS(next)]);
  keys.delete('layout');
  for (const key of keys) if (previous[key] !== next[key]) return false;
  return true;
}

export function createInitialState(designId: string, document: Design, persist = true): StoreState {
  const { model, layout } = splitDocument(document);
  return {
    designId,
    model,
    layout,
    persist,
    selection: EMPTY_SELECTION,
    whatIf: null,
    annotations: NO_ANNOTATIONS,
    activePanel: 'inspector',
    sidePanel: 'open',
    palette: 'open',
    focusRequest: null,
    notice: null,
  };
}

/**
 * The document store: the open design and the session around it. The document (model + layout) is
 * tracked by zundo for undo and redo; the session state is not. Components subscribe with narrow
 * selectors (a node to its own annotation), never to whole arrays.
 *
 * Three small stores sit beside it, none saved or undoable, each written by one module and kept
 * apart so their frequent updates never reach this store's subscribers: the analysis results
 * (`useAnalysis`, src/app/panels/findings/analysis.ts, derived from the model), the shell's open
 * dialog (`useShell`, src/app/shell/ui-state.ts) and the library's save status (`useLibraryStatus`,
 * src/app/persistence/session.ts).
 *
 * Until boot opens the first design it holds an empty placeholder that is never saved.
 */
export const useStore = create<StoreState>()(
  temporal(() => createInitialState('unsaved', emptyDesign(), false), {
    partialize: (state): DocumentState => ({ designId: state.designId, model: state.model, layout: state.layout }),
    equality: (a, b) => a.model === b.model && a.layout === b.layout && a.designId === b.designId,
    limit: 200,
  }),
);

export const history = () => useStore.temporal.getState();

/**
 * Applies an edit to the document (model and layout together). Enters the undo history unless a
 * gesture is under way, in which case the whole gesture becomes one step when it ends.
 */
export function editDocument(recipe: (document: Design) => Design): void {
  const state = useStore.getState();
  const before = joinDocument(state.model, state.layout);
  const after = recipe(before);
  if (after === before) return;
  const { model, layout } = splitDocument(after);
  const nextModel = sameModel(state.model, model) ? state.model : model;
  const nextLayout = layout === state.layout ? state.layout : layout;
  if (nextModel === state.model && shallowEqualLayout(nextLayout, state.layout)) return;
  useStore.setState({ model: nextModel, layout: nextLayout });
}

function shallowEqualLayout(a: Layout, b: Layout): boolean {
  if (a === b) return true;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => {
    const p = a[key]!;
    const q = b[key];
    return q !== undefined && p.x === q.x && p.y === q.y;
  });
}

let gestureStart: DocumentState | null = null;

/** Starts a gesture (a drag): its frames do not enter the history one by one. */
export function beginGesture(): void {
  if (gestureStart) return;
  const { designId, model, layout } = useStore.getState();
  gestureStart = { designId, model, layout };
  history().pause();
}

/** Ends a gesture: the history gets one step, from where the gesture started to where it ended. */
export function endGesture(): void {
  if (!gestureStart) return;
  const start = gestureStart;
  gestureStart = null;
  const { model, layout } = useStore.getState();
  if (model === start.model && shallowEqualLayout(layout, start.layout)) {
    history().resume();
    return;
  }
  useStore.setState({ model: start.model, layout: start.layout });
  history().resume();
  useStore.setState({ model, layout });
}

/**
 * Replaces the open design (open from the library, import, template). Clears the history.
 * `persist: false` opens a design the library must never save (a generated one).
 */
export function replaceDocument(designId: string, document: Design, options: { persist?: boolean } = {}): void {
  const { model, layout } = splitDocument(document);
  gestureStart = null;
  history().pause();
  // A blank design is built from the palette: one folded for room opens.
  const palette = model.components.length === 0 && useStore.getState().palette === 'folded' ? 'open' : useStore.getState().palette;
  useStore.setState({ designId, model, layout, persist: options.persist ?? true, selection: EMPTY_SELECTION, whatIf: null, annotations: NO_ANNOTATIONS, focusRequest: null, palette });
  history().clear();
  history().resume();
}

export function undo(): void {
  history().undo();
}

export function redo(): void {
  history().redo();
}

export function setSelection(selection: Selection): void {
  useStore.setState({ selection });
}

export function selectComponents(ids: readonly string[], focus = false): void {
  useStore.setState((state) => ({
    selection: { components: ids, connections: [] },
    focusRequest: focus ? { componentIds: ids, nonce: (state.focusRequest?.nonce ?? 0) + 1 } : state.focusRequest,
  }));
}

/** Shows a panel: picking a tab opens the side panel, folded or not. */
export function setActivePanel(activePanel: PanelId): void {
  useStore.setState({ activePanel, sidePanel: 'open' });
}

export function openSidePanel(): void {
  useStore.setState({ sidePanel: 'open' });
}

/** The user folds the panel: it stays folded until they open it again. */
export function foldSidePanel(): void {
  useStore.setState({ sidePanel: 'kept-folded' });
}

export function openPalette(): void {
  useStore.setState({ palette: 'open' });
}

/** The user folds the palette: it stays folded until they open it again. */
export function foldPalette(): void {
  useStore.setState({ palette: 'kept-folded' });
}

/** A click on something to edit: the panel folded for room gives way, one the user folded does not. */
export function revealSidePanel(): void {
  if (useStore.getState().sidePanel === 'folded') useStore.setState({ sidePanel: 'open' });
}

export function setWhatIf(whatIf: WhatIf | null): void {
  useStore.setState({ whatIf });
}

/** Feature panels publish per-node annotations under their own key (`findings`, `down`). */
export function setAnnotations(annotations: NodeAnnotations): void {
  useStore.setState({ annotations });
}

export function notify(kind: 'info' | 'error', title: string, details?: readonly string[]): void {
  useStore.setState((state) => ({ notice: { kind, title, details, nonce: (state.notice?.nonce ?? 0) + 1 } }));
}

export function clearNotice(): void {
  useStore.setState({ notice: null });
}

/** The whole document as saved and exported. */
export function currentDocument(): Design {
  const { model, layout } = useStore.getState();
  return joinDocument(model, layout);
}

/**
 * Sets positions without entering the undo history: the first automatic layout of a design that
 * came without one is part of opening it, not an edit the user would undo.
 */
export function setLayoutWithoutHistory(layout: Layout): void {
  history().pause();
  useStore.setState({ layout });
  history().resume();
}
