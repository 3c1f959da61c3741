import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { CanvasPage } from './pages/canvas-page';
import { InspectorPage } from './pages/inspector-page';

const DESIGN = `
ninesmith: 1
name: Rename test design
regions:
  - { id: primary, location: us-east-1, zones: [a, b] }
components:
  - { id: users, kind: users }
  - { id: web, kind: app-service, region: primary, zones: [a] }
  - { id: db, kind: relational-db, region: primary, zones: [a, b] }
connections:
  - { from: users, to: web }
  - { from: web, to: db }
journeys:
  - { id: save, name: Save, from: users, needs: [web, db] }
suppressions:
  - { rule: single-zone, component: db, reason: accepted for the test }
layout:
  users: { x: 48, y: -140 }
  primary: { x: 0, y: 0 }
  web: { x: 48, y: 120 }
  db: { x: 48, y: 260 }
`;

interface Doc {
  components: { id: string }[];
  connections: { from: string; to: string }[];
  journeys: { from: string; needs: string[] }[];
  layout?: Record<string, unknown>;
}

test('renames a component id in the inspector, everywhere it is referenced, refuses a taken or malformed id, and undoes in one step', async ({ page }) => {
  const app = new AppPage(page);
  const inspector = new InspectorPage(page);
  const canvas = new CanvasPage(page);
  await canvas.open();
  await canvas.load(DESIGN, 'db');
  await app.openPanel('inspector');
  await app.select(['db']);
  const doc = () => page.evaluate(() => window.__ninesmith.getDocument()) as Promise<Doc>;
  const before = await doc();
  const referencesTo = (d: Doc, id: string) => d.connections.filter((c) => c.from === id || c.to === id).length + d.journeys.filter((j) => j.from === id || j.needs.includes(id)).length;
  const references = referencesTo(before, 'db');
  expect(references).toBeGreaterThan(0);

  await inspector.type('id', 'web');
  await expect(inspector.error('id')).toHaveText('"web" is already the id of a component in this design');
  await inspector.type('id', 'Orders DB');
  await expect(inspector.error('id')).toContainText('expected an id: lower-case letters');
  expect((await doc()).components.some((c) => c.id === 'db')).toBe(true);

  await inspector.type('id', 'orders-db');
  await inspector.leave('id');
  await expect(page.getByTestId('inspector-component')).toHaveAttribute('data-component-id', 'orders-db');
  const after = await doc();
  expect(after.components.some((c) => c.id === 'db')).toBe(false);
  expect(referencesTo(after, 'orders-db')).toBe(references);
  expect(referencesTo(after, 'db')).toBe(0);
  await expect(canvas.node('orders-db')).toBeVisible();
  await expect(canvas.node('db')).toHaveCount(0);
  expect(await page.evaluate(() => window.__ninesmith.getDocumentYaml())).toContain('component: orders-db');

  await app.toolbarButton('undo').click();
  const undone = await doc();
  expect(undone.components.map((c) => c.id)).toEqual(before.components.map((c) => c.id));
  expect(referencesTo(undone, 'db')).toBe(references);
});
