import { serializeDesign, type Component, type Design } from '../model';
import { updateComponent } from './commands';
import { loadDesign } from '../catalog';
import { currentDocument, replaceDocument, selectComponents, setSelection, useStore } from './store';
import { newDesignId, type LibraryEntry } from './persistence/library';
import { flushAutosave, openLibrary } from './persistence/session';

/**
 * A test-only handle on the app's state for Playwright (the habit of excalidraw's `window.h`).
 * Reading is free; loading goes through the same validation as an import.
 */
export interface NinesmithTestApi {
  getDocument(): Design;
  getDocumentYaml(): string;
  getDesignId(): string;
  getSelection(): { components: readonly string[]; connections: readonly string[] };
  /** Selects components (or connections by `from->to:mode`), as a click on the canvas would; `focus` zooms to them. */
  select(components: readonly string[], connections?: readonly string[], focus?: boolean): void;
  /** Opens a design text as a new design (saved like any other); refuses an invalid one. */
  loadDocumentText(text: string): { ok: boolean; problems: string[] };
  /** Saves pending edits now. */
  flushSave(): Promise<void>;
  listLibrary(): Promise<LibraryEntry[]>;
  /** Changes a component's fields as the inspector would (one undo step); for benchmarks of edit to painted findings. */
  updateComponent(id: string, fields: Partial<Pick<Component, 'zones' | 'replicas' | 'name'>>): void;
}

export function installTestApi(): void {
  const api: NinesmithTestApi = {
    getDocument: currentDocument,
    getDocumentYaml: () => serializeDesign(currentDocument()),
    getDesignId: () => useStore.getState().designId,
    getSelection: () => useStore.getState().selection,
    select: (components, connections = [], focus = false) =>
      connections.length > 0 ? setSelection({ components, connections }) : selectComponents(components, focus),
    loadDocumentText: (text) => {
      const result = loadDesign(text);
      if (!result.ok) return { ok: false, problems: result.problems.map((p) => p.message) };
      const id = newDesignId();
      replaceDocument(id, result.design);
      void openLibrary()
        .then((library) => library.create(result.design, id))
        .catch(() => undefined);
      return { ok: true, problems: [] };
    },
    flushSave: flushAutosave,
    listLibrary: async () => (await openLibrary()).list(),
    updateComponent: (id, fields) => updateComponent(id, (component) => ({ ...component, ...fields })),
  };
  (window as unknown as { __ninesmith: NinesmithTestApi }).__ninesmith = api;
}
