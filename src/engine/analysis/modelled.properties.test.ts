import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findKind, loadDesign, syntheticDesign } from '../../catalog';
import type { Component, Connection, Design } from '../../model';
import { buildGraph } from '../graph';
import { journeysAvailability } from './availability';

/** Modelled availability of each journey, by id. */
function modelled(design: Design): Map<string, number> {
  return new Map(journeysAvailability(buildGraph(design)).map((j) => [j.id, j.modelled?.availability ?? -1]));
}

/** Every journey of `more` is at least as available as in `less` (to rounding). */
function neverLower(less: Design, more: Design): void {
  const before = modelled(less);
  // Figures are rounded to 6 decimals of a percent: equal downtimes can differ by that much.
  for (const [id, after] of modelled(more)) expect(after, id).toBeGreaterThanOrEqual(before.get(id)! - 1e-5);
}

const withComponent = (design: Design, id: string, change: (c: Component) => Component): Design => ({ ...design, components: design.components.map((c) => (c.id === id ? change(c) : c)) });

/** A zone of its region the component does not run in yet, when there is one. */
function addZone(design: Design, c: Component): Design | undefined {
  const region = design.regions.find((r) => r.id === c.region);
  const zones = c.zones ?? (region ? [region.zones[0]!] : []);
  const next = region?.zones.find((z) => !zones.includes(z));
  return next ? withComponent(design, c.id, (x) => ({ ...x, zones: [...zones, next] })) : undefined;
}

function addReplica(design: Design, c: Component): Design | undefined {
  const kind = findKind(c.kind)!;
  if (!(kind.capabilities.instances || kind.capabilities.deployable)) return undefined;
  return withComponent(design, c.id, (x) => ({ ...x, replicas: (x.replicas ?? 1) + 1 }));
}

/** A database without a standby gets one; a cache without failover gets a replica that takes over. */
function addStandby(design: Design, c: Component): Design | undefined {
  const props = c.props ?? {};
  if (c.kind === 'relational-db' && (props.ha ?? 'single') === 'single') return withComponent(design, c.id, (x) => ({ ...x, props: { ...props, ha: 'multi-az' } }));
  if (c.kind === 'cache' && ((x) => x < 2)(c.replicas ?? 1)) return withComponent(design, c.id, (x) => ({ ...x, replicas: 2, props: { ...props, automaticFailover: true } }));
  return undefined;
}

/**
 * A warm standby region: a copy of every regional component in a second region, reached from the
 * same global components, each stateful or deployable original replicating to its copy.
 */
function addWarmStandby(design: Design): Design {
  const primary = design.regions[0]!;
  const standby = { id: 'standby', location: 'us-west-2', role: 'secondary' as const, strategy: 'warm-standby' as const, zones: [...primary.zones] };
  const regional = design.components.filter((c) => c.region === primary.id);
  const copyId = new Map(regional.map((c) => [c.id, `standby-${c.id}`]));
  const copies: Component[] = regional.map((c) => {
    const props = { ...(c.props ?? {}) };
    // Settings that name the primary's regions do not carry over to the copy.
    for (const key of ['replicateToRegion', 'copyToRegion']) delete props[key];
    if (typeof props.backup === 'object' && props.backup !== null) props.backup = { ...(props.backup as object), copyToRegion: undefined };
    return { ...c, id: copyId.get(c.id)!, region: standby.id, props };
  });
  const connections: Connection[] = [...design.connections];
  for (const c of design.connections) {
    if (c.mode !== 'sync' && c.mode !== 'async') continue;
    const from = copyId.get(c.from) ?? (design.components.find((x) => x.id === c.from)?.region === undefined ? c.from : undefined);
    const to = copyId.get(c.to) ?? (design.components.find((x) => x.id === c.to)?.region === undefined ? c.to : undefined);
    if (from && to && (from !== c.from || to !== c.to)) connections.push({ ...c, from, to });
  }
  for (const c of regional) {
    const kind = findKind(c.kind)!;
    if (kind.capabilities.stateful || kind.capabilities.deployable) connections.push({ from: c.id, to: copyId.get(c.id)!, mode: 'replication' });
  }
  const unique = new Map(connections.map((c) => [`${c.from}->${c.to}:${c.mode}`, c]));
  return { ...design, regions: [...design.regions, standby], components: [...design.components, ...copies], connections: [...unique.values()] };
}

