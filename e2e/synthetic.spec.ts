import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { LibraryDialog } from './pages/dialogs';

test('a generated design (?synthetic=N) opens without being saved, and the library still works', async ({ page }) => {
  const app = new AppPage(page);
  await page.goto('/?synthetic=40');
  await expect(app.saveStatus).toHaveText('Not saved (generated design)');
  expect((await app.document()).components).toHaveLength(40);
  const library = new LibraryDialog(page);
  await library.open();
  expect(await library.names()).toEqual([]);
  await library.close();
  expect(await app.libraryEntries()).toEqual([]);
});

test('a large design opens laid out without overlapping boxes, with zone chips shown on the component under the pointer', async ({ page }) => {
  await page.goto('/?synthetic=600');
  const canvas = page.getByTestId('canvas');
  await expect(canvas).not.toHaveAttribute('data-design-shown', '');
  // Its stored positions were made for smaller boxes: the opening lays it out on the grid instead.
  const boxes = await page.locator('.react-flow__node-component').evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON() as DOMRect));
  expect(boxes.length).toBeGreaterThan(3);
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const overlap = a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
      expect(overlap, `boxes ${i} and ${j} overlap`).toBe(false);
    }
  }
  const zoned = page.locator('.react-flow__node-component:has(.ns-zone-bar)').first();
  await expect(zoned.locator('.ns-zone-chip')).toHaveCount(0);
  await zoned.locator('.ns-node-kind').hover();
  await expect(zoned.locator('.ns-zone-chip').first()).toBeVisible();
});
