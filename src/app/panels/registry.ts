import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PanelId } from '../store';

/**
 * The tabs of the right-hand side panel. Each panel is its own lazily loaded module, so a panel
 * nobody opens costs nothing at start-up, and adding a feature is adding its id to `PANEL_IDS`
 * (src/app/store/store.ts) and its entry here (the compiler asks for it).
 */
export interface PanelDefinition {
  id: PanelId;
  title: string;
  /** Lower first. */
  order: number;
  component: LazyExoticComponent<ComponentType>;
}

const DEFINITIONS: Readonly<Record<PanelId, Omit<PanelDefinition, 'id'>>> = {
  inspector: { title: 'Inspector', order: 10, component: lazy(() => import('./inspector/InspectorPanel')) },
  design: { title: 'Design', order: 20, component: lazy(() => import('./design/DesignPanel')) },
  findings: { title: 'Findings', order: 30, component: lazy(() => import('./findings/FindingsPanel')) },
  'what-if': { title: 'What if', order: 40, component: lazy(() => import('./what-if/WhatIfPanel')) },
  cost: { title: 'Cost', order: 50, component: lazy(() => import('./cost/CostPanel')) },
  import: { title: 'Import', order: 80, component: lazy(() => import('./import/ImportPanel')) },
  export: { title: 'Export', order: 90, component: lazy(() => import('./export/ExportPanel')) },
};

/** The panels, lowest `order` first. */
export const PANELS: readonly PanelDefinition[] = (Object.keys(DEFINITIONS) as PanelId[])
  .map((id) => ({ id, ...DEFINITIONS[id] }))
  .sort((a, b) => a.order - b.order);
