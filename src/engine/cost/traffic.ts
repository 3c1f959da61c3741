import type { Component, Connection, Design, Region } from '../../model';
import { HOURS_PER_MONTH, type Traffic } from './ledger';
import { formatCount, formatNumber } from './numbers';

/** Seconds in a priced month (730 hours). */
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;
/** Assumed average load as a share of the peak, when the design does not say (users' `averageToPeakPercent`). */
export const DEFAULT_AVERAGE_TO_PEAK_PERCENT = 25;
/** Assumed average response size, when the design does not say (users' `responseKb`). */
export const DEFAULT_RESPONSE_KB = 20;

/** A users component's stated peak and the assumptions that turn it into monthly requests. */
export interface TrafficSource {
  id: string;
  peakPerSecond: number;
  averageToPeakPercent: number;
  responseKb: number;
}

const REQUEST_MODES: ReadonlySet<Connection['mode']> = new Set(['sync', 'async']);

const count = formatCount;

/**
 * Requests that reach each component from the design's users: each users component's peak rate,
 * times its average-to-peak share, times the seconds in a month, carried along request
 * connections (sync and async). Where a component sends to components of one kind in different
 * regions (regional alternatives behind DNS), the share is split evenly over those in primary or
 * active regions (a secondary region's copy takes none until a failover); otherwise every target
 * receives all of it. One pass per users component, in
 * breadth-first order: O(V + E) each.
 */
export function designTraffic(
  design: Design,
  sources: readonly TrafficSource[],
  outgoing: ReadonlyMap<string, readonly Connection[]>,
  /** Per component id: its position in design.components. */
  positions: ReadonlyMap<string, number>,
  /** Components that serve users from the provider's edge (a CDN): what lies behind them is reached through it. */
  edges: ReadonlySet<string>,
): Map<string, Traffic> {
  const regions = new Map<string, Region>(design.regions.map((r) => [r.id, r]));
  const result = new Map<string, Traffic>();
  for (const source of sources) {
    if (!(source.peakPerSecond > 0)) continue;
    const monthly = source.peakPerSecond * (source.averageToPeakPercent / 100) * SECONDS_PER_MONTH;
    const base = `${formatNumber(source.peakPerSecond)} req/s peak (${source.id}) x ${source.averageToPeakPercent}% average-to-peak x ${formatNumber(SECONDS_PER_MONTH)} s a month`;
    const share = new Map<string, number>([[source.id, 1]]);
    const queue: string[] = [source.id];
    const seen = new Set<string>([source.id]);
    const behindEdge = new Set<string>();
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      const own = share.get(id) ?? 0;
      const byKind = new Map<string, Component[]>();
      for (const connection of outgoing.get(id) ?? []) {
        if (!REQUEST_MODES.has(connection.mode)) continue;
        const at = positions.get(connection.to);
        if (at === undefined) continue;
        const target = design.components[at]!;
        const group = byKind.get(target.kind);
        if (group) group.push(target);
        else byKind.set(target.kind, [target]);
      }
      for (const group of byKind.values()) {
        // Alternatives in different regions share the traffic; different things in one region each get all of it.
        const alternatives = new Set(group.map((c) => c.region)).size > 1;
        const serving = alternatives ? group.filter((c) => c.region === undefined || regions.get(c.region)?.role !== 'secondary') : group;
        const receivers = serving.length > 0 ? serving : group;
        const each = alternatives ? own / receivers.length : own;
        for (const target of receivers) {
          // Several paths into one component count its users' requests once: fan-out is not modelled.
          share.set(target.id, Math.min(1, (share.get(target.id) ?? 0) + each));
          if (behindEdge.has(id) || edges.has(id)) behindEdge.add(target.id);
          if (!seen.has(target.id)) {
            seen.add(target.id);
            queue.push(target.id);
          }
        }
      }
    }
    for (const [id, fraction] of share) {
      if (id === source.id || fraction <= 0) continue;
      const requests = monthly * fraction;
      const split = fraction === 1 ? '' : ` x ${Number(fraction.toFixed(4))} (its share where traffic splits over regions)`;
      const derivation = `${base}${split} = ${count(requests)} requests a month`;
      const previous = result.get(id);
      if (previous) {
        const total = previous.requestsPerMonth + requests;
        result.set(id, { requestsPerMonth: total, averagePerSecond: total / SECONDS_PER_MONTH, responseKb: previous.responseKb, derivation: `${previous.derivation}; plus ${derivation}`, behindEdge: previous.behindEdge && behindEdge.has(id) });
      } else {
        result.set(id, { requestsPerMonth: requests, averagePerSecond: requests / SECONDS_PER_MONTH, responseKb: source.responseKb, derivation, behindEdge: behindEdge.has(id) });
      }
    }
  }
  return result;
}
