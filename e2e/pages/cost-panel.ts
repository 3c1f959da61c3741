import type { Locator, Page } from '@playwright/test';

/** The cost panel: total, range, assumptions and component rows. */
export class CostPanel {
  readonly total: Locator;
  readonly range: Locator;
  /** What the total excludes, its commitment and the date of its oldest price. */
  readonly caption: Locator;

  constructor(private readonly page: Page) {
    this.total = page.getByTestId('cost-total');
    this.range = page.getByTestId('cost-range');
    this.caption = page.getByTestId('cost-caption');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('panel-tab-cost').click();
    await this.total.waitFor();
  }

  async loadDesign(text: string): Promise<void> {
    const result = await this.page.evaluate((t) => window.__ninesmith.loadDocumentText(t), text);
    if (!result.ok) throw new Error(`design did not load: ${result.problems.join('; ')}`);
  }

  async showAssumptions(): Promise<void> {
    await this.page.getByTestId('cost-assumptions-toggle').click();
    await this.page.getByTestId('cost-assumptions').waitFor();
  }

  usageInput(componentId: string, name: string): Locator {
    return this.page.getByTestId(`cost-usage-${componentId}-${name}`);
  }

  /** The message under a usage figure that was refused. */
  usageError(componentId: string, name: string): Locator {
    return this.page.getByTestId(`cost-usage-${componentId}-${name}-error`);
  }

  async setUsage(componentId: string, name: string, value: number): Promise<void> {
    await this.showAssumptions();
    const input = this.usageInput(componentId, name);
    await input.fill(String(value));
    await input.press('Enter');
  }

  layer(layer: string): Locator {
    return this.page.getByTestId(`cost-layer-${layer}`);
  }
}
