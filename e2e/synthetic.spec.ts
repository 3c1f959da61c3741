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
