import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../catalog';
import { edits } from '../../model';
import { graphOf } from '../graph';
import { applyFailure } from './failure';
import { failureScenarios } from './scenarios';

describe('the zone and region scenarios', () => {
  it('list the components a zone loss degrades in id order, short lists and long ones alike', () => {
    const design = syntheticDesign(1000, 1);
    // The same ids, and one more: the id order is worked out again for the new set.
    const added = edits.addComponent(design, { id: 'a-added-cache', kind: 'cache', region: design.regions[0]!.id, zones: design.regions[0]!.zones });
    let long = 0;
    for (const revision of [design, added]) {
      const graph = graphOf(revision);
      for (const scenario of failureScenarios(graph)) {
        if (scenario.kind !== 'zone' && scenario.kind !== 'region') continue;
        const failed = applyFailure(graph, scenario.failure);
        const expected = [...failed.lostZones.keys()].map((i) => graph.components[i]!.id).sort();
        expect(scenario.degradedComponents, scenario.id).toStrictEqual(expected);
        if (expected.length > 100) long += 1;
      }
    }
    // The long lists are the ones sorted by the ids' order rather than directly.
    expect(long).toBeGreaterThan(0);
  });
});
