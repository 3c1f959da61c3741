import { expect, type Locator, type Page } from '@playwright/test';

/** The designer as a whole: toolbar, panels, and the test build's state handle (`window.__ninesmith`, src/app/test-api.ts). */
export class AppPage {
  readonly designName: Locator;
  readonly saveStatus: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.designName = page.getByTestId('design-name');
    this.saveStatus = page.getByTestId('save-status');
    this.notice = page.getByTestId('notice');
  }

  async goto(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.designName).not.toBeEmpty();
    await this.settled();
  }

  /**
   * Waits until the open design is laid out: a design opened without positions gets its first
   * automatic layout from the canvas a moment after opening (not an undo step, but a change of
   * the document), so tests compare documents only after it.
   */
  async settled(): Promise<void> {
    await expect
      .poll(() =>
        this.page.evaluate(() => {
          const design = window.__ninesmith.getDocument();
          // The first layout arrives whole, in one step: any position means it is there.
          return design.components.length === 0 || Object.keys(design.layout ?? {}).length > 0;
        }),
      )
      .toBe(true);
  }

  toolbarButton(name: 'new' | 'library' | 'import' | 'export' | 'share' | 'undo' | 'redo'): Locator {
    return this.page.getByTestId(`toolbar-${name}`);
  }

  async openPanel(id: 'inspector' | 'design'): Promise<void> {
    await this.page.getByTestId(`panel-tab-${id}`).click();
    await expect(this.page.getByTestId(`panel-${id}`)).toBeVisible();
  }

  documentYaml(): Promise<string> {
    return this.page.evaluate(() => window.__ninesmith.getDocumentYaml());
  }

  document(): Promise<DesignShape> {
    return this.page.evaluate(() => window.__ninesmith.getDocument());
  }

  designId(): Promise<string> {
    return this.page.evaluate(() => window.__ninesmith.getDesignId());
  }

  /** Selects components as a click on the canvas would (the canvas has its own page object and tests). */
  async select(componentIds: string[], connectionIds: string[] = []): Promise<void> {
    await this.page.evaluate(
      ([components, connections]) => window.__ninesmith.select(components!, connections!),
      [componentIds, connectionIds],
    );
  }

  /** Waits until the autosave has written the open design (the toolbar says "Saved"). */
  async waitForSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute('data-saved', 'true');
  }

  libraryEntries(): Promise<{ id: string; name: string; deletedAt?: number; componentCount: number }[]> {
    return this.page.evaluate(() => window.__ninesmith.listLibrary());
  }
}

/** The parts of a design document the tests read. */
export interface DesignShape {
  name: string;
  tier: string;
  components: { id: string; kind: string; name?: string; region?: string; zones?: string[]; replicas?: number; props?: Record<string, unknown> }[];
  connections: { from: string; to: string; mode: string; label?: string }[];
  journeys: { id: string; name: string; from: string; needs: string[]; target?: number }[];
  tiers?: Record<string, { availability?: number; rto?: string; rpo?: string }>;
  regions: { id: string; zones: string[] }[];
  layout?: Record<string, { x: number; y: number }>;
}
