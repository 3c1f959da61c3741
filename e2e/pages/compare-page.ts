import { expect, type Locator, type Page } from '@playwright/test';

/** The compare view: the toolbar button, the design pickers and the figures of each column. */
export class ComparePage {
  readonly view: Locator;
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.view = page.getByTestId('compare-view');
    this.table = page.getByTestId('compare-table');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('toolbar-compare').click();
    await expect(this.view).toBeVisible();
  }

  /** Puts a design in a slot: `template:<id>`, `library:<id>` or `open`. */
  async choose(slot: number, key: string): Promise<void> {
    await this.page.getByTestId(`compare-slot-${slot}`).selectOption(key);
  }

  column(index: number): Locator {
    return this.page.getByTestId(`compare-design-${index}`);
  }

  monthly(index: number): Locator {
    return this.page.getByTestId(`compare-monthly-${index}`);
  }

  costPerNine(index: number): Locator {
    return this.page.getByTestId(`compare-cost-per-nine-${index}`);
  }

  journey(id: string, index: number): Locator {
    return this.page.getByTestId(`compare-journey-${id}-${index}`);
  }

  scenario(scenarioClass: string, index: number): Locator {
    return this.page.getByTestId(`compare-scenario-${scenarioClass}-${index}`);
  }

  /** A cell's figure as the view states it (`data-value`), as a number. */
  async value(cell: Locator): Promise<number> {
    await expect(cell).toHaveAttribute('data-value', /\d/);
    return Number(await cell.getAttribute('data-value'));
  }
}
