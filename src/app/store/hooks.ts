import { useStore as useZustandStore } from 'zustand';
import { useStore, type NodeAnnotation } from './store';
import { annotationOf } from './annotations';
import type { Design } from '../../model';

/** The model without positions: its identity changes only on real edits, never on drags. */
export function useModel(): Design {
  return useStore((state) => state.model);
}

export function useSelection() {
  return useStore((state) => state.selection);
}

/** A node's own annotation: one node re-renders when its findings change, not all of them. */
export function useNodeAnnotation(componentId: string): NodeAnnotation | undefined {
  return useStore((state) => annotationOf(state.annotations, componentId));
}

export function useCanUndo(): boolean {
  return useZustandStore(useStore.temporal, (state) => state.pastStates.length > 0);
}

export function useCanRedo(): boolean {
  return useZustandStore(useStore.temporal, (state) => state.futureStates.length > 0);
}
