import { expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** Import by the toolbar's file picker, and export through the download the browser receives. */
export async function importFile(page: Page, name: string, contents: string | Buffer): Promise<void> {
  await page.getByTestId('import-file-input').setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'application/yaml', buffer: Buffer.isBuffer(contents) ? contents : Buffer.from(contents) });
}

export async function exportFile(page: Page, format: 'yaml' | 'json'): Promise<{ name: string; text: string }> {
  await page.getByTestId('toolbar-export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
  const path = await download.path();
  expect(path).toBeTruthy();
  return { name: download.suggestedFilename(), text: await readFile(path!, 'utf8') };
}

/** Drops a file on the page as the operating system's drag and drop would. */
export async function dropFile(page: Page, name: string, contents: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ([fileName, text]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text!], fileName!, { type: 'application/yaml' }));
      return transfer;
    },
    [name, contents],
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}
