import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { ExportPanel } from './pages/export-panel';

test('exports the open design: targets, highlighted preview, zip download', async ({ page }) => {
  // The files and their zip are made in a worker, off the page's thread (a large design's export
  // held it for over a second): one worker, started with the first export, kept for the zip.
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/');
  const exportPanel = new ExportPanel(page);
  await exportPanel.open();
  await exportPanel.chooseTargets('terraform', 'runbooks');
  await exportPanel.generate();

  const paths = await exportPanel.files().allTextContents();
  expect(paths).toContain('terraform/versions.tf');
  expect(paths).toContain('runbooks/database-failover.md');
  expect(paths.some((path) => path.startsWith('helm/'))).toBe(false);

  const code = await exportPanel.preview('terraform/versions.tf');
  await expect(code).toContainText('hashicorp/aws');
  // Highlighted by Prism: tokens, not plain text.
  await expect(code.locator('.token').first()).toBeVisible();

  const download = await exportPanel.download();
  expect(download.suggestedFilename()).toMatch(/-export\.zip$/);
  const entries = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const names = Object.keys(entries);
  expect(names.length).toBe(paths.length);
  const versions = names.find((name) => name.endsWith('/terraform/versions.tf'))!;
  expect(strFromU8(entries[versions]!)).toContain('required_providers');
  expect(workers.filter((url) => /export-worker/.test(url))).toHaveLength(1);
});

test("previews a large design's Terraform in part, says so, and still zips it whole", async ({ page }) => {
  await page.goto('/?synthetic=1000&seed=3');
  const exportPanel = new ExportPanel(page);
  await exportPanel.open();
  await exportPanel.chooseTargets('terraform');
  await exportPanel.generate();

  const code = await exportPanel.preview('terraform/app.tf');
  await expect(page.getByTestId('export-preview-lines')).toHaveText(/^the first [\d,]+ of [\d,]+ lines: the zip holds the whole file$/);
  const [, shown, all] = /the first ([\d,]+) of ([\d,]+)/.exec((await page.getByTestId('export-preview-lines').textContent())!)!.map((n) => Number(n.replaceAll(',', '')));
  expect(shown).toBeLessThan(all!);
  await expect(code.locator('.token').first()).toBeVisible();
  expect((await code.textContent())!.length).toBeLessThanOrEqual(200_000);

  const download = await exportPanel.download();
  const entries = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const app = strFromU8(entries[Object.keys(entries).find((name) => name.endsWith('/terraform/app.tf'))!]!);
  expect(app.split('\n').length - 1).toBe(all);
});

test('exports a client proposal priced from the same catalog as the cost panel', async ({ page }) => {
  await page.goto('/');
  const exportPanel = new ExportPanel(page);
  await exportPanel.open();
  await exportPanel.chooseTargets('proposal');
  await exportPanel.generate();
  expect(await exportPanel.files().allTextContents()).toEqual(['proposal/proposal.html', 'proposal/proposal.md']);
  // The HTML is shown rendered, as the client reads it, in a sandboxed frame.
  const rendered = page.frameLocator('[data-testid="export-html-preview"]');
  await expect(rendered.locator('h1')).toHaveText('Client portal, single region, multi-AZ');
  await expect(rendered.locator('tr.emphasis')).toContainText(/Total\s*\$[\d,]+\.\d\d/);
  const code = await exportPanel.preview('proposal/proposal.md');
  await expect(code).toContainText('# Proposal: Client portal, single region, multi-AZ');
  await expect(code).toContainText(/\| \*\*Total\*\* \| \*\*\$[\d,]+\.\d\d\*\* \|/);
});

test('sets the proposal cover in the design, previews it rendered and downloads the PDF and Word files', async ({ page }) => {
  // PDFKit and docx load and lay the proposal out (in the page's worker): slower than the other exports.
  test.setTimeout(240_000);
  // The proposal and its PDF and Word files are made in a worker, not on the page's thread (which
  // froze for seconds while a proposal's pages were laid out).
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('/');
  const exportPanel = new ExportPanel(page);
  await exportPanel.open();
  await page.getByTestId('proposal-client').fill('Acme Ltd');
  await page.getByTestId('proposal-preview-button').click();
  const rendered = page.frameLocator('[data-testid="proposal-preview"]');
  await expect(rendered.locator('.cover dd').first()).toHaveText('Acme Ltd', { timeout: 30_000 });
  for (const [format, magic] of [['pdf', '%PDF-'], ['docx', 'PK']] as const) {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(`proposal-download-${format}`).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`-proposal\\.${format}$`));
    const path = await download.path();
    expect(readFileSync(path!).subarray(0, magic.length).toString()).toBe(magic);
  }
  // One worker for the preview and both files: started with the preview, kept for the rest.
  expect(workers.filter((url) => /proposal-worker/.test(url))).toHaveLength(1);
});
