import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FindingsPage } from './pages/findings';

const template = (name: string) => readFileSync(join(import.meta.dirname, '..', 'templates', name), 'utf8');

test('a finding appears after the edit that causes it, goes after its fix, and comes back on undo', async ({ page }) => {
  const app = new FindingsPage(page);
  await app.open();
  await app.loadDesign(template('single-region-multi-az.yaml'));
  await app.showFindings();
  await expect(app.finding('single-zone', ['db'])).toHaveCount(0);
  // The database already carries the region-loss finding every single-region design has.
  const before = await app.badge('db').textContent();

  // Take the database out of zone b on the canvas: it is left in one zone.
  await page.getByTestId('zone-chip-db-b').click();
  const finding = app.finding('single-zone', ['db']);
  await expect(finding).toBeVisible();
  await expect(app.badge('db')).not.toHaveText(before!);

  await finding.getByTestId('apply-fix').click();
  await expect(app.finding('single-zone', ['db'])).toHaveCount(0);
  await expect(app.badge('db')).toHaveText(before!);

  await page.keyboard.press('Control+z');
  await expect(app.finding('single-zone', ['db'])).toBeVisible();
});

test('a suppressed finding stays listed with its reason', async ({ page }) => {
  const app = new FindingsPage(page);
  await app.open();
  await app.loadDesign(template('first-launch-common-mistakes.yaml'));
  await app.showFindings();
  const finding = app.finding('stateful-app-tier', ['web']);
  await finding.getByTestId('suppress').click();
  await finding.getByTestId('suppress-reason').fill('Sticky sessions until the Redis move in Q3.');
  await finding.getByTestId('suppress-confirm').click();
  await expect(app.finding('stateful-app-tier', ['web'])).toContainText('Suppressed: Sticky sessions until the Redis move in Q3.');
});

test('what-if on a zone greys out exactly what runs only there and turns the journeys red', async ({ page }) => {
  const app = new FindingsPage(page);
  await app.open();
  await app.loadDesign(template('first-launch-common-mistakes.yaml'));
  await app.showWhatIf();
  await page.getByTestId('whatif-zone-primary-a').click();
  for (const id of ['alb', 'web', 'db']) await expect(app.node(id)).toHaveClass(/is-down/);
  for (const id of ['dns', 'files', 'erp', 'users']) await expect(app.node(id)).not.toHaveClass(/is-down/);
  await expect(page.getByTestId('whatif-journey-sign-in')).toHaveAttribute('data-state', 'down');
  await expect(page.getByTestId('whatif-rto')).toHaveText('1h6m');
  await expect(page.getByTestId('whatif-rpo')).toHaveText('1d');

  await page.getByTestId('whatif-zone-primary-a').click();
  await page.getByTestId('whatif-zone-primary-b').click();
  for (const id of ['alb', 'web', 'db']) await expect(app.node(id)).not.toHaveClass(/is-down/);
  await expect(page.getByTestId('whatif-journey-sign-in')).toHaveAttribute('data-state', 'up');

  await page.getByTestId('whatif-clear').click();
  await expect(page.getByTestId('whatif-result')).toHaveCount(0);
});

test('what-if on the multi-AZ template keeps every journey up through a zone loss', async ({ page }) => {
  const app = new FindingsPage(page);
  await app.open();
  await app.loadDesign(template('single-region-multi-az.yaml'));
  await app.showWhatIf();
  await page.getByTestId('whatif-zone-primary-a').click();
  await expect(page.getByTestId('whatif-result')).toBeVisible();
  for (const id of ['sign-in', 'submit-timesheet', 'download-document', 'monthly-report']) {
    await expect(page.getByTestId(`whatif-journey-${id}`)).toHaveAttribute('data-state', 'up');
  }
  await expect(app.node('web')).not.toHaveClass(/is-down/);
});
