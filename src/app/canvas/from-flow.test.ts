import { describe, expect, it } from 'vitest';
import type { NodeChange } from '@xyflow/react';
import type { Design } from '../../model';
import {
  connectionEnds,
  dragEndMoves,
  dropPlacements,
  dropTargetAt,
  newRegionAnchor,
  NEW_REGION_GAP,
  paletteDrop,
  readEdgeSelection,
  readNodeChanges,
  regionDragMoves,
} from './from-flow';
import { createCanvasView, NODE_HEIGHT, NODE_WIDTH } from './geometry';
import { TWO_REGIONS } from './testing';
import { regionNodeId, type FlowNode } from './to-flow';

const model: Pick<Design, 'regions' | 'components' | 'connections'> = {
  ...TWO_REGIONS,
  // No position: the canvas gives it a fallback one, and a region drag moves it from there.
  components: [...TWO_REGIONS.components, { id: 'cache', kind: 'cache', region: 'east' }],
};
const layout = { east: { x: 0, y: 0 }, dns: { x: -400, y: 0 }, web: { x: 100, y: 80 }, db: { x: 400, y: 100 } };
const view = createCanvasView()(model, layout);
const east = view.regions[0]!;
const columnOf = (region: (typeof view.regions)[number], zone: string) => region.zones.find((z) => z.zone === zone)!;
/** The top-left corner of a node whose centre is in the middle of a zone column. */
const inColumn = (region: (typeof view.regions)[number], zone: string) => {
  const column = columnOf(region, zone);
  return { x: column.x + column.width / 2 - NODE_WIDTH / 2, y: column.y + column.height / 2 - NODE_HEIGHT / 2 };
};

describe('node changes', () => {
  it('keeps drag frames out of the document and writes a move without a drag', () => {
    const changes: NodeChange<FlowNode>[] = [
      { type: 'position', id: 'web', position: { x: 120.4, y: 90.6 }, dragging: true },
      { type: 'position', id: 'db', position: { x: 410.2, y: 99.8 }, dragging: false },
    ];
    const outcome = readNodeChanges(changes, { model, layout, view }, []);
    expect(outcome.dragFrames).toEqual({ web: { x: 120, y: 91 } });
    expect(outcome.moves).toEqual({ db: { x: 410, y: 100 } });
    expect(outcome.selection).toBeNull();
  });

  it('adds and removes components from the selection, never a region', () => {
    const changes: NodeChange<FlowNode>[] = [
      { type: 'select', id: 'db', selected: true },
      { type: 'select', id: 'web', selected: false },
      { type: 'select', id: regionNodeId('east'), selected: true },
    ];
    expect(readNodeChanges(changes, { model, layout, view }, ['web', 'dns']).selection).toEqual(['dns', 'db']);
  });

  it('moves a region dragged by its header with everything in it, by whole numbers', () => {
    const to = { x: east.x + 50.4, y: east.y - 19.6 };
    const moves = readNodeChanges([{ type: 'position', id: regionNodeId('east'), position: to, dragging: true }], { model, layout, view }, []).moves;
    expect(moves['east']).toEqual({ x: 50, y: -20 });
    expect(moves['web']).toEqual({ x: 150, y: 60 });
    expect(moves['db']).toEqual({ x: 450, y: 80 });
    expect(moves['cache']).toEqual({ x: view.positions['cache']!.x + 50, y: view.positions['cache']!.y - 20 });
    expect(moves['dns']).toBeUndefined();
    expect(regionDragMoves(model, layout, view, 'east', { x: east.x + 0.3, y: east.y })).toEqual({});
    expect(regionDragMoves(model, layout, view, 'gone', { x: 1, y: 1 })).toEqual({});
  });

  it('anchors a region without a layout entry where its box is', () => {
    const west = view.regions[1]!;
    const moves = regionDragMoves(model, layout, view, 'west', { x: west.x + 10, y: west.y + 10 });
    expect(moves).toEqual({ west: { x: Math.round(west.x) + 10, y: Math.round(west.y) + 10 } });
  });
});

describe('edge changes', () => {
  it('reads selection changes and ignores the rest', () => {
    expect(readEdgeSelection([{ type: 'select', id: 'web->db:sync', selected: true }], ['dns->web:sync'])).toEqual(['dns->web:sync', 'web->db:sync']);
    expect(readEdgeSelection([{ type: 'select', id: 'dns->web:sync', selected: false }], ['dns->web:sync'])).toEqual([]);
    expect(readEdgeSelection([{ type: 'remove', id: 'dns->web:sync' }], ['dns->web:sync'])).toBeNull();
  });
});

