import type { Locator, Page } from '@playwright/test';

/** The inspector panel: fields by their path (`replicas`, `backup.retentionDays`). */
export class InspectorPage {
  readonly root: Locator;
  readonly sla: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('panel-inspector');
    this.sla = page.getByTestId('inspector-sla');
  }

  field(path: string): Locator {
    return this.page.getByTestId(`inspector-field-${path}`);
  }

  error(path: string): Locator {
    return this.page.getByTestId(`inspector-error-${path}`);
  }

  /** Types into a text or number field as a person would: select all, type, without leaving the field. */
  async type(path: string, text: string): Promise<void> {
    const field = this.field(path);
    await field.click();
    await field.press('ControlOrMeta+a');
    await field.pressSequentially(text);
  }

  /** Leaves the field (the edit becomes one undo step; an invalid draft is dropped). */
  async leave(path: string): Promise<void> {
    await this.field(path).blur();
  }
}
