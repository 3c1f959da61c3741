import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { DesignPanelPage } from './pages/design-panel-page';

test.describe('the design panel', () => {
  test('overrides a tier target, refusing a value that is not a duration', async ({ page }) => {
    const app = new AppPage(page);
    const panel = new DesignPanelPage(page);
    await app.goto();
    await panel.open();
    await panel.field('tier').selectOption('mission-critical');
    await panel.tierCell('mission-critical', 'rto').fill('soon');
    await expect(panel.tierError('mission-critical', 'rto')).toContainText('expected a duration');
    expect((await app.document()).tiers?.['mission-critical']).toBeUndefined();
    await panel.tierCell('mission-critical', 'rto').fill('30m');
    await panel.tierCell('mission-critical', 'rto').blur();
    const design = await app.document();
    expect(design.tier).toBe('mission-critical');
    expect(design.tiers?.['mission-critical']).toEqual({ rto: '30m' });
    await page.getByTestId('design-tier-mission-critical-reset').click();
    expect((await app.document()).tiers).toBeUndefined();
  });

  test('adds a region and a zone, and renames a zone with its components following', async ({ page }) => {
    const app = new AppPage(page);
    const panel = new DesignPanelPage(page);
    await app.goto();
    await panel.open();
    await page.getByTestId('design-new-region-location').fill('us-west-2');
    await page.getByTestId('design-add-region').click();
    const added = (await app.document()).regions.at(-1)!;
    expect(added).toMatchObject({ id: 'us-west-2', zones: ['a', 'b', 'c'] });
    await page.getByTestId('design-region-us-west-2-add-zone').click();
    expect((await app.document()).regions.at(-1)!.zones).toEqual(['a', 'b', 'c', 'd']);

    const inA = (await app.document()).components.filter((c) => c.region === 'primary' && c.zones?.includes('a')).map((c) => c.id);
    expect(inA.length).toBeGreaterThan(0);
    const zoneName = page.getByTestId('design-zone-primary-a-name');
    await zoneName.fill('az1');
    await zoneName.press('Enter');
    const after = await app.document();
    expect(after.regions.find((r) => r.id === 'primary')!.zones[0]).toBe('az1');
    for (const id of inA) expect(after.components.find((c) => c.id === id)!.zones).toContain('az1');
  });

  test('adds a journey, with every missing field named first', async ({ page }) => {
    const app = new AppPage(page);
    const panel = new DesignPanelPage(page);
    await app.goto();
    await panel.open();
    await page.getByTestId('design-add-journey').click();
    const journey = panel.journey('new');
    await journey.name.fill('Export invoices');
    await journey.save.click();
    await expect(journey.error('from')).toBeVisible();
    await expect(journey.error('needs')).toContainText('at least one needed component');
    await journey.target.fill('120');
    await expect(journey.error('target')).toContainText('at most 100');
    await journey.target.fill('99.9');
    await journey.from.selectOption('users');
    await journey.need('db').check();
    await journey.save.click();
    await expect.poll(async () => (await app.document()).journeys.find((j) => j.id === 'export-invoices')).toEqual({
      id: 'export-invoices',
      name: 'Export invoices',
      from: 'users',
      needs: ['db'],
      target: 99.9,
    });
    // One undo removes it again.
    await app.toolbarButton('undo').click();
    expect((await app.document()).journeys.some((j) => j.id === 'export-invoices')).toBe(false);
  });
});
