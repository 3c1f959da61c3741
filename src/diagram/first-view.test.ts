import { describe, expect, it } from 'vitest';
import { shippedTemplates } from '../../templates/shipped';
import { syntheticDesign } from '../catalog';
import { firstView, LEGIBLE_ZOOM } from './first-view';
import { buildScene, type Rect } from './geometry';
import { completePositions, gridLayout, simpleOrdering } from './layout';

const templates = shippedTemplates();

/** The app's canvas pane beside its palette and panels in a 1280 x 800 window. */
const CANVAS = { width: 680, height: 710 };

/** Where a box in the diagram lands on screen under `view`. */
function onScreen(rect: Rect, view: { x: number; y: number; zoom: number }): Rect {
  return { x: view.x + rect.x * view.zoom, y: view.y + rect.y * view.zoom, width: rect.width * view.zoom, height: rect.height * view.zoom };
}

describe('the first view', () => {
  it.each(templates)('%s: legible, with the first region\'s border and name on screen and the users at the top', (_file, design) => {
    const scene = buildScene(design, completePositions(design, design.layout ?? {}));
    const view = firstView(scene, CANVAS);
    expect(view.zoom).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
    const region = onScreen(scene.regions[0]!, view);
    expect(region.x, 'the region box starts inside the canvas, with a margin').toBeGreaterThanOrEqual(16);
    expect(region.y).toBeGreaterThanOrEqual(16);
    expect(region.y).toBeLessThan(CANVAS.height / 2);
    const users = scene.nodes.find((node) => node.component.kind === 'users');
    if (users) {
      const box = onScreen(users, view);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(CANVAS.height);
    }
  });

  it('a large generated design opens on its request path at a legible zoom, the region corner on screen', () => {
    const design = syntheticDesign(1000, 1);
    const scene = buildScene(design, gridLayout(design, simpleOrdering(design)), { route: false });
    const view = firstView(scene, CANVAS);
    expect(view.zoom).toBeGreaterThanOrEqual(LEGIBLE_ZOOM);
    const region = onScreen(scene.regions[0]!, view);
    expect(region.x).toBeGreaterThanOrEqual(16);
    expect(region.x).toBeLessThan(CANVAS.width);
  });

  it('an empty design opens centred at 100%', () => {
    const scene = buildScene({ regions: [], components: [], connections: [] }, {});
    expect(firstView(scene, CANVAS)).toEqual({ x: CANVAS.width / 2, y: CANVAS.height / 2, zoom: 1 });
  });
});
