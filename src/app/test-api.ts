import { serializeDesign, type Design } from '../model';
import { loadDesign } from '../catalog';
import { currentDocument, replaceDocument, useStore } from './store';

/**
 * A test-only handle on the app's state for Playwright (the habit of excalidraw's `window.h`).
 * Reading is free; loading goes through the same validation as an import.
 */
export interface NinesmithTestApi {
  getDocument(): Design;
  getDocumentYaml(): string;
  getSelection(): { components: readonly string[]; connections: readonly string[] };
  loadDocumentText(text: string): { ok: boolean; problems: string[] };
}

export function installTestApi(): void {
  const api: NinesmithTestApi = {
    getDocument: currentDocument,
    getDocumentYaml: () => serializeDesign(currentDocument()),
    getSelection: () => useStore.getState().selection,
    loadDocumentText: (text) => {
      const result = loadDesign(text);
      if (!result.ok) return { ok: false, problems: result.problems.map((p) => p.message) };
      replaceDocument(`test-${Date.now()}`, result.design);
      return { ok: true, problems: [] };
    },
  };
  (window as unknown as { __ninesmith: NinesmithTestApi }).__ninesmith = api;
}
