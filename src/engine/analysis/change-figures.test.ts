import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedTemplates } from '../../../templates/shipped';
import { kindOf, loadDesign, REMEDIES, syntheticDesign } from '../../catalog';
import { connectionId, edits, type ConnectionMode, type Design } from '../../model';
import { buildGraph } from '../graph';
import { applyPatch, patchComponent } from '../rules/types';
import { analyzeDesign } from './analyze';
import { analyzeChangeFigures, designFigures, type DesignFigures } from './change';

const { addComponent, addConnection, removeItems, setComponentRegion, toggleComponentZone, updateComponent } = edits;

/**
 * The what-ifs of the proposal and the app analyse a change from the figures before it, and those
 * from the figures before them: a zone or region scenario where the change runs is patched from
 * the one before (its down and degraded lists, the losses of the stores the change reaches), a
 * component's own scenarios are taken over by position, and the graph's placement lists are made
 * again only where a component moved. Whatever the chain of edits, the figures must read exactly as
 * those of the design analysed from nothing (a deep copy, so nothing is shared).
 */

const MODES: readonly ConnectionMode[] = ['sync', 'async', 'replication', 'backup'];

/** One random edit of the kinds the app and the automatic fixes make, picked by three numbers. */
function edit(design: Design, what: number, a: number, b: number): Design {
  const components = design.components;
  const x = components[a % components.length]!;
  const y = components[b % components.length]!;
  const region = design.regions.find((r) => r.id === x.region);
  switch (what) {
    case 0:
      return region ? toggleComponentZone(design, x.id, region.zones[b % region.zones.length]!) : design;
    case 1: {
      // Half the time a backup vault moves: the losses of the stores that back up to it move with it.
      const vaults = design.connections.filter((c) => c.mode === 'backup').map((c) => c.to);
      const moving = b % 2 === 0 && vaults.length > 0 ? components.find((c) => c.id === vaults[a % vaults.length])! : x;
      const other = design.regions[b % design.regions.length]!;
      return other.id !== moving.region && moving.region !== undefined ? setComponentRegion(design, moving.id, other.id) : design;
    }
    case 2:
      return addConnection(design, { from: x.id, to: y.id, mode: MODES[b % MODES.length]! });
    case 3:
      return design.connections.length > 0 ? removeItems(design, [], [connectionId(design.connections[a % design.connections.length]!)]) : design;
    case 4: {
      const patch = kindOf(x).remedy(REMEDIES[b % REMEDIES.length]!, x, { zones: region?.zones ?? [], regions: design.regions.map((r) => r.id), hours: 48 });
      return patch ? patchComponent(design, x.id, (c) => applyPatch(c, patch)) : design;
    }
    case 5:
      return patchComponent(design, x.id, (c) => ({ ...c, replicas: 1 + (b % 4) }));
    case 6: {
      // An automatic fix of the design as it stands (the proposal's what-ifs try these).
      const fixes = analyzeDesign(design).findings.filter((f) => f.autoFix);
      return fixes.length > 0 ? fixes[b % fixes.length]!.autoFix!.apply(design) : design;
    }
    case 7:
      return updateComponent(design, x.id, (c) => ({ ...c, name: `Renamed ${b}` }));
    default: {
      const id = `added-${design.components.length}`;
      const kind = ['relational-db', 'cache', 'object-storage', 'app-service'][b % 4]!;
      return addConnection(addComponent(design, { id, kind, region: x.region, zones: x.zones }), { from: x.id, to: id, mode: MODES[a % MODES.length]! });
    }
  }
}

/** The figures as text: every journey and scenario, field by field, as the analysis JSON writes them. */
const text = (figures: Pick<DesignFigures, 'journeys' | 'scenarios'>) => JSON.stringify({ journeys: figures.journeys, scenarios: figures.scenarios });

/** Runs `steps` edits from `start`, each analysed from the figures before it, and expects the figures from nothing. */
function expectChainSame(start: Design, steps: readonly (readonly [number, number, number])[]): number {
  let design = start;
  let figures: DesignFigures = designFigures(design);
  let incremental = 0;
  for (const [what, a, b] of steps) {
    const after = edit(design, what, a, b);
    const changed = analyzeChangeFigures(design, figures, after);
    const fresh = designFigures(structuredClone(after));
    expect(text(changed), `edit ${what} ${a} ${b}`).toBe(text(fresh));
    // The placement lists a moved component's zones and region are patched in: as a graph built from nothing.
    const built = buildGraph(structuredClone(after));
    expect(new Map([...changed.graph.byZone].sort()), `zones after edit ${what}`).toEqual(new Map([...built.byZone].sort()));
    expect(new Map([...changed.graph.byRegion].sort()), `regions after edit ${what}`).toEqual(new Map([...built.byRegion].sort()));
    if (changed.incremental) incremental += 1;
    design = after;
    figures = changed;
  }
  return incremental;
}

const steps = fc.array(fc.tuple(fc.nat(8), fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 });

describe('the figures of a change, from the figures before it', () => {
  it('equal the figures from nothing over runs of random edits of generated designs', () => {
    let incremental = 0;
    let changes = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), steps, (seed, run) => {
        incremental += expectChainSame(syntheticDesign(40 + (seed % 160), seed), run);
        changes += run.length;
      }),
      { numRuns: 40 },
    );
    // The runs exercise the reuse, not only the analysis in full.
    expect(incremental).toBeGreaterThan(changes / 2);
  }, 120_000);

  const readOffRoute = loadDesign(readFileSync(join(import.meta.dirname, 'fixtures', 'read-off-route.yaml'), 'utf8'));
  if (!readOffRoute.ok) throw new Error('fixtures/read-off-route.yaml does not load');
  describe.each([...shippedTemplates(), ['fixtures/read-off-route.yaml', readOffRoute.design] as const])('on %s', (_file, design) => {
    it('equal the figures from nothing over runs of random edits', () => {
      fc.assert(
        fc.property(steps, (run) => {
          expectChainSame(design, run);
        }),
        { numRuns: 12 },
      );
    }, 60_000);
  });
});
