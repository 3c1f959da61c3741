import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { GalleryDialog, LibraryDialog } from './pages/dialogs';

const SAMPLE = 'Client portal, single region, multi-AZ';
const ERP = 'ERP stack on Kubernetes';

/** Puts records into the library's IndexedDB as they are: what another version, a bug or devtools may leave. */
async function putRaw(page: Page, records: { store: 'entries' | 'documents'; value: unknown }[]): Promise<void> {
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('ninesmith');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['entries', 'documents'], 'readwrite');
          for (const row of rows) tx.objectStore(row.store).put(row.value);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

test.describe('a library with damaged records', () => {
  test('opens the last design, lists every good one, and sets the damaged ones aside', async ({ page }) => {
    const app = new AppPage(page);
    const library = new LibraryDialog(page);
    await app.goto();
    const gallery = new GalleryDialog(page);
    await gallery.open();
    await gallery.choose('erp-on-kubernetes');
    await app.waitForSaved();

    await putRaw(page, [
      { store: 'entries', value: { id: 'garbage-1' } },
      { store: 'entries', value: { id: 'garbage-2', name: 12345, updatedAt: 1, createdAt: 1, componentCount: 2 } },
      { store: 'entries', value: { id: 'garbage-3', name: 'Dates', updatedAt: '2026-01-01', createdAt: '2026-01-01', componentCount: 2 } },
    ]);
    await page.reload();
    // The design that was open comes back, not an unsaved placeholder.
    await expect(app.designName).toHaveText(ERP);
    await expect(app.notice.filter({ hasText: '3 saved records are damaged' })).toBeVisible();

    await library.open();
    expect((await library.names()).sort()).toEqual([SAMPLE, ERP]);
    const damaged = library.root.getByTestId('damaged-entry');
    await expect(damaged).toHaveCount(3);
    await expect(library.root.locator('[data-testid="damaged-entry"][data-key="garbage-2"]')).toContainText('name');

    // Every other design is reachable.
    await library.openDesign(SAMPLE);
    await expect(app.designName).toHaveText(SAMPLE);

    // A damaged record can be kept as raw JSON, then deleted for good.
    await library.open();
    const row = library.root.locator('[data-testid="damaged-entry"][data-key="garbage-3"]');
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('damaged-download').click()]);
    const raw = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8')));
    expect(raw).toMatchObject({ key: 'garbage-3', entry: { name: 'Dates', updatedAt: '2026-01-01' } });
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByTestId('damaged-purge').click();
    await expect(damaged).toHaveCount(2);
  });
});
