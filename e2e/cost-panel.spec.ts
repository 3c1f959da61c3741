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
  // 1,000 GB out to the internet at $0.09/GB (first 10 TB) adds $90.00.
  await panel.setUsage('alb', 'internetEgressGbPerMonth', 1000);
  await expect(panel.total).toHaveText(usd(before + 90));
  const usage = await page.evaluate(() => window.__ninesmith.getDocument().pricing);
  expect(usage).toEqual({ usage: { alb: { internetEgressGbPerMonth: 1000 } } });
});

test('the cost panel refuses a usage figure that is not one, says why, and leaves the design as it was', async ({ page }) => {
  await page.goto('/');
  const panel = new CostPanel(page);
  await panel.open();
  const total = await panel.total.textContent();
  await panel.showAssumptions();
  const input = panel.usageInput('alb', 'internetEgressGbPerMonth');
  const shown = await input.inputValue();
  await input.fill('-5');
  await expect(panel.usageError('alb', 'internetEgressGbPerMonth')).toHaveText('expected a usage of 0 or more');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.fill('lots');
  await expect(panel.usageError('alb', 'internetEgressGbPerMonth')).toHaveText('expected a number');
  // Leaving the field drops the refused draft: the design's figure shows again, nothing was written.
  await input.press('Enter');
  await expect(panel.usageError('alb', 'internetEgressGbPerMonth')).toBeHidden();
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
