import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../catalog';
import { GRAPH_CACHE_SIZE, graphOf } from './graph';

describe('graphOf', () => {
  it('builds a design revision\'s graph once while it is in use', () => {
    const design = syntheticDesign(20, 1);
    const graph = graphOf(design);
    expect(graphOf(design)).toBe(graph);
    expect(graphOf(graph)).toBe(graph);
  });

  it('does not keep the graph of every revision alive: an undo history of a large design would hold them all', () => {
    const design = syntheticDesign(20, 1);
    const first = graphOf(design);
    // Revisions as the app makes them: a new design object per edit.
    for (let i = 0; i < GRAPH_CACHE_SIZE; i += 1) graphOf({ ...design, name: `revision ${i}` });
    expect(graphOf(design)).not.toBe(first);
  });

  it('keeps a graph in use while others come and go (a proposal tries each fix against the same design)', () => {
    const design = syntheticDesign(20, 1);
    const base = graphOf(design);
    for (let i = 0; i < GRAPH_CACHE_SIZE * 3; i += 1) {
      graphOf({ ...design, name: `fix ${i}` });
      expect(graphOf(design)).toBe(base);
    }
  });
});
