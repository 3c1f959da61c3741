import { expect, type Locator, type Page } from '@playwright/test';

/** The design document as the app holds it (a subset of the format's fields the specs read). */
export interface DesignSnapshot {
  name: string;
  regions: { id: string; name?: string; zones: string[] }[];
  components: { id: string; kind: string; region?: string; zones?: string[] }[];
  connections: { from: string; to: string; mode: string }[];
  layout?: Record<string, { x: number; y: number }>;
}

/**
 * The canvas, palette and keyboard as a user drives them: every action goes through the real
 * UI (mouse, keyboard, drag and drop) and the stable test ids; the document is read back through
 * the test API to assert what was edited.
 */
export class CanvasPage {
  readonly canvas: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('canvas');
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await this.waitForPaint();
  }

  async waitForPaint(): Promise<void> {
    await this.page.waitForFunction(() => performance.getEntriesByName('ninesmith:canvas-painted').length > 0);
  }

  /** Opens a design from text (as an import does) and waits for its nodes. */
  async load(text: string, firstNodeId?: string): Promise<void> {
    const result = await this.page.evaluate((t) => window.__ninesmith.loadDocumentText(t), text);
    expect(result.problems).toEqual([]);
    // The canvas shows a design once it has its layout and its first view.
    const designId = await this.page.evaluate(() => window.__ninesmith.getDesignId());
    await expect(this.canvas).toHaveAttribute('data-design-shown', designId);
    if (firstNodeId) await expect(this.node(firstNodeId)).toBeVisible();
  }

  document(): Promise<DesignSnapshot> {
    return this.page.evaluate(() => window.__ninesmith.getDocument());
  }

  async component(id: string) {
    return (await this.document()).components.find((c) => c.id === id);
  }

  async position(id: string) {
    return (await this.document()).layout?.[id];
  }

  node(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }

  edge(from: string, to: string): Locator {
    return this.page.getByTestId(`edge-${from}-${to}`);
  }

  lane(region: string, zone: string): Locator {
    return this.page.getByTestId(`zone-${region}-${zone}`);
  }

  paletteItem(kind: string): Locator {
    return this.page.getByTestId(`palette-item-${kind}`);
  }

  async searchPalette(text: string): Promise<void> {
    await this.page.getByTestId('palette-search').fill(text);
  }

  private async centre(locator: Locator, fraction = { x: 0.5, y: 0.5 }) {
    const box = await locator.boundingBox();
    if (!box) throw new Error('element is not on screen');
    return { x: box.x + box.width * fraction.x, y: box.y + box.height * fraction.y };
  }

  /** Drags a kind from the palette (HTML5 drag and drop) to a point within a target element. */
  async dragKindTo(kind: string, target: Locator, fraction = { x: 0.5, y: 0.5 }): Promise<void> {
    await this.paletteItem(kind).scrollIntoViewIfNeeded();
    const from = await this.centre(this.paletteItem(kind));
    const to = await this.centre(target, fraction);
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + 20, from.y + 5, { steps: 3 });
    await this.page.mouse.move(to.x, to.y, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Connects two components by dragging from the first one's output handle (bottom) to the second's input (top). */
  async connect(from: string, to: string): Promise<void> {
    const start = await this.centre(this.node(from).locator('.react-flow__handle-bottom'));
    const end = await this.centre(this.node(to).locator('.react-flow__handle-top'));
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
    await this.page.mouse.move(end.x, end.y, { steps: 5 });
    await this.page.mouse.up();
  }

  async click(id: string, modifiers: ('Shift' | 'Control')[] = []): Promise<void> {
    await this.node(id).locator('.ns-node-name').click({ modifiers });
  }

  /** Drags a node by (dx, dy) screen pixels in many small moves, as a hand does. */
  async dragNode(id: string, dx: number, dy: number, steps = 12): Promise<void> {
    const start = await this.centre(this.node(id).locator('.ns-node-name'));
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + dx, start.y + dy, { steps });
    await this.page.mouse.up();
  }

  /** Drags a node so that its centre ends over a point of another element (a zone lane). */
  async dragNodeInto(id: string, target: Locator, fraction = { x: 0.5, y: 0.5 }): Promise<void> {
    const start = await this.centre(this.node(id));
    const grab = await this.centre(this.node(id).locator('.ns-node-name'));
    const to = await this.centre(target, fraction);
    await this.page.mouse.move(grab.x, grab.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + (grab.x - start.x), to.y + (grab.y - start.y), { steps: 12 });
    await this.page.mouse.up();
  }

  /** Clicks the middle of a connection's path (edges are SVG curves; their box middle may miss). */
  async clickEdge(from: string, to: string): Promise<void> {
    const point = await this.edge(from, to)
      .locator('path.react-flow__edge-path')
      .evaluate((path: SVGPathElement) => {
        const length = path.getTotalLength();
        const p = path.getPointAtLength(length / 2);
        const matrix = path.getScreenCTM()!;
        return { x: p.x * matrix.a + p.y * matrix.c + matrix.e, y: p.x * matrix.b + p.y * matrix.d + matrix.f };
      });
    await this.page.mouse.click(point.x, point.y);
  }

  async setMode(mode: 'sync' | 'async' | 'replication' | 'backup'): Promise<void> {
    await this.page.getByTestId(`edge-mode-${mode}`).click();
  }

  /** Clicks an empty spot of the canvas (clears the selection). */
  async clickEmpty(): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('no canvas');
    await this.page.mouse.click(box.x + 30, box.y + box.height - 120);
  }

  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  async renameZone(region: string, zone: string, to: string): Promise<void> {
    await this.page.getByTestId(`zone-name-${region}-${zone}`).dblclick();
    const input = this.page.getByTestId(`zone-name-${region}-${zone}-input`);
    await input.fill(to);
    await input.press('Enter');
  }

  async renameRegion(region: string, to: string): Promise<void> {
    await this.page.getByTestId(`region-name-${region}`).dblclick();
    const input = this.page.getByTestId(`region-name-${region}-input`);
    await input.fill(to);
    await input.press('Enter');
  }

  async tidyUp(): Promise<void> {
    await this.page.getByTestId('tidy-up').click();
    await expect(this.page.getByTestId('tidy-up')).toHaveText('Tidy up');
  }
}
