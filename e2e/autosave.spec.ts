import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { InspectorPage } from './pages/inspector-page';

test.describe('saving without asking', () => {
  test('a reload finds the design intact after an edit', async ({ page }) => {
    const app = new AppPage(page);
    const inspector = new InspectorPage(page);
    await app.goto();
    await app.openPanel('inspector');
    await app.select(['db']);
    await inspector.type('backup.retentionDays', '21');
    await inspector.leave('backup.retentionDays');
    const before = await app.documentYaml();
    expect(before).toContain('retentionDays: 21');
    await app.waitForSaved();
    await page.reload();
    await expect(app.designName).toHaveText('Client portal, single region, multi-AZ');
    expect(await app.documentYaml()).toBe(before);
  });

  test('an edit made just before the tab goes away is kept (saved when the page is hidden)', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await app.openPanel('design');
    const name = page.getByTestId('design-field-name');
    await name.fill('Renamed right before closing');
    await name.blur();
    // No waiting for the debounce: the page's pagehide handler must flush it.
    await page.reload();
    await expect(app.designName).toHaveText('Renamed right before closing');
  });

  test('opens the design that was open last, not the newest template', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    await page.getByTestId('toolbar-new').click();
    await page.getByTestId('template-erp-on-kubernetes').click();
    await expect(app.designName).toHaveText('ERP stack on Kubernetes');
    await app.settled();
    await page.getByTestId('toolbar-library').click();
    await page.locator('[data-testid="library-entry"][data-name="Client portal, single region, multi-AZ"]').getByTestId('library-open').click();
    await expect(app.designName).toHaveText('Client portal, single region, multi-AZ');
    await page.reload();
    await expect(app.designName).toHaveText('Client portal, single region, multi-AZ');
  });
});
