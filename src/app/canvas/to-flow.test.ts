import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../catalog';
import { buildScene, completePositions, nextScene, type Positions, type Scene } from '../../diagram';
import { connectionId, type Design } from '../../model';
import { createProjection, regionNodeId, type ProjectionInput } from './to-flow';

const none = new Set<string>();
const scenes = new Map<Design, Map<Positions, Scene>>();
/** The scene of a design at some positions, built once per pair (as the canvas's view memo does). */
const sceneOf = (design: Design, positions: Positions = design.layout ?? {}): Scene => {
  let byPositions = scenes.get(design);
  if (!byPositions) scenes.set(design, (byPositions = new Map()));
  let scene = byPositions.get(positions);
  if (!scene) byPositions.set(positions, (scene = buildScene(design, completePositions(design, positions))));
  return scene;
};
const input = (design: Design, overrides: Partial<ProjectionInput> = {}): ProjectionInput => {
  return {
    scene: sceneOf(design),
    provider: design.provider,
    selectedComponents: none,
    selectedConnections: none,
    overview: false,
    overlay: null,
    simpleEdges: false,
    dropTarget: null,
    ...overrides,
  };
};

/** The design's positions with one component moved `dy` down from where its scene puts it. */
const movedDown = (design: Design, id: string, dy: number): Positions => {
  const at = sceneOf(design).nodeById.get(id)!;
  return { ...design.layout, [id]: { x: at.x, y: at.y + dy } };
};

