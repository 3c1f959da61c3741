import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { GalleryDialog, LibraryDialog } from './pages/dialogs';

const SAMPLE = 'Client portal, single region, multi-AZ';
const ERP = 'ERP stack on Kubernetes';

test.describe('the library', () => {
  test('renames, duplicates, deletes to the trash and restores', async ({ page }) => {
    const app = new AppPage(page);
    const library = new LibraryDialog(page);
    const gallery = new GalleryDialog(page);
    await app.goto();
    await gallery.open();
    await gallery.choose('erp-on-kubernetes');
    await library.open();
    await expect(library.entry(ERP)).toHaveAttribute('data-open', 'true');
    await expect(library.entry(SAMPLE)).toContainText('components');

    // Renaming a design that is not open rewrites its stored copy.
    await library.rename(SAMPLE, 'Portal baseline');
    // Renaming the open design renames the document itself.
    await library.rename(ERP, 'ERP, production');
    await expect(app.designName).toHaveText('ERP, production');

    await library.duplicate('Portal baseline');
    await expect(library.entry('Portal baseline (copy)')).toBeVisible();

    await library.remove('Portal baseline');
    await expect(library.entry('Portal baseline')).toHaveCount(0);
    await library.restore('Portal baseline');
    expect((await library.names()).sort()).toEqual(['ERP, production', 'Portal baseline', 'Portal baseline (copy)']);

    await library.openDesign('Portal baseline (copy)');
    await expect(app.designName).toHaveText('Portal baseline (copy)');
    expect((await app.document()).components.length).toBeGreaterThan(5);

    // It all survives a reload.
    await page.reload();
    await expect(app.designName).toHaveText('Portal baseline (copy)');
    await library.open();
    expect((await library.names()).sort()).toEqual(['ERP, production', 'Portal baseline', 'Portal baseline (copy)']);
  });

  test('deleting the open design opens another, and restoring brings it back intact', async ({ page }) => {
    const app = new AppPage(page);
    const library = new LibraryDialog(page);
    const gallery = new GalleryDialog(page);
    await app.goto();
    await gallery.open();
    await gallery.choose('erp-on-kubernetes');
    const erpYaml = await app.documentYaml();
    await library.open();
    await library.remove(ERP);
    await expect(app.designName).toHaveText(SAMPLE);
    await library.restore(ERP);
    await library.openDesign(ERP);
    expect(await app.documentYaml()).toBe(erpYaml);
  });
});
