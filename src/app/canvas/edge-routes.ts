import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Point } from '../../diagram';

/**
 * The connections' routes, kept beside React Flow's edges rather than inside them. React Flow
 * rebuilds its lookup of every connection whenever it is handed a new edges array; with the
 * routes in the edges, an edit that moved one box (and so the routes of its connections) made a
 * new array and a pass over all of them, about a third of an edit's canvas work at 5,000
 * components. Here each mounted connection listens to its own route alone: an edit re-renders
 * the connections whose route changed, and the edges array stays as it was.
 *
 * One store per canvas (`createEdgeRoutes`), filled by the canvas from each projection.
 */
export interface EdgeRoutes {
  /** The route of a connection: source port, corners, target port. */
  get(id: string): readonly Point[] | undefined;
  /**
   * Sets the routes of the projection being rendered, without telling anyone: the connections that
   * render or mount in this pass read them directly. Called by the canvas while it renders.
   */
  stage(next: ReadonlyMap<string, readonly Point[]>): void;
  /**
   * Tells the mounted connections whose route changed since the last call, which then render again
   * before the frame is painted. Called by the canvas in a layout effect, after each commit.
   */
  notify(): void;
  subscribe(id: string, listener: () => void): () => void;
}

export function createEdgeRoutes(): EdgeRoutes {
  let routes: ReadonlyMap<string, readonly Point[]> = new Map();
  let notified = routes;
  const listeners = new Map<string, Set<() => void>>();
  return {
    get: (id) => routes.get(id),
    stage(next) {
      routes = next;
    },
    notify() {
      if (notified === routes) return;
      const previous = notified;
      notified = routes;
      // Only mounted connections listen: a few hundred at most, whatever the design's size.
      for (const [id, set] of listeners) if (previous.get(id) !== routes.get(id)) for (const listener of set) listener();
    },
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
  };
}

/** The canvas's routes, for the connections it draws. */
export const EdgeRoutesContext = createContext<EdgeRoutes>(createEdgeRoutes());

/** The route of one connection, re-rendering its view when (and only when) that route changes. */
export function useEdgeRoute(id: string): readonly Point[] | undefined {
  const routes = useContext(EdgeRoutesContext);
  const subscribe = useCallback((listener: () => void) => routes.subscribe(id, listener), [routes, id]);
  const read = useCallback(() => routes.get(id), [routes, id]);
  return useSyncExternalStore(subscribe, read);
}
