import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { DesignPanelPage } from './pages/design-panel-page';
import { GalleryDialog, LibraryDialog } from './pages/dialogs';

test('two tabs edit two designs of one library without losing or mixing either', async ({ context }) => {
  const first = new AppPage(await context.newPage());
  await first.goto();
  // The first run's sample design is added to the library just after the canvas paints; the status says when.
  await first.waitForSaved();
  const firstId = await first.designId();

  // The second tab opens the same library: it starts on the design the first has open, then starts another.
  const second = new AppPage(await context.newPage());
  await second.goto();
  expect(await second.designId()).toBe(firstId);
  await new GalleryDialog(second.page).open();
  await new GalleryDialog(second.page).choose('erp-on-kubernetes');

  const firstPanel = new DesignPanelPage(first.page);
  await firstPanel.open();
  await firstPanel.field('name').fill('Portal, edited in tab one');
  await firstPanel.field('name').blur();
  const secondPanel = new DesignPanelPage(second.page);
  await secondPanel.open();
  await secondPanel.field('name').fill('ERP, edited in tab two');
  await secondPanel.field('name').blur();
  await first.waitForSaved();
  await second.waitForSaved();
  const firstYaml = await first.documentYaml();
  const secondYaml = await second.documentYaml();

  await first.page.reload();
  await expect(first.designName).toHaveText('Portal, edited in tab one');
  expect(await first.documentYaml()).toBe(firstYaml);
  await second.page.reload();
  await expect(second.designName).toHaveText('ERP, edited in tab two');
  expect(await second.documentYaml()).toBe(secondYaml);

  // Each tab's library shows both designs under their new names.
  const library = new LibraryDialog(first.page);
  await library.open();
  expect((await library.names()).sort()).toEqual(['ERP, edited in tab two', 'Portal, edited in tab one']);
});

test('a dialog keeps keyboard shortcuts away from the design behind it', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  await app.select(['db']);
  const library = new LibraryDialog(page);
  await library.open();
  await library.root.getByTestId('library-new').focus();
  await page.keyboard.press('Delete');
  await library.close();
  expect((await app.document()).components.some((c) => c.id === 'db')).toBe(true);
});

test('the first run does not say the sample design is saved before it is in the library', async ({ page }) => {
  const app = new AppPage(page);
  await app.goto();
  const id = await app.designId();
  await app.waitForSaved();
  expect((await app.libraryEntries()).map((entry) => entry.id)).toContain(id);
});
