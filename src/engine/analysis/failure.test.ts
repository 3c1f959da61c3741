import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../catalog';
import { graphOf, zoneKey } from '../graph';
import { applyFailure, applyFailureOver, type Failure, type FailureState } from './failure';

/** The state of each given component: down, degraded, and the zones it lost. */
function stateOf(state: FailureState, indices: readonly number[]) {
  return indices.map((i) => ({ i, down: state.down[i], degraded: state.degraded[i], lost: state.lostZones.has(i) ? [...state.lostZones.get(i)!].sort() : undefined }));
}

describe('a failure applied to some components only', () => {
  it('gives each of them the state the failure applied to the whole design gives it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 200 }), fc.integer({ min: 1, max: 1000 }), fc.nat(), fc.nat(), fc.nat(), (size, seed, a, b, c) => {
        const graph = graphOf(syntheticDesign(size, seed));
        const regions = graph.design.regions;
        const region = regions[a % regions.length]!;
        const other = regions[b % regions.length]!;
        const zones = [zoneKey(region.id, region.zones[a % region.zones.length]!), zoneKey(region.id, region.zones[b % region.zones.length]!), zoneKey(other.id, other.zones[c % other.zones.length]!)];
        const failures: Failure[] = [
          { zones: zones.slice(0, 1) },
          { zones: zones.slice(0, 2) },
          { zones },
          { regions: [region.id] },
          { regions: [other.id], zones },
          { components: [graph.components[c % size]!.id], zones: zones.slice(0, 1) },
        ];
        // Every component, and a scattered few of them.
        const all = graph.components.map((_, i) => i);
        const some = all.filter((i) => (i + a) % 7 === 0);
        for (const failure of failures) {
          const whole = applyFailure(graph, failure);
          for (const indices of [all, some]) {
            const over = applyFailureOver(graph, failure, indices);
            expect(stateOf(over, indices)).toStrictEqual(stateOf(whole, indices));
            expect(over.downIndices).toStrictEqual(whole.downIndices.filter((i) => indices.includes(i)));
            expect(over.failedZones).toStrictEqual(whole.failedZones);
            expect(over.failedRegions).toStrictEqual(whole.failedRegions);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
