import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { ImportPanel } from './pages/import-panel';

const fixture = (name: string) => fileURLToPath(new URL(`../src/import/fixtures/${name}`, import.meta.url));

test.describe('import Terraform', () => {
  test('a picked folder becomes a new design, with its guesses in the Import panel linked to the components', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new AppPage(page);
    const panel = new ImportPanel(page);
    const wasm: string[] = [];
    page.on('request', (request) => /\.wasm/.test(request.url()) && wasm.push(new URL(request.url()).origin));
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    await app.goto();
    const before = await app.designId();
    await panel.pickFolder(fixture('two-regions'));
    await expect(app.designName).toHaveText('two-regions', { timeout: 60_000 });
    await panel.expectOpen();
    // Under the built app's Content-Security-Policy: the parser came from the app's origin and compiled without a refusal.
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("'wasm-unsafe-eval'");
    expect(wasm).toEqual([new URL(page.url()).origin]);
    // zod's probe for `new Function` (script-src eval, e2e/security.spec.ts) is the one refusal expected.
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect(violations.filter((violation) => violation !== 'script-src eval')).toEqual([]);
    expect(await app.designId()).not.toBe(before);
    const design = await app.document();
    expect(design.components.map((c) => c.id)).toEqual(expect.arrayContaining(['frankfurt-db', 'ireland-db', 'frankfurt-lb', 'dns']));
    // The local module was followed: both regions' databases, and the replica between them.
    await expect(panel.guessFor('ireland-db').filter({ hasText: 'cross-region replica' })).toHaveCount(1);
    await expect(panel.guesses.first()).toContainText('from');
    await expect(panel.unsetVariables).toHaveCount(5);
    // A guess opens its component in the designer, in the Inspector, to fix it.
    await panel.guessFor('ireland-db').first().getByTestId('import-guess-show').click();
    await expect(page.getByTestId('panel-inspector')).toBeVisible();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __ninesmith: { getSelection(): { components: string[] } } }).__ninesmith.getSelection().components)).toEqual(['ireland-db']);
    // Confirming a guess is kept with the design's report.
    await page.getByTestId('panel-tab-import').click();
    const confirm = panel.guessFor('ireland-db').first().getByTestId('import-guess-confirm');
    await confirm.check();
    await page.reload();
    await page.getByTestId('panel-tab-import').click();
    await expect(panel.guessFor('ireland-db').first().getByTestId('import-guess-confirm')).toBeChecked();
  });

  test('several .tf files dropped on the page are imported together', async ({ page }) => {
    test.setTimeout(120_000);
    const app = new AppPage(page);
    const panel = new ImportPanel(page);
    await app.goto();
    await panel.dropFiles(fixture('registry-modules'));
    await panel.expectOpen();
    const design = await app.document();
    expect(design.components.map((c) => c.id)).toEqual(expect.arrayContaining(['alb', 'api', 'aurora', 'cdn', 'edge']));
    await expect(panel.guesses.filter({ hasText: 'terraform-aws-modules/vpc/aws' })).toHaveCount(1);
    await expect(panel.notImported).toHaveText([/module\.iam_github_oidc/]);
  });

  test('a folder past the size limit is refused by its sizes, naming the file, before anything is read', async ({ page }) => {
    const app = new AppPage(page);
    const panel = new ImportPanel(page);
    await app.goto();
    const before = await app.designId();
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-huge-tf-'));
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n');
    writeFileSync(join(dir, 'generated.tf'), `# ${'x'.repeat(3 * 1024 * 1024)}\n`);
    await panel.pickFolder(dir);
    await expect(app.notice).toContainText('The Terraform was not imported');
    await expect(app.notice).toContainText('generated.tf: 3 MB: more than 2 MB in one HCL file, refused');
    expect(await app.designId()).toBe(before);
  });
});
