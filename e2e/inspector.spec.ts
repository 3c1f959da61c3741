import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { InspectorPage } from './pages/inspector-page';

test.describe('the inspector', () => {
  test('edits a nested prop, refuses an invalid value with a message and never writes it', async ({ page }) => {
    const app = new AppPage(page);
    const inspector = new InspectorPage(page);
    await app.goto();
    await app.openPanel('inspector');
    await app.select(['db']);
    await expect(page.getByTestId('inspector-component')).toHaveAttribute('data-component-id', 'db');
    await expect(inspector.field('backup.retentionDays')).toBeVisible();

    await inspector.type('backup.retentionDays', '30');
    await expect.poll(async () => (await app.document()).components.find((c) => c.id === 'db')?.props?.backup).toMatchObject({ retentionDays: 30 });

    await inspector.type('backup.retentionDays', '0');
    await expect(inspector.error('backup.retentionDays')).toHaveText('expected at least 1');
    await inspector.type('backup.retentionDays', 'ten');
    await expect(inspector.error('backup.retentionDays')).toHaveText('expected a whole number');
    expect((await app.document()).components.find((c) => c.id === 'db')?.props?.backup).toMatchObject({ retentionDays: 30 });

    // Leaving the field drops the invalid draft and shows the stored value again.
    await inspector.leave('backup.retentionDays');
    await expect(inspector.error('backup.retentionDays')).toBeHidden();
    await expect(inspector.field('backup.retentionDays')).toHaveValue('30');
  });

  test('edits component fields, choices, toggles and nullable numbers, each typing session one undo step', async ({ page }) => {
    const app = new AppPage(page);
    const inspector = new InspectorPage(page);
    await app.goto();
    await app.openPanel('inspector');
    await app.select(['db']);
    const db = async () => (await app.document()).components.find((c) => c.id === 'db')!;

    await inspector.type('replicas', '0');
    await expect(inspector.error('replicas')).toHaveText('expected at least 1 instance');
    await inspector.type('replicas', '3');
    await inspector.leave('replicas');
    expect((await db()).replicas).toBe(3);

    await inspector.field('ha').selectOption('cluster');
    expect((await db()).props?.ha).toBe('cluster');
    await inspector.field('deletionProtection').uncheck();
    expect((await db()).props?.deletionProtection).toBe(false);

    await inspector.field('backup.restoreTestedDays-null').uncheck();
    await inspector.type('backup.restoreTestedDays', '14');
    await inspector.leave('backup.restoreTestedDays');
    expect(((await db()).props?.backup as Record<string, unknown>).restoreTestedDays).toBe(14);
    await inspector.field('backup.restoreTestedDays-null').check();
    expect(((await db()).props?.backup as Record<string, unknown>).restoreTestedDays).toBeNull();

    await inspector.type('name', 'Orders database');
    await inspector.leave('name');
    expect((await db()).name).toBe('Orders database');
    // Typing "Orders database" was one step: one undo restores the old name whole.
    await app.toolbarButton('undo').click();
    expect((await db()).name).not.toBe('Orders database');
    expect((await db()).name ?? '').not.toContain('Orders');
    await app.toolbarButton('redo').click();
    expect((await db()).name).toBe('Orders database');
  });

  test('picks zones from the region, refuses none, and shows the kind\'s published SLA', async ({ page }) => {
    const app = new AppPage(page);
    const inspector = new InspectorPage(page);
    await app.goto();
    await app.openPanel('inspector');
    await app.select(['db']);
    await expect(inspector.sla).toContainText('%');
    await expect(inspector.sla).toContainText('Source:');
    const zones = (await app.document()).components.find((c) => c.id === 'db')!.zones!;
    for (const zone of zones.slice(1)) await inspector.field(`zones-${zone}`).uncheck();
    // The last zone cannot be unchecked: the click is refused with a message.
    await inspector.field(`zones-${zones[0]}`).click();
    await expect(inspector.field(`zones-${zones[0]}`)).toBeChecked();
    await expect(inspector.error('zones')).toContainText('at least one zone');
    expect((await app.document()).components.find((c) => c.id === 'db')!.zones).toEqual([zones[0]]);
  });
});

test('a selected connection shows its mode and label, and both are editable', async ({ page }) => {
  const app = new AppPage(page);
  const inspector = new InspectorPage(page);
  await app.goto();
  await app.openPanel('inspector');
  const connection = (await app.document()).connections.find((c) => c.from === 'web' && c.to === 'db')!;
  await app.select([], [`${connection.from}->${connection.to}:${connection.mode}`]);
  await expect(page.getByTestId('inspector-connection')).toBeVisible();
  await expect(inspector.field('mode')).toHaveValue(connection.mode);
  await inspector.field('mode').selectOption('async');
  await inspector.type('label', 'orders API');
  await inspector.leave('label');
  const edited = (await app.document()).connections.find((c) => c.from === 'web' && c.to === 'db')!;
  expect(edited).toMatchObject({ mode: 'async', label: 'orders API' });
});
