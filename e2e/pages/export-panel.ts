import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The Export panel: pick targets, generate, preview files, download the zip. */
export class ExportPanel {
  readonly panel: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId('panel-export');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('panel-tab-export').click();
    await expect(this.panel).toBeVisible();
  }

  async chooseTargets(...targets: string[]): Promise<void> {
    for (const target of ['terraform', 'helm', 'runbooks', 'proposal']) {
      const box = this.page.getByTestId(`export-target-${target}`);
      if ((await box.isChecked()) !== targets.includes(target)) await box.click();
    }
  }

  async generate(): Promise<void> {
    await this.page.getByTestId('export-generate').click();
    await expect(this.page.getByTestId('export-summary')).toContainText('files in');
  }

  files(): Locator {
    return this.page.getByTestId('export-file');
  }

  async preview(path: string): Promise<Locator> {
    await this.files().filter({ hasText: new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click();
    const code = this.page.getByTestId('export-code');
    await expect(this.page.getByTestId('export-preview')).toContainText(path);
    return code;
  }

  async download(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-download').click()]);
    return download;
  }
}
