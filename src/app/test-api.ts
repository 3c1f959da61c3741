import type { Component, Design } from '../model';
import { updateComponent } from './commands';
import { canvasBridge, type CanvasViewport } from './canvas/canvas-bridge';
import { currentDocument, replaceDocument, revealSidePanel, selectComponents, setSelection, useStore } from './store';
import { newDesignId, type LibraryEntry } from './persistence/library';
import { flushAutosave, openLibrary } from './persistence/session';

/**
 * A handle on the app's state for Playwright and the browser benchmark (the habit of excalidraw's
 * `window.h`), installed by `boot()` in test and bench builds only (`vite build --mode test|bench`);
 * a production build leaves this module out. Reading is free; loading goes through the same
 * validation as an import. The window property is typed in test-hooks.d.ts.
 */
export interface NinesmithTestApi {
  getDocument(): Design;
  /** Async: the YAML writer loads on first use, so the test build's first paint is the app's. */
  getDocumentYaml(): Promise<string>;
  getDesignId(): string;
  getSelection(): { components: readonly string[]; connections: readonly string[] };
  /** Selects components (or connections by `from->to:mode`), as a click on the canvas would; `focus` zooms to them. */
  select(components: readonly string[], connections?: readonly string[], focus?: boolean): void;
  /** Opens a design text as a new design (saved like any other); refuses an invalid one. */
  /** Async: the validator loads on first use, so the test build's first paint is the app's. */
  loadDocumentText(text: string): Promise<{ ok: boolean; problems: string[] }>;
  /** Saves pending edits now. */
  flushSave(): Promise<void>;
  listLibrary(): Promise<LibraryEntry[]>;
  /** Changes a component's fields as the inspector would (one undo step); the browser benchmark times edit to painted findings with it. */
  updateComponent(id: string, fields: Partial<Pick<Component, 'zones' | 'replicas' | 'name'>>): void;
  /** The canvas's viewport (pan in screen pixels, zoom), while a canvas is mounted. */
  getViewport(): CanvasViewport | undefined;
  setViewport(viewport: CanvasViewport): void;
}

export function installTestApi(): void {
  window.__ninesmith = {
    getDocument: currentDocument,
    getDocumentYaml: async () => (await import('../model/serialize')).serializeDesign(currentDocument()),
    getDesignId: () => useStore.getState().designId,
    getSelection: () => useStore.getState().selection,
    // As a click on the canvas would: the side panel folded for room opens on the selection.
    select: (components, connections = [], focus = false) => {
      if (connections.length > 0) setSelection({ components, connections });
      else selectComponents(components, focus);
      if (components.length + connections.length > 0) revealSidePanel();
    },
    loadDocumentText: async (text) => {
      const result = (await import('../catalog/validate')).loadDesign(text);
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
    getViewport: () => canvasBridge()?.getViewport(),
    setViewport: (viewport) => canvasBridge()?.setViewport(viewport),
  };
}
