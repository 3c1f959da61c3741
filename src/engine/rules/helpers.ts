import type { Design } from '../../model';
import { applyFailure } from '../analysis/failure';
import { walk } from '../analysis/journeys';
import type { DesignGraph } from '../graph';
import { patchComponent, withProps, type AutoFix, type RuleContext, type TierClass } from './types';

/** "A, B and C". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Picks a figure by tier class. */
export const byTier = <T>(tierClass: TierClass, figures: Record<TierClass, T>): T => figures[tierClass];

const requestPathCache = new WeakMap<DesignGraph, Uint8Array>();

/** 1 for every component some journey reaches over sync connections from its entry (the request paths). */
export function requestPath(context: RuleContext): Uint8Array {
  let mark = requestPathCache.get(context.graph);
  if (mark) return mark;
  mark = new Uint8Array(context.graph.components.length);
  const healthy = applyFailure(context.graph, {});
  for (const plan of context.plans()) {
    const reached = walk(context.graph, plan, healthy.down);
    for (const i of plan.relevant) if (reached[i] === 1) mark[i] = 1;
  }
  requestPathCache.set(context.graph, mark);
  return mark;
}

/** Where the component runs, for messages: "one instance in zone a", "3 instances, all in zone a". */
export function placement(graph: DesignGraph, i: number): string {
  const component = graph.components[i]!;
  const zones = graph.instanceZones[i]!;
  const replicas = component.replicas ?? 1;
  const region = component.region !== undefined ? graph.regionsById.get(component.region) : undefined;
  const where = `zone ${zones.join(', ')}${region ? ` of ${region.name ?? region.id}` : ''}`;
  if (graph.kinds[i]!.capabilities.dataRole === 'records' && graph.props[i]!.ha === 'single') return `a single instance in ${where}`;
  if (replicas <= 1) return `one instance in ${where}`;
  return `${replicas} instances, all in ${where}`;
}

/**
 * The patch that spreads a component over its region's zones (up to three): instances at least one
 * per zone, a Multi-AZ standby for a single database, replicas with failover for a cache.
 */
export function spreadFix(graph: DesignGraph, i: number): AutoFix | undefined {
  const component = graph.components[i]!;
  const region = component.region !== undefined ? graph.regionsById.get(component.region) : undefined;
  if (!region || region.zones.length < 2) return undefined;
  const kind = graph.kinds[i]!;
  const zones = region.zones.slice(0, 3);
  const role = kind.capabilities.dataRole;
  return {
    label: `Spread ${component.name ?? component.id} over zones ${zones.join(', ')}`,
    apply: (design: Design) =>
      patchComponent(design, component.id, (c) => {
        if (role === 'records') {
          const next = { ...c, zones: zones.slice(0, Math.max(2, Math.min(zones.length, c.zones?.length ?? 0))) };
          return graph.props[i]!.ha === 'single' ? withProps(next, { ha: 'multi-az' }) : next;
        }
        if (role === 'cache') return withProps({ ...c, zones, replicas: Math.max(c.replicas ?? 1, 2) }, { automaticFailover: true });
        const instances = kind.capabilities.instances || kind.capabilities.deployable || c.replicas !== undefined;
        return instances ? { ...c, zones, replicas: Math.max(c.replicas ?? 1, zones.length) } : { ...c, zones };
      }),
  };
}

/** A patch that sets props on one component. */
export function setPropsFix(graph: DesignGraph, i: number, label: string, props: Record<string, unknown>): AutoFix {
  const id = graph.components[i]!.id;
  return { label, apply: (design: Design) => patchComponent(design, id, (c) => withProps(c, props)) };
}

/** Sorted component ids of a set of indices, in design order. */
export function idsOf(graph: DesignGraph, indices: Iterable<number>): string[] {
  return [...new Set(indices)].sort((a, b) => a - b).map((i) => graph.components[i]!.id);
}
