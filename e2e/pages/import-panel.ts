import { expect, type Locator, type Page } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The Import panel (guesses of a Terraform import) and the ways Terraform reaches the page. */
export class ImportPanel {
  readonly root: Locator;
  readonly guesses: Locator;
  readonly notImported: Locator;
  readonly unsetVariables: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('panel-import');
    this.guesses = page.getByTestId('import-guess');
    this.notImported = page.getByTestId('import-not-imported').locator('li');
    this.unsetVariables = page.getByTestId('import-unset-variables').locator('li');
  }

  /** Picks a folder with the toolbar's "Import Terraform" folder picker. */
  async pickFolder(path: string): Promise<void> {
    await this.page.getByTestId('import-folder-input').setInputFiles(path);
  }

  /** Drops the files of a folder (not its subfolders) on the page, as dragging several .tf files would. */
  async dropFiles(dir: string): Promise<void> {
    const names = (await readdir(dir)).filter((name) => /\.(tf|tfvars)$/.test(name));
    const files = await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const));
    const dataTransfer = await this.page.evaluateHandle((entries) => {
      const transfer = new DataTransfer();
      for (const [name, text] of entries) transfer.items.add(new File([text], name, { type: 'text/plain' }));
      return transfer;
    }, files);
    await this.page.dispatchEvent('main', 'dragenter', { dataTransfer });
    await this.page.dispatchEvent('main', 'dragover', { dataTransfer });
    await this.page.dispatchEvent('main', 'drop', { dataTransfer });
  }

  guessFor(componentId: string): Locator {
    return this.page.locator(`[data-testid="import-guess"][data-component="${componentId}"]`);
  }

  async expectOpen(): Promise<void> {
    await expect(this.root).toBeVisible();
    await expect(this.page.getByTestId('import-report')).toBeVisible({ timeout: 30_000 });
  }
}
