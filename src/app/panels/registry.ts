import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The tabs of the right-hand side panel. Each panel is its own lazily loaded module, so a panel
 * nobody opens costs nothing at start-up, and adding a feature is adding an entry here.
 */
export interface PanelDefinition {
  id: string;
  title: string;
  /** Lower first. */
  order: number;
  component: LazyExoticComponent<ComponentType>;
}

export const PANELS: readonly PanelDefinition[] = [
  { id: 'inspector', title: 'Inspector', order: 10, component: lazy(() => import('./inspector/InspectorPanel')) },
  { id: 'design', title: 'Design', order: 20, component: lazy(() => import('./design/DesignPanel')) },
  { id: 'findings', title: 'Findings', order: 30, component: lazy(() => import('./findings/FindingsPanel')) },
  { id: 'what-if', title: 'What if', order: 40, component: lazy(() => import('./what-if/WhatIfPanel')) },
  { id: 'cost', title: 'Cost', order: 50, component: lazy(() => import('./cost/CostPanel')) },
  { id: 'import', title: 'Import', order: 80, component: lazy(() => import('./import/ImportPanel')) },
  { id: 'export', title: 'Export', order: 90, component: lazy(() => import('./export/ExportPanel')) },
];

// Badges on nodes and what-if greying must work whichever tab is open, so the analysis publisher
// starts with the app (loaded on demand, so the engine stays out of the first chunk).
if (typeof window !== 'undefined') void import('./findings/analysis').then((module) => module.startAnalysis());
