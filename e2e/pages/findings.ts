import { expect, type Page } from '@playwright/test';

/** The findings and what-if panels, and the canvas nodes they annotate. */
export class FindingsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByTestId('design-name')).not.toBeEmpty();
  }

  async loadDesign(text: string): Promise<void> {
    const result = await this.page.evaluate((yaml) => window.__ninesmith.loadDocumentText(yaml), text);
    expect(result.problems).toEqual([]);
    // Once shown (it opens on the request path), the whole design in view: the specs read every node's badge and state.
    const designId = await this.page.evaluate(() => window.__ninesmith.getDesignId());
    await expect(this.page.getByTestId('canvas')).toHaveAttribute('data-design-shown', designId);
    await this.page.keyboard.press('Shift+Digit1');
    await this.page.waitForTimeout(300);
  }

  async showFindings(): Promise<void> {
    await this.page.getByTestId('panel-tab-findings').click();
    await expect(this.page.getByTestId('scorecard')).toBeVisible();
  }

  async showWhatIf(): Promise<void> {
    await this.page.getByTestId('panel-tab-what-if').click();
  }

  finding(rule: string, components: readonly string[]) {
    return this.page.getByTestId(`finding-${rule}-${components.join('-')}`);
  }

  node(id: string) {
    return this.page.getByTestId(`node-${id}`);
  }

  badge(id: string) {
    return this.page.getByTestId(`badge-${id}`);
  }
}