function template(name: string): Design {
  const result = loadDesign(readFileSync(new URL(`../../../templates/${name}.yaml`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(name);
  return result.design;
}

/**
 * The properties hold where failed instances are taken out of rotation. Without health checks a new
 * zone is one more place for a share of the traffic to go dead until someone notices, and the model
 * says so: spreading such a tier can cost more than it buys, which is what the no-health-checks rule is for.
 */
function healthChecked(design: Design): Design {
  return { ...design, components: design.components.map((c) => (c.props?.healthChecks === false ? { ...c, props: { ...c.props, healthChecks: true } } : c)) };
}

const MUTATIONS = { zone: addZone, replica: addReplica, standby: addStandby } as const;

describe('modelled availability never drops when the design gets more redundant', () => {
  it('adding a zone, a replica or a standby to any component never lowers a journey; removing one never raises it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 60 }), fc.integer({ min: 1, max: 500 }), fc.nat(), fc.constantFrom(...(Object.keys(MUTATIONS) as (keyof typeof MUTATIONS)[])), (size, seed, pick, mutation) => {
        const base = syntheticDesign(size, seed);
        const candidates = base.components.filter((c) => c.region !== undefined);
        const component = candidates[pick % candidates.length]!;
        const more = MUTATIONS[mutation](base, component);
        fc.pre(more !== undefined);
        // `base` is `more` with the zone, replica or standby removed: the same comparison read backwards.
        neverLower(base, more!);
      }),
      { numRuns: 120 },
    );
  });

  it('the same on the reference templates, one mutation after another', () => {
    const templates = ['first-launch-common-mistakes', 'single-region-multi-az', 'multi-region-active-passive'].map(template).map(healthChecked);
    fc.assert(
      fc.property(fc.constantFrom(...templates), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...(Object.keys(MUTATIONS) as (keyof typeof MUTATIONS)[]))), { minLength: 1, maxLength: 4 }), (start, steps) => {
        let design = start;
        for (const [pick, mutation] of steps) {
          const candidates = design.components.filter((c) => c.region !== undefined);
          const next = MUTATIONS[mutation](design, candidates[pick % candidates.length]!);
          if (!next) continue;
          neverLower(design, next);
          design = next;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('adding a warm-standby region never lowers a journey, and removing it never raises one', () => {
    for (const name of ['first-launch-common-mistakes', 'single-region-multi-az', 'erp-on-kubernetes']) {
      const single = template(name);
      const dual = addWarmStandby(single);
      expect(loadDesign(JSON.stringify({ ...dual, ninesmith: 1 })).ok, name).toBe(true);
      neverLower(single, dual);
    }
    fc.assert(
      fc.property(fc.integer({ min: 16, max: 48 }), fc.integer({ min: 1, max: 300 }), (size, seed) => {
        const generated = syntheticDesign(size, seed);
        // One region of the generated design, then its warm standby.
        const single: Design = { ...generated, regions: [generated.regions[0]!], components: generated.components.filter((c) => c.region === undefined || c.region === 'primary') };
        const ids = new Set(single.components.map((c) => c.id));
        single.connections = generated.connections.filter((c) => ids.has(c.from) && ids.has(c.to));
        single.journeys = generated.journeys.filter((j) => ids.has(j.from) && j.needs.every((n) => ids.has(n)));
        neverLower(single, addWarmStandby(single));
      }),
      { numRuns: 40 },
    );
  });
});