describe('the end of a drag', () => {
  it('writes where the dragged components ended, not regions', () => {
    const dragged = [
      { id: 'web', type: 'component' as const, position: { x: 10.6, y: 20.2 } },
      { id: regionNodeId('east'), type: 'region' as const, position: { x: 0, y: 0 } },
    ];
    expect(dragEndMoves(dragged)).toEqual({ web: { x: 11, y: 20 } });
  });

  it('drops a component into the zone column under its centre, and leaves one dropped in its own zone alone', () => {
    const placements = dropPlacements(model, { web: inColumn(east, 'c'), db: inColumn(east, 'b') }, view.regions);
    expect(placements).toEqual({ web: { region: 'east', zones: ['c'] } });
  });

  it('judges a component spanning zones by the middle of its own width', () => {
    // db spans zones a and b: dragged 40 px right of where it sits, its middle is in b, though a
    // box of one zone's width there would have its middle in a.
    const db = view.scene.nodeById.get('db')!;
    const at = { x: columnOf(east, 'c').x, y: db.y };
    expect(dropPlacements(model, { db: at }, view.regions, new Map([['db', { width: db.width, height: db.height }]]))).toEqual({ db: { region: 'east', zones: ['c'] } });
    expect(dropTargetAt(view.regions, { type: 'component', position: { x: db.x + 40, y: db.y }, width: db.width, height: db.height })).toEqual({ region: 'east', zone: 'b' });
    expect(dropTargetAt(view.regions, { type: 'component', position: { x: db.x + 40, y: db.y } })).toEqual({ region: 'east', zone: 'a' });
  });

  it('moves a component to another region, and a global-capable one out of its region', () => {
    const west = view.regions[1]!;
    expect(dropPlacements(model, { web: inColumn(west, 'b') }, view.regions)).toEqual({ web: { region: 'west', zones: ['b'] } });
    // A regional kind dropped outside every region stays where it was placed.
    expect(dropPlacements(model, { web: { x: -2000, y: -2000 } }, view.regions)).toEqual({});
    // A global kind dropped into a region stays global.
    expect(dropPlacements(model, { dns: inColumn(east, 'a') }, view.regions)).toEqual({});
  });

  it('highlights the zone column a dragged component would drop into', () => {
    expect(dropTargetAt(view.regions, { type: 'component', position: inColumn(east, 'b') })).toEqual({ region: 'east', zone: 'b' });
    expect(dropTargetAt(view.regions, { type: 'component', position: { x: -2000, y: -2000 } })).toBeNull();
    expect(dropTargetAt(view.regions, { type: 'region', position: inColumn(east, 'b') })).toBeNull();
  });
});

describe('connections and the palette', () => {
  it('turns a drawn connection into its ends, refusing loops and loose ends', () => {
    expect(connectionEnds({ source: 'web', target: 'db' })).toEqual({ from: 'web', to: 'db' });
    expect(connectionEnds({ source: 'web', target: 'web' })).toBeUndefined();
    expect(connectionEnds({ source: 'web', target: '' })).toBeUndefined();
  });

  it('centres a kind dropped from the palette on the pointer, in the zone column under it unless the kind is global', () => {
    const column = columnOf(east, 'b');
    const point = { x: column.x + column.width / 2, y: column.y + column.height / 2 };
    expect(paletteDrop('regional', point, view.regions)).toEqual({ region: 'east', zones: ['b'], position: { x: Math.round(point.x - NODE_WIDTH / 2), y: Math.round(point.y - NODE_HEIGHT / 2) } });
    expect(paletteDrop('global', point, view.regions)).toEqual({ position: { x: Math.round(point.x - NODE_WIDTH / 2), y: Math.round(point.y - NODE_HEIGHT / 2) } });
    expect(paletteDrop('regional', { x: -5000, y: -5000 }, view.regions)).toEqual({ position: { x: -5000 - NODE_WIDTH / 2, y: -5000 - NODE_HEIGHT / 2 } });
  });

  it('anchors a new region right of the rightmost one, level with the first', () => {
    const right = Math.max(...view.regions.map((r) => r.x + r.width));
    expect(newRegionAnchor(view.regions)).toEqual({ x: right + NEW_REGION_GAP, y: east.y });
    expect(newRegionAnchor([])).toBeUndefined();
  });
});
