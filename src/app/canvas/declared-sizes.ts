import { useState } from 'react';
import { useStoreApi, type ReactFlowState } from '@xyflow/react';

type UpdateNodeInternals = ReactFlowState['updateNodeInternals'];
type NodeUpdates = Parameters<UpdateNodeInternals>[0];
type FlowStore = ReturnType<typeof useStoreApi>;

/** Marks a store whose measuring this module already took over, so a second call (React's strict double render) changes nothing. */
const TAKEN_OVER = new WeakSet<FlowStore>();

/**
 * The updates React Flow asks for, without `force`. React Flow's resize observer forces every
 * update it reports, so that a node's handles are measured again from the DOM even when the node's
 * size is what React Flow already holds. Every node on this canvas declares its size (`width`,
 * `height`, `measured`) and its handles (`handles`) from the diagram's geometry (to-flow.ts), and
 * those are what React Flow holds after it is handed the nodes. A forced update then finds what it
 * already has and still replaces it, and each one is a store update that runs every mounted
 * connection's selectors (about 1,300 at 5,000 components) and checks every connection for
 * visibility: one extra pass per edit that resizes a box, and one per batch of nodes that mount as
 * the view pans. Unforced, React Flow still measures a node whose DOM size differs from the one it
 * holds, or that has no handle bounds yet.
 */
export function withoutForce(updates: NodeUpdates): NodeUpdates {
  let forced = false;
  for (const update of updates.values()) {
    if (update.force) {
      forced = true;
      break;
    }
  }
  if (!forced) return updates;
  const unforced: NodeUpdates = new Map();
  for (const [id, update] of updates) unforced.set(id, update.force ? { ...update, force: false } : update);
  return unforced;
}

/**
 * Makes React Flow's store measure nodes without forcing (see `withoutForce`). Must run before
 * React Flow's node renderer first renders: its resize observer keeps the measuring function it
 * read then.
 */
export function trustDeclaredSizes(store: FlowStore): void {
  if (TAKEN_OVER.has(store)) return;
  TAKEN_OVER.add(store);
  const measure = store.getState().updateNodeInternals;
  const unforcedMeasure: UpdateNodeInternals = (updates, params) => measure(withoutForce(updates), params);
  store.setState({ updateNodeInternals: unforcedMeasure });
}

/**
 * Rendered inside the React Flow provider before the flow itself, so the store is taken over in
 * this first render, before any node renderer reads it. Renders nothing.
 */
export function TrustDeclaredSizes(): null {
  const store = useStoreApi();
  useState(() => trustDeclaredSizes(store));
  return null;
}
