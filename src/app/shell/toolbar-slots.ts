import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * Buttons that other features put in the toolbar (checks, cost, compare, export...): add an entry,
 * the toolbar renders it after its own buttons, lowest `order` first. Keep each lazily loaded.
 */
export interface ToolbarItem {
  id: string;
  order: number;
  component: LazyExoticComponent<ComponentType>;
}

export const TOOLBAR_ITEMS: readonly ToolbarItem[] = [{ id: 'compare', order: 30, component: lazy(() => import('../compare/CompareButton')) }];
