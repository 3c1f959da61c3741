import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../catalog';
import { connectionId, type Design } from '../../model';
import { regionGeometries } from './geometry';
import { createProjection, isVerticalConnection, regionNodeId, type ProjectionInput } from './to-flow';

const none = new Set<string>();
const input = (design: Design, overrides: Partial<ProjectionInput> = {}): ProjectionInput => {
  const positions = overrides.positions ?? design.layout ?? {};
  return {
    model: design,
    positions,
    regions: regionGeometries(design, positions),
    selectedComponents: none,
    selectedConnections: none,
    overview: false,
    overlay: null,
    simpleEdges: false,
    dropTarget: null,
    ...overrides,
  };
};

describe('the to-flow projection', () => {
  const design = syntheticDesign(60, 3);

  it('draws every region as a container behind every component, with explicit sizes and handles', () => {
    const { nodes, edges } = createProjection()(input(design));
    expect(nodes.slice(0, 2).map((n) => n.id)).toEqual([regionNodeId('primary'), regionNodeId('secondary')]);
    const components = nodes.filter((n) => n.type === 'component');
    expect(components.map((n) => n.id)).toEqual(design.components.map((c) => c.id));
    for (const node of components) {
      expect(node.width).toBeGreaterThan(0);
      expect(node.handles?.length).toBe(4);
    }
    expect(edges.map((e) => e.id)).toEqual(design.connections.map(connectionId));
  });

  it('keeps the identity of every node and edge that did not change when one component moves', () => {
    const project = createProjection();
    const first = project(input(design));
    const moved = { ...design.layout, 'c0-app-service': { x: 5, y: 5 } };
    const second = project(input(design, { positions: moved }));
    const changed = second.nodes.filter((node, index) => node !== first.nodes[index]).map((n) => n.id);
    // The moved component, and its region box (which covers its members).
    expect(changed).toContain('c0-app-service');
    expect(changed.filter((id) => !id.startsWith('region:'))).toEqual(['c0-app-service']);
    const changedEdges = second.edges.filter((edge, index) => edge !== first.edges[index]);
    expect(changedEdges.every((e) => e.source === 'c0-app-service' || e.target === 'c0-app-service')).toBe(true);
  });

  it('replaces only the nodes whose selection changed', () => {
    const project = createProjection();
    const first = project(input(design));
    const second = project(input(design, { selectedComponents: new Set(['users']) }));
    const changed = second.nodes.filter((node, index) => node !== first.nodes[index]);
    expect(changed.map((n) => n.id)).toEqual(['users']);
    expect(changed[0]!.selected).toBe(true);
  });

  it('hides components and leaves out connections in the overview, keeping the regions', () => {
    const project = createProjection();
    const { nodes, edges } = project(input(design, { overview: true }));
    expect(nodes.filter((n) => n.type === 'component').every((n) => n.hidden)).toBe(true);
    expect(nodes.filter((n) => n.type === 'region').some((n) => n.hidden)).toBe(false);
    expect(edges).toEqual([]);
    // Back to the working view: every connection is there again.
    expect(project(input(design)).edges).toHaveLength(design.connections.length);
  });
});

describe('isVerticalConnection', () => {
  it('goes bottom to top when the target is well below, left to right otherwise', () => {
    expect(isVerticalConnection({ x: 0, y: 0 }, { x: 0, y: 300 })).toBe(true);
    expect(isVerticalConnection({ x: 0, y: 0 }, { x: 400, y: 100 })).toBe(false);
    expect(isVerticalConnection({ x: 0, y: 300 }, { x: 0, y: 0 })).toBe(false);
  });
});

describe('array identity', () => {
  it('returns the same edges array when a move touches no edge, and the same nodes array when nothing changed', () => {
    const design = syntheticDesign(60, 3);
    const project = createProjection();
    const first = project(input(design));
    const again = project(input(design));
    expect(again.nodes).toBe(first.nodes);
    expect(again.edges).toBe(first.edges);
    // `users` moves a little: no edge changes sides, so the edge list stays the same array.
    const moved = project(input(design, { positions: { ...design.layout, users: { x: 41, y: 40 } } }));
    expect(moved.edges).toBe(first.edges);
    expect(moved.nodes).not.toBe(first.nodes);
  });
});
