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
  // All of it in view: the external ERP stands right of the region, under the panel that just opened.
  await page.getByTestId('fit-view').click();
  await page.getByTestId('whatif-zone-primary-a').click();
  for (const id of ['alb', 'web', 'db']) await expect(app.node(id)).toHaveClass(/is-down/);
  for (const id of ['dns', 'files', 'erp', 'users']) await expect(app.node(id)).not.toHaveClass(/is-down/);
  await expect(page.getByTestId('whatif-journey-sign-in')).toHaveAttribute('data-state', 'down');
  await expect(page.getByTestId('whatif-rto')).toHaveText('1h6m');
  // RDS uploads its transaction logs every five minutes while automated backups are on.
  await expect(page.getByTestId('whatif-rpo')).toHaveText('5m');

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

test('each journey shows its modelled figure, its range, its SLA floor and what caps it, and every figure opens to its sources', async ({ page }) => {
  const app = new FindingsPage(page);
  await app.open();
  await app.loadDesign(template('single-region-multi-az.yaml'));
  await app.showFindings();
  await expect(page.getByTestId('score-availability')).toContainText(/99\.\d+% \/ 99\.95%/);
  await expect(page.getByTestId('score-floor')).toContainText(/99\.\d+%/);

  const journey = page.getByTestId('journey-submit-timesheet');
  await expect(page.getByTestId('journey-submit-timesheet-modelled')).toHaveText(/^99\.9\d+%$/);
  await expect(page.getByTestId('journey-submit-timesheet-range')).toHaveText(/^\(99\.\d+% to 99\.\d+%\)$/);
  await expect(page.getByTestId('journey-submit-timesheet-floor')).toHaveText('99.7802%');
  await journey.locator('summary').first().click();
  const contributors = page.getByTestId('journey-submit-timesheet-contributors');
  await expect(contributors.locator('li').first()).toContainText('Region US East (us-east-1) fails: 6 min/month');

  // The modelled figure opens to the rates and durations behind it, each with its source.
  await page.getByTestId('journey-submit-timesheet-modelled-sources').locator('summary').click();
  const sources = page.getByTestId('journey-submit-timesheet-modelled-assumptions');
  await expect(sources).toContainText('incidents per region a year');
  await expect(sources).toContainText('Source: AWS Post-Event Summaries');
  // The floor opens to each provider SLA it multiplies, with its page.
  await page.getByTestId('journey-submit-timesheet-floor-sources').locator('summary').click();
  await expect(page.getByTestId('journey-submit-timesheet-floor-sources')).toContainText('https://aws.amazon.com/rds/sla/');
  await expect(page.getByTestId('journey-submit-timesheet-floor-sources')).toContainText('not a forecast');
});
