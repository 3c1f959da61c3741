import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** New design: the template gallery. */
export class GalleryDialog {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('template-gallery');
  }
  async open(): Promise<void> {
    await this.page.getByTestId('toolbar-new').click();
    await expect(this.root).toBeVisible();
  }
  template(stem: string): Locator {
    return this.page.getByTestId(`template-${stem}`);
  }
  async choose(stem: string): Promise<void> {
    await this.template(stem).click();
    await expect(this.root).toBeHidden();
    await new AppPage(this.page).settled();
  }
}

/** The problems of a refused file or link. */
export class ProblemsDialog {
  readonly root: Locator;
  readonly problems: Locator;
  readonly summary: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('problems-dialog');
    this.problems = this.root.getByTestId('problem');
    this.summary = page.getByTestId('problems-summary');
  }
  async close(): Promise<void> {
    await this.root.getByTestId('problems-dialog-close').click();
    await expect(this.root).toBeHidden();
  }
}

/** The library of saved designs, with its trash. */
export class LibraryDialog {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('library-dialog');
  }
  async open(): Promise<void> {
    await this.page.getByTestId('toolbar-library').click();
    await expect(this.root).toBeVisible();
  }
  async close(): Promise<void> {
    await this.root.getByTestId('library-dialog-close').click();
    await expect(this.root).toBeHidden();
  }
  entry(name: string): Locator {
    return this.root.locator(`[data-testid="library-entry"][data-name="${name}"]`);
  }
  trashed(name: string): Locator {
    return this.root.locator(`[data-testid="trash-entry"][data-name="${name}"]`);
  }
  names(): Promise<string[]> {
    return this.root.getByTestId('library-entry').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-name') ?? ''));
  }
  async rename(from: string, to: string): Promise<void> {
    await this.entry(from).getByTestId('library-rename').click();
    const input = this.root.getByTestId('library-rename-input');
    await input.fill(to);
    await this.root.getByTestId('library-rename-save').click();
    await expect(this.entry(to)).toBeVisible();
  }
  async duplicate(name: string): Promise<void> {
    await this.entry(name).getByTestId('library-duplicate').click();
  }
  async remove(name: string): Promise<void> {
    await this.entry(name).getByTestId('library-delete').click();
    await expect(this.trashed(name)).toBeVisible();
  }
  async restore(name: string): Promise<void> {
    await this.trashed(name).getByTestId('library-restore').click();
    await expect(this.entry(name)).toBeVisible();
  }
  async openDesign(name: string): Promise<void> {
    await this.entry(name).getByTestId('library-open').click();
    await expect(this.root).toBeHidden();
  }
}

/** Share as a link. */
export class ShareDialog {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('share-dialog');
  }
  async link(): Promise<string> {
    await this.page.getByTestId('toolbar-share').click();
    await expect(this.root).toBeVisible();
    return this.root.getByTestId('share-link-url').inputValue();
  }
}
