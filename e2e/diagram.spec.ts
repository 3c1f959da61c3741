import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { ExportPanel } from './pages/export-panel';
import { exportScene, requestPathNodes } from '../src/diagram';
import { readDesignText } from '../src/model';

/**
 * The diagram as a user sees it and takes it away (issue 11): every template's first view is
 * legible and matches its committed picture; the Export panel's Diagram block downloads the design
 * or the selection as SVG, PNG and draw.io, and the SVG matches its committed picture.
 *
 * `UPDATE_README_SCREENSHOT=1` also writes the first view of a first run to docs/screenshot.png,
 * the README's picture.
 */

const TEMPLATES = [
  'single-region-multi-az',
  'multi-region-active-passive',
  'multi-region-active-active',
  'event-driven-active-passive',
  'erp-on-kubernetes',
  'multi-tenant-with-dedicated-cell',
  'first-launch-common-mistakes',
];

const templateText = (stem: string) => readFileSync(new URL(`../templates/${stem}.yaml`, import.meta.url), 'utf8');

/**
 * The smallest text size on the canvas, in CSS pixels on screen (font size times zoom): every
 * text the diagram draws, names and kinds, the zone chips and finding badges on the nodes, and the
 * regions' and zones' captions and buttons.
 */
async function smallestLabelPx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const zoom = window.__ninesmith.getViewport()?.zoom ?? 1;
    const viewport = document.querySelector('.react-flow__viewport')!;
    const sizes: number[] = [];
    const walker = document.createTreeWalker(viewport, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const element = text.parentElement;
      if (!element || text.textContent!.trim() === '' || element.getClientRects().length === 0) continue;
      sizes.push(Number.parseFloat(getComputedStyle(element).fontSize));
    }
    return Math.min(...sizes) * zoom;
  });
}