describe('the to-flow projection', () => {
  const design = syntheticDesign(60, 3);

  it('draws every region as a container behind every component, with explicit sizes and handles', () => {
    const { nodes, edges } = createProjection()(input(design));
    expect(nodes.slice(0, 2).map((n) => n.id)).toEqual([regionNodeId('primary'), regionNodeId('secondary')]);
    const components = nodes.filter((n) => n.type === 'component');
    expect(components.map((n) => n.id).sort()).toEqual(design.components.map((c) => c.id).sort());
    const scene = sceneOf(design);
    for (const node of components) {
      const box = scene.nodeById.get(node.id)!;
      expect(node.width).toBe(box.width);
      expect(node.position).toEqual({ x: box.x, y: box.y });
      expect(node.handles?.map((h) => h.id)).toEqual(['in-top', 'out-bottom']);
    }
    expect(edges.map((e) => e.id)).toEqual(design.connections.map(connectionId));
    // Each connection is drawn along its route in the scene, kept beside the edges.
    const { routes } = createProjection()(input(design));
    for (const edge of edges) expect(routes.get(edge.id)).toBe(scene.edges.find((e) => e.id === edge.id)!.points);
  });

  it("puts a connection's classes and test id on React Flow's own edge element (no wrapper of its own)", () => {
    const connection = design.connections[0]!;
    const id = connectionId(connection);
    const { edges } = createProjection()(input(design, { selectedConnections: new Set([id]), simpleEdges: true }));
    const edge = edges.find((e) => e.id === id)!;
    expect(edge.className).toBe(`ns-edge ns-edge-${connection.mode} is-selected is-simple`);
    expect(edge.domAttributes).toEqual({ 'data-testid': `edge-${connection.from}-${connection.to}`, 'data-mode': connection.mode });
    const other = edges.find((e) => e.id !== id)!;
    expect(other.className).not.toContain('is-selected');
  });

  it('keeps the identity of every node and edge that did not change when one component moves', () => {
    const project = createProjection();
    const first = project(input(design));
    const moved = movedDown(design, 'c0-app-service', 5000);
    const second = project(input(design, { scene: sceneOf(design, moved) }));
    const changed = second.nodes.filter((node, index) => node !== first.nodes[index]).map((n) => n.id);
    // The moved component, and its region box (which grows to cover its members).
    expect(changed).toContain('c0-app-service');
    expect(changed.filter((id) => !id.startsWith('region:'))).toEqual(['c0-app-service']);
  });

  it('on a drag frame, replaces only the dragged node, and its connections once per drag, drawn from the handles', () => {
    const project = createProjection();
    const first = project(input(design));
    const frame = project(input(design, { overlay: { 'c0-app-service': { x: 3, y: 4 } } }));
    const changed = frame.nodes.filter((node, index) => node !== first.nodes[index]).map((n) => n.id);
    expect(changed).toEqual(['c0-app-service']);
    expect(frame.nodes.find((n) => n.id === 'c0-app-service')!.position).toEqual({ x: 3, y: 4 });
    const changedEdges = frame.edges.filter((edge, index) => edge !== first.edges[index]);
    expect(changedEdges.length).toBeGreaterThan(0);
    for (const edge of changedEdges) {
      expect(edge.source === 'c0-app-service' || edge.target === 'c0-app-service').toBe(true);
      // No route while dragging: the edge follows the node's handles.
      expect(edge.data!.free).toBe(true);
    }
    // The next frame of the same drag moves the node again but keeps the edges array.
    const next = project(input(design, { overlay: { 'c0-app-service': { x: 9, y: 12 } } }));
    expect(next.edges).toBe(frame.edges);
    expect(next.nodes.find((n) => n.id === 'c0-app-service')!.position).toEqual({ x: 9, y: 12 });
    // The drag ends where it began (no document change): the full build's arrays come back.
    const after = project(input(design));
    expect(after.nodes).toBe(first.nodes);
    expect(after.edges).toBe(first.edges);
  });

  it('keeps the drag frame\'s data object, and its edges array when the drop target changes mid-drag', () => {
    const project = createProjection();
    const first = project(input(design));
    const frame = project(input(design, { overlay: { 'c0-app-service': { x: 3, y: 4 } } }));
    const dragged = frame.nodes.find((n) => n.id === 'c0-app-service')!;
    expect(dragged.data).toBe(first.nodes.find((n) => n.id === 'c0-app-service')!.data);
    const region = sceneOf(design).regions[0]!.region.id;
    const over = project(input(design, { overlay: { 'c0-app-service': { x: 5, y: 6 } }, dropTarget: { region, zone: 'a' } }));
    // The region node is drawn again (its column is highlighted); no connection changed, so the edges stay.
    expect(over.nodes.find((n) => n.id === `region:${region}`)).not.toBe(frame.nodes.find((n) => n.id === `region:${region}`));
    expect(over.edges).toBe(frame.edges);
    expect(over.nodes.find((n) => n.id === 'c0-app-service')!.position).toEqual({ x: 5, y: 6 });
  });

  it('keeps the edges array when an edit moves routes but changes no connection, and hands the moved routes beside it', () => {
    const project = createProjection();
    const first = project(input(design));
    const moved = movedDown(design, 'c0-app-service', 400);
    const second = project(input(design, { scene: sceneOf(design, moved) }));
    // React Flow rebuilds its lookup of every connection for a new edges array: none is made here.
    expect(second.edges).toBe(first.edges);
    const movedRoutes = [...second.routes.keys()].filter((id) => second.routes.get(id) !== first.routes.get(id));
    // The moved component's connections moved (others may too: routes keep clear of its new place).
    const ownConnections = second.edges.filter((e) => e.source === 'c0-app-service' || e.target === 'c0-app-service').map((e) => e.id);
    expect(ownConnections.length).toBeGreaterThan(0);
    expect(movedRoutes).toEqual(expect.arrayContaining(ownConnections));
    for (const id of second.routes.keys()) expect(second.routes.get(id)).toEqual(sceneOf(design, moved).edges.find((e) => e.id === id)!.points);
    // An unchanged scene hands back the same routes.
    expect(project(input(design, { scene: sceneOf(design, moved), selectedComponents: new Set(['users']) })).routes).toBe(second.routes);
  });

  it('after a component is removed and another added, projects exactly what a new projection would, and drags the newcomer', () => {
    const project = createProjection();
    project(input(design));
    const gone = 'c0-app-service';
    const edited: Design = {
      ...design,
      components: [...design.components.filter((c) => c.id !== gone), { id: 'newcomer', kind: 'app-service', region: 'primary' }],
      connections: [...design.connections.filter((c) => c.from !== gone && c.to !== gone), { from: 'newcomer', to: 'c0-relational-db', mode: 'sync' }],
    };
    const after = project(input(edited));
    const fresh = createProjection()(input(edited));
    expect(after.nodes.map((n) => n.id)).toEqual(fresh.nodes.map((n) => n.id));
    expect(after.edges.map((e) => e.id)).toEqual(fresh.edges.map((e) => e.id));
    expect([...after.routes.keys()].sort()).toEqual([...fresh.routes.keys()].sort());
    for (const [id, route] of after.routes) expect(route).toEqual(fresh.routes.get(id));
    // The removed component's connections left no route behind; the newcomer's has one.
    expect([...after.routes.keys()].some((id) => id.includes(gone))).toBe(false);
    expect(after.edges.some((e) => e.source === 'newcomer' && e.target === 'c0-relational-db')).toBe(true);
    // The newcomer is in the caches a drag frame reads.
    const dragged = project(input(edited, { overlay: { newcomer: { x: 7, y: 9 } } }));
    expect(dragged.nodes.find((n) => n.id === 'newcomer')!.position).toEqual({ x: 7, y: 9 });
  });

  it('projects a scene worked out from the last one as a new projection of it would, replacing only what it redrew', () => {
    const project = createProjection();
    const positions = completePositions(design, design.layout ?? {});
    const before = buildScene(design, positions, { route: false });
    const first = project(input(design, { scene: before, simpleEdges: true }));
    const id = 'c0-app-service';
    const edited: Design = { ...design, components: design.components.map((c) => (c.id === id ? { ...c, zones: ['a'] } : c)) };
    const scene = nextScene(before, edited, positions);
    const after = project(input(edited, { scene, simpleEdges: true }));
    const fresh = createProjection()(input(edited, { scene: buildScene(edited, positions, { route: false }), simpleEdges: true }));
    expect(after.nodes.map((n) => ({ id: n.id, position: n.position, width: n.width, data: n.data }))).toEqual(fresh.nodes.map((n) => ({ id: n.id, position: n.position, width: n.width, data: n.data })));
    expect(after.edges).toBe(first.edges);
    expect([...after.routes]).toEqual([...fresh.routes]);
    expect(after.nodes.filter((node, index) => node !== first.nodes[index]).map((node) => node.id)).toEqual([id]);
    const moved = [...after.routes.keys()].filter((edge) => after.routes.get(edge) !== first.routes.get(edge));
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((edge) => edge.includes(id))).toBe(true);
    // The routes handed before are left as they were.
    for (const [edge, route] of first.routes) expect(route).toBe(before.edges.find((e) => e.id === edge)!.points);
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

describe('array identity', () => {
  it('returns the same arrays when nothing changed, and the same edges array on a drag frame of an unconnected node', () => {
    const design = syntheticDesign(60, 3);
    const project = createProjection();
    const first = project(input(design));
    const again = project(input(design));
    expect(again.nodes).toBe(first.nodes);
    expect(again.edges).toBe(first.edges);
    const lonely = { ...design, components: [...design.components, { id: 'lonely', kind: 'observability' }] };
    const base = project(input(lonely));
    const moved = project(input(lonely, { overlay: { lonely: { x: 41, y: 40 } } }));
    expect(moved.edges).toBe(base.edges);
    expect(moved.nodes).not.toBe(base.nodes);
  });
});
