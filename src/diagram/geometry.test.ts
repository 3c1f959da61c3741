import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../catalog';
import type { Design } from '../model';
import { addConnection, moveLayout, removeItems, toggleComponentZone, updateComponent, updateRegion } from '../model/edits';
import { buildScene, nextScene, sceneChange, type Positions, type Scene } from './geometry';
import { gridLayout, simpleOrdering } from './layout';

/**
 * buildScene keeps the box of a component an edit left alone, and the elbow of a connection whose
 * two boxes it kept (geometry.ts, `regionalNodes` and `elbows`). These tests check that a scene
 * built after each kind of edit is the scene built from nothing for the edited design, so a box or
 * an elbow is never kept when what it was drawn from changed.
 */

/** The design rebuilt as fresh objects: nothing in it can be found in the scene's caches. */
const fresh = (design: Design): Design => structuredClone(design);

/** The scene as plain data, for comparing a scene built with the caches to one built without. */
const plain = (scene: Scene) => JSON.parse(JSON.stringify({ nodes: scene.nodes, regions: scene.regions, edges: scene.edges, bounds: scene.bounds })) as unknown;

function positionsOf(design: Design): Positions {
  return { ...gridLayout(design, simpleOrdering(design)), ...design.layout };
}

const base = (() => {
  const design = syntheticDesign(120, 3);
  return { ...design, layout: gridLayout(design, simpleOrdering(design)) };
})();

const appService = base.components.find((c) => c.kind === 'app-service' && (c.zones?.length ?? 0) > 1)!;
const anotherApp = base.components.find((c) => c.kind === 'app-service' && c.id !== appService.id)!;
const region = base.regions[0]!;

const edits: Record<string, (design: Design) => Design> = {
  'a component spread over fewer zones': (design) => updateComponent(design, appService.id, (c) => ({ ...c, zones: ['a'] })),
  'a zone toggled': (design) => toggleComponentZone(design, anotherApp.id, 'c'),
  'a component moved': (design) => moveLayout(design, { [appService.id]: { x: 40, y: (design.layout?.[appService.id]?.y ?? 0) + 300 } }),
  'a region moved': (design) => moveLayout(design, { [region.id]: { x: 900, y: 500 } }),
  'a zone added to a region': (design) => updateRegion(design, region.id, (r) => ({ ...r, zones: [...r.zones, 'd'] })),
  'a connection added': (design) => addConnection(design, { from: appService.id, to: anotherApp.id, mode: 'sync' }),
  'a component removed': (design) => removeItems(design, [anotherApp.id]),
};

describe('buildScene after an edit', () => {
  for (const [name, edit] of Object.entries(edits)) {
    it(`draws the same scene as from nothing: ${name}`, () => {
      buildScene(base, positionsOf(base), { route: false });
      const after = edit(base);
      const reused = buildScene(after, positionsOf(after), { route: false });
      const rebuilt = buildScene(fresh(after), positionsOf(after), { route: false });
      expect(plain(reused)).toEqual(plain(rebuilt));
    });
  }

  it('keeps the box of every component the edit left alone, and the elbows between them', () => {
    const before = buildScene(base, positionsOf(base), { route: false });
    const after = edits['a component spread over fewer zones']!(base);
    const scene = buildScene(after, positionsOf(after), { route: false });
    const changed = scene.nodes.filter((node) => before.nodeById.get(node.id) !== node).map((node) => node.id);
    expect(changed).toEqual([appService.id]);
    const touching = (id: string) => id.includes(appService.id);
    const redrawn = scene.edges.filter((edge) => !before.edges.includes(edge)).map((edge) => edge.id);
    expect(redrawn.length).toBeGreaterThan(0);
    expect(redrawn.every(touching)).toBe(true);
  });

  it('never keeps the box of a component being dragged', () => {
    buildScene(base, positionsOf(base), { route: false });
    const overlay = { [appService.id]: { x: 5, y: 7 } };
    const dragging = buildScene(base, positionsOf(base), { route: false, overlay });
    expect(dragging.nodeById.get(appService.id)).toMatchObject({ x: 5, y: 7 });
    const dropped = buildScene(base, positionsOf(base), { route: false });
    expect(plain(dropped)).toEqual(plain(buildScene(fresh(base), positionsOf(base), { route: false })));
  });
});

describe('nextScene, a scene worked out from the one before', () => {
  for (const [name, edit] of Object.entries(edits)) {
    it(`draws the same scene as from nothing: ${name}`, () => {
      const positions = positionsOf(base);
      const before = buildScene(base, positions, { route: false });
      const after = edit(base);
      // The same positions object while the layout is the one before, as the canvas hands it.
      const next = nextScene(before, after, after.layout === base.layout ? positions : positionsOf(after));
      expect(plain(next)).toEqual(plain(buildScene(fresh(after), positionsOf(after), { route: false })));
      expect([...next.nodeById.keys()]).toEqual(next.nodes.map((n) => n.id));
      if (after.layout === base.layout && after.regions === base.regions && after.connections === base.connections && after.components.length === base.components.length) expect(sceneChange(next)?.previous).toBe(before);
    });
  }

  it('redraws only the boxes of the components an edit changed and the elbows at them, and says which', () => {
    const positions = positionsOf(base);
    const before = buildScene(base, positions, { route: false });
    const after = edits['a component spread over fewer zones']!(base);
    expect(after.layout).toBe(base.layout);
    const next = nextScene(before, after, positions);
    const change = sceneChange(next)!;
    expect(change.previous).toBe(before);
    expect(change.nodes.map((index) => next.nodes[index]!.id)).toEqual([appService.id]);
    expect(next.nodes.filter((node, index) => node !== before.nodes[index]).map((node) => node.id)).toEqual([appService.id]);
    const redrawn = next.edges.filter((edge, index) => edge !== before.edges[index]);
    expect(redrawn.length).toBeGreaterThan(0);
    expect(change.edges.map((index) => next.edges[index])).toEqual(redrawn);
    expect(redrawn.every((edge) => edge.connection.from === appService.id || edge.connection.to === appService.id)).toBe(true);
    expect(next.regions).toBe(before.regions);
    // And from that scene on: the edit undone.
    const undone = nextScene(next, base, positions);
    expect(plain(undone)).toEqual(plain(buildScene(fresh(base), positions, { route: false })));
    expect(sceneChange(undone)!.previous).toBe(next);
  });

  it('builds from nothing when what changed is more than components\' fields', () => {
    const positions = positionsOf(base);
    const before = buildScene(base, positions, { route: false });
    const added = addConnection(base, { from: appService.id, to: anotherApp.id, mode: 'sync' });
    expect(sceneChange(nextScene(before, added, positions))).toBeUndefined();
    expect(sceneChange(nextScene(before, base, positionsOf(base)))).toBeUndefined();
    expect(sceneChange(nextScene(undefined, base, positions))).toBeUndefined();
  });
});