test('a first run opens the sample design at a legible zoom, with no temporary layout shown first', async ({ page }) => {
  // Every frame from the start: the canvas must never show nodes before its first view is set.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __opening: string[] }).__opening = seen;
    const check = () => {
      const canvas = document.querySelector('[data-testid="canvas"]');
      const nodes = document.querySelectorAll('.react-flow__node-component').length;
      if (canvas && nodes > 0) seen.push(canvas.classList.contains('is-opening') ? 'hidden' : `shown at ${canvas.querySelector('.react-flow__viewport')?.getAttribute('style') ?? ''}`);
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  const canvas = new CanvasPage(page);
  await canvas.open();
  await expect(canvas.canvas).not.toHaveClass(/is-opening/);
  await page.waitForTimeout(300);
  const frames = await page.evaluate(() => (window as unknown as { __opening: string[] }).__opening);
  const shown = [...new Set(frames.filter((frame) => frame.startsWith('shown')))];
  // One viewport from the first shown frame on: no flash of another layout or zoom.
  expect(shown).toHaveLength(1);
  expect(await smallestLabelPx(page)).toBeGreaterThanOrEqual(11);
  if (process.env.UPDATE_README_SCREENSHOT) await page.screenshot({ path: new URL('../docs/screenshot.png', import.meta.url).pathname });
});

for (const stem of TEMPLATES) {
  test(`the first view of ${stem} is legible and looks as committed`, async ({ page }) => {
    const canvas = new CanvasPage(page);
    await canvas.open();
    await canvas.load(templateText(stem));
    expect(await smallestLabelPx(page)).toBeGreaterThanOrEqual(11);
    // The request path is in view across the canvas: each of its boxes that the view reaches
    // down to is whole, none cut by the canvas's left or right edge (the rest is one scroll down).
    const read = readDesignText(templateText(stem));
    if (!read.ok) throw new Error(`${stem} does not read`);
    // From the diagram's own boxes and the view, not the DOM: a box wholly off screen is not mounted.
    const path = requestPathNodes(exportScene(read.design)).map(({ id, x, y, width, height }) => ({ id, x, y, width, height }));
    const cut = await page.evaluate((boxes) => {
      const pane = document.querySelector('.ns-canvas-pane')!.getBoundingClientRect();
      const view = window.__ninesmith.getViewport()!;
      const onScreen = boxes.map(({ id, x, y, width }) => ({ id, left: x * view.zoom + view.x, right: (x + width) * view.zoom + view.x, top: y * view.zoom + view.y }));
      const reached = onScreen.filter((box) => box.top < pane.height);
      return { reached: reached.length, cut: reached.filter((box) => box.left < 0 || box.right > pane.width).map(({ id }) => id) };
    }, path);
    expect(cut.cut, `request path cut at the first view of ${stem}`).toEqual([]);
    expect(cut.reached).toBeGreaterThan(4);
    // Findings are computed in a worker: wait for their badges before the picture.
    await page.waitForTimeout(500);
    await expect(canvas.canvas).toHaveScreenshot(`first-view-${stem}.png`, { maxDiffPixelRatio: 0.01 });
  });
}

async function read(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

test('the Export panel downloads the diagram as SVG, PNG and draw.io, of the whole design or the selection', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.open();
  await canvas.load(templateText('multi-region-active-passive'));
  const design = await canvas.document();
  const exportPanel = new ExportPanel(page);
  await exportPanel.open();
  const block = page.getByTestId('diagram-export');
  await expect(block).toBeVisible();
  await expect(page.getByTestId('diagram-scope-selection')).toBeDisabled();

  const save = async (format: 'svg' | 'png' | 'drawio') => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`diagram-download-${format}`).click()]);
    return { name: download.suggestedFilename(), bytes: await read(download) };
  };

  const svg = await save('svg');
  expect(svg.name).toMatch(/-diagram\.svg$/);
  const svgText = svg.bytes.toString('utf8');
  const parsed = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: document.getElementsByTagName('parsererror').length,
      components: [...document.querySelectorAll('g[data-component]')].map((g) => g.getAttribute('data-component')),
      connections: [...document.querySelectorAll('[data-from][data-to]')].map((p) => `${p.getAttribute('data-from')}->${p.getAttribute('data-to')}`),
    };
  }, svgText);
  expect(parsed.error).toBe(0);
  expect(parsed.components.sort()).toEqual(design.components.map((c) => c.id).sort());
  expect(parsed.connections.sort()).toEqual(design.connections.map((c) => `${c.from}->${c.to}`).sort());

  const png = await save('png');
  expect(png.name).toMatch(/-diagram\.png$/);
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const width = png.bytes.readUInt32BE(16);
  const svgWidth = Number(/<svg[^>]*\bwidth="(\d+)"/.exec(svgText)![1]);
  expect(width).toBe(svgWidth * 2);

  const drawio = await save('drawio');
  expect(drawio.name).toMatch(/-diagram\.drawio$/);
  const cells = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, 'application/xml');
    const objects = [...document.getElementsByTagName('object')];
    const count = (type: string) => objects.filter((o) => o.getAttribute('ninesmith') === type).length;
    return { root: document.documentElement.tagName, regions: count('region'), zones: count('zone'), components: count('component'), connections: count('connection') };
  }, drawio.bytes.toString('utf8'));
  expect(cells).toEqual({
    root: 'mxfile',
    regions: design.regions.length,
    zones: design.regions.reduce((sum, r) => sum + r.zones.length, 0),
    components: design.components.length,
    connections: design.connections.length,
  });

  // The selection: two connected components, and the connection between them.
  const [first] = design.connections;
  await canvas.click(first!.from);
  await canvas.click(first!.to, ['Shift']);
  await exportPanel.open();
  await page.getByTestId('diagram-scope-selection').check();
  const part = (await save('svg')).bytes.toString('utf8');
  const partParsed = await page.evaluate((text) => {
    const document = new DOMParser().parseFromString(text, 'image/svg+xml');
    return [...document.querySelectorAll('g[data-component]')].map((g) => g.getAttribute('data-component'));
  }, part);
  expect(partParsed.sort()).toEqual([first!.from, first!.to].sort());
  expect(part).toContain(`data-from="${first!.from}"`);
});

test('an exported SVG looks as committed', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.open();
  await canvas.load(templateText('multi-region-active-active'));
  const exportPanel = new ExportPanel(page);
  await exportPanel.open();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('diagram-download-svg').click()]);
  const svg = (await read(download)).toString('utf8');
  await page.setViewportSize({ width: 1600, height: 1200 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg}</body></html>`);
  await expect(page.locator('svg').first()).toHaveScreenshot('exported-multi-region-active-active.png', { maxDiffPixelRatio: 0.01 });
});

test('long component names are shown whole on the canvas, not cut with "…"', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.open();
  // Their longest names: "Prometheus, Grafana and synthetics", "Tenant documents (prefix per tenant)".
  for (const stem of ['erp-on-kubernetes', 'multi-tenant-with-dedicated-cell']) {
    await canvas.load(templateText(stem));
    await page.keyboard.press('Shift+1');
    const design = await canvas.document();
    await expect(page.locator('.ns-node-name')).toHaveCount(design.components.length);
    const cut = await page.locator('.ns-node-name').evaluateAll((names) =>
      names.filter((name) => name.scrollHeight > name.clientHeight + 1 || name.scrollWidth > name.clientWidth + 1).map((name) => name.textContent),
    );
    expect(cut, stem).toEqual([]);
  }
});
