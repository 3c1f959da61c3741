import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { GalleryDialog } from './pages/dialogs';

const TEMPLATES = [
  'single-region-multi-az',
  'multi-region-active-passive',
  'multi-region-active-active',
  'event-driven-active-passive',
  'erp-on-kubernetes',
  'multi-tenant-with-dedicated-cell',
  'first-launch-common-mistakes',
];

test.describe('the template gallery', () => {
  test('shows every template with a preview and when to use it, and opens one as a new design', async ({ page }) => {
    const app = new AppPage(page);
    const gallery = new GalleryDialog(page);
    await app.goto();
    const firstId = await app.designId();
    await gallery.open();
    for (const stem of TEMPLATES) {
      await expect(gallery.template(stem).locator('svg.design-preview circle').first()).toBeVisible();
      await expect(gallery.template(stem)).toContainText(/Use it|Open it/);
    }
    await gallery.choose('multi-region-active-active');
    await expect(app.designName).toHaveText('Client portal, active-active across two regions');
    expect((await app.document()).regions.map((r) => r.id)).toEqual(['east', 'west']);
    expect(await app.designId()).not.toBe(firstId);
    await expect.poll(async () => (await app.libraryEntries()).length).toBe(2);
  });

  test('starts a blank design', async ({ page }) => {
    const app = new AppPage(page);
    const gallery = new GalleryDialog(page);
    await app.goto();
    await gallery.open();
    await gallery.choose('blank');
    await expect(app.designName).toHaveText('Untitled design');
    const design = await app.document();
    expect(design.components).toEqual([]);
    expect(design.regions.map((r) => r.zones)).toEqual([['a', 'b', 'c']]);
  });
});
