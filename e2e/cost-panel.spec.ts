import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CostPanel } from './pages/cost-panel';

/** The command line's figures for a file: the app and `ninesmith cost` must agree. */
function cliCost(file: string, ...args: string[]): { monthly: number; range: { low: number; high: number } } {
  return JSON.parse(execFileSync(process.execPath, ['bin/ninesmith.mjs', 'cost', file, '--format', 'json', ...args], { encoding: 'utf8' }));
}

const usd = (amount: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);

test('the cost panel shows the total and range of the open design, as the command line does', async ({ page }) => {
  const expected = cliCost('templates/single-region-multi-az.yaml');
  await page.goto('/');
  const panel = new CostPanel(page);
  await panel.open();
  await expect(panel.total).toHaveText(usd(expected.monthly));
  await expect(panel.range).toContainText(`${usd(expected.range.low)} to ${usd(expected.range.high)}`);
  await expect(panel.layer('data')).toBeVisible();
});

test('the cost panel follows the design and its usage assumptions', async ({ page }) => {
  await page.goto('/');
  const panel = new CostPanel(page);
  await panel.open();
  const activeActive = 'templates/multi-region-active-active.yaml';
  await panel.loadDesign(readFileSync(activeActive, 'utf8'));
  await expect(panel.total).toHaveText(usd(cliCost(activeActive).monthly));

  await panel.loadDesign(readFileSync('templates/single-region-multi-az.yaml', 'utf8'));
  const before = cliCost('templates/single-region-multi-az.yaml').monthly;
  await expect(panel.total).toHaveText(usd(before));
  // The CDN's requests follow the users' 300 req/s (197.1 M a month, $197.10 at $0.01 per 10,000);
  // stating 1,000 M instead makes them $1,000.00: $802.90 more.
  await panel.setUsage('cdn', 'requestsPerMonth', 1_000_000_000);
  await expect(panel.total).toHaveText(usd(before + 802.9));
  const usage = await page.evaluate(() => window.__ninesmith.getDocument().pricing);
  expect(usage).toEqual({ usage: { cdn: { requestsPerMonth: 1_000_000_000 } } });
});

test('the cost panel refuses a usage figure that is not one, says why, and leaves the design as it was', async ({ page }) => {
  await page.goto('/');
  const panel = new CostPanel(page);
  await panel.open();
  const total = await panel.total.textContent();
  await panel.showAssumptions();
  const input = panel.usageInput('monitoring', 'logsGbPerMonth');
  const shown = await input.inputValue();
  await input.fill('-5');
  await expect(panel.usageError('monitoring', 'logsGbPerMonth')).toHaveText('expected a usage of 0 or more');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.fill('lots');
  await expect(panel.usageError('monitoring', 'logsGbPerMonth')).toHaveText('expected a number');
  // Leaving the field drops the refused draft: the design's figure shows again, nothing was written.
  await input.press('Enter');
  await expect(panel.usageError('monitoring', 'logsGbPerMonth')).toBeHidden();
  await expect(input).toHaveValue(shown);
  await expect(panel.total).toHaveText(total!);
  expect(await page.evaluate(() => window.__ninesmith.getDocument().pricing)).toBeUndefined();
});

test('the cost panel keeps pricing with the last catalog when the catalog cannot be fetched', async ({ page }) => {
  const expected = cliCost('templates/single-region-multi-az.yaml');
  await page.goto('/');
  const panel = new CostPanel(page);
  await panel.open();
  await expect(panel.total).toHaveText(usd(expected.monthly));
  // Offline from now on for the catalogs: the app falls back to the copy kept in this browser.
  await page.route('**/prices/*.json', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await panel.open();
  await expect(panel.total).toHaveText(usd(expected.monthly));
  await expect(page.getByTestId('cost-panel')).toContainText('offline copy');
});

test('a region without bundled prices says what its total excludes; an imported price list prices it, and a commitment profile applies its rate', async ({ page }) => {
  await page.goto('/');
  const panel = new CostPanel(page);
  await panel.open();
  await panel.loadDesign(readFileSync('src/engine/cost/fixtures/six-m5-large-frankfurt.yaml', 'utf8'));
  await expect(panel.total).toHaveText(usd(0));
  await expect(panel.caption).toContainText('excludes 1 line: 1 no price for this region (the total is a lower bound)');
  // The AWS Price List excerpt for EC2 in eu-central-1: 6 x 730 h x $0.115 = $503.70.
  await page.getByTestId('cost-price-book-import').setInputFiles('src/engine/cost/fixtures/price-files/aws-ec2-eu-central-1.csv');
  await expect(page.getByTestId('cost-price-book-message')).toContainText('Imported aws-ec2-eu-central-1.csv (AWS Price List (CSV)): 2 prices, 1 commitment rates');
  await expect(panel.total).toHaveText(usd(503.7));
  await expect(panel.caption).toContainText('every line priced');
  await expect(panel.caption).toContainText('1 from your price book');
  // 1-year reserved, no upfront, from the same price list: 6 x 730 x $0.072 = $315.36; kept in the design.
  await page.getByTestId('cost-commitment').selectOption('1-year');
  await expect(panel.total).toHaveText(usd(315.36));
  const pricing = await page.evaluate(() => (window as unknown as { __ninesmith: { getDocument(): { pricing?: unknown } } }).__ninesmith.getDocument().pricing);
  expect(pricing).toEqual({ commitment: '1-year' });
  // The book survives a reload (IndexedDB), until removed.
  await page.reload();
  await panel.open();
  await page.getByTestId('cost-price-book-clear').click();
  await expect(page.getByTestId('cost-price-book')).toContainText('No AWS price book');
});
