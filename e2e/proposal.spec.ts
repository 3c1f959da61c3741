import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { loadDesign } from '../src/catalog';
import { formatProblem } from '../src/model';
import { parsePriceCatalog } from '../src/engine/cost';
import { generateProposal, PROPOSAL_HTML_PATH } from '../generators/proposal';

/**
 * The proposal's HTML as a client opens it: nothing fetched (the page is one self-contained file),
 * and its first two printed pages (print media, an A4 page at 96 pixels to the inch) for every
 * template, kept as screenshot baselines.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const templates = readdirSync(join(root, 'templates')).filter((file) => file.endsWith('.yaml')).sort();
const catalogs = [parsePriceCatalog(JSON.parse(readFileSync(join(root, 'public', 'prices', 'aws.json'), 'utf8')), 'public/prices/aws.json')];
const A4 = { width: 794, height: 1123 };

function proposalHtml(template: string): string {
  const loaded = loadDesign(readFileSync(join(root, 'templates', template), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const design = { ...loaded.design, proposal: { client: 'Example Client Ltd', consultant: 'Example Consulting', date: '2026-11-30', version: '1.0' } };
  return generateProposal(design, { catalogs }).find((file) => file.path === PROPOSAL_HTML_PATH)!.contents;
}

for (const template of templates) {
  const stem = template.replace(/\.yaml$/, '');

  test(`the proposal of ${stem} fetches nothing and prints its cover and first section`, async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('data:') && request.url() !== 'about:blank') requests.push(request.url());
    });
    await page.setViewportSize(A4);
    await page.emulateMedia({ media: 'print' });
    await page.setContent(proposalHtml(template), { waitUntil: 'load' });
    expect(requests).toEqual([]);
    await expect(page.locator('h1')).toBeVisible();
    for (const [i, y] of [0, A4.height].entries()) {
      await expect(page).toHaveScreenshot(`proposal-${stem}-page-${i + 1}.png`, { clip: { x: 0, y, width: A4.width, height: A4.height }, fullPage: true, maxDiffPixelRatio: 0.01 });
    }
  });
}
