import type { Locator, Page } from '@playwright/test';

/** The design panel: the design's own fields, its tier targets, regions and journeys. */
export class DesignPanelPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('design-panel');
  }
  async open(): Promise<void> {
    await this.page.getByTestId('panel-tab-design').click();
  }
  field(name: string): Locator {
    return this.page.getByTestId(`design-field-${name}`);
  }
  tierCell(tier: string, field: 'availability' | 'rto' | 'rpo'): Locator {
    return this.page.getByTestId(`design-tier-${tier}-${field}`);
  }
  tierError(tier: string, field: 'availability' | 'rto' | 'rpo'): Locator {
    return this.page.getByTestId(`design-tier-${tier}-${field}-error`);
  }
  region(id: string): Locator {
    return this.page.getByTestId(`design-region-${id}`);
  }
  /** The journey editor: `new` for the one being added, else the journey's id. */
  journey(id: string) {
    const prefix = `journey-${id}`;
    const page = this.page;
    return {
      root: page.getByTestId(prefix),
      name: page.getByTestId(`${prefix}-field-name`),
      from: page.getByTestId(`${prefix}-field-from`),
      need: (componentId: string) => page.getByTestId(`${prefix}-need-${componentId}`),
      target: page.getByTestId(`${prefix}-field-target`),
      save: page.getByTestId(`${prefix}-save`),
      remove: page.getByTestId(`${prefix}-remove`),
      error: (field: string) => page.getByTestId(`${prefix}-error-${field}`),
    };
  }
  async expandJourney(id: string): Promise<void> {
    await this.page.getByTestId(`journey-row-${id}`).locator('summary').click();
  }
}
