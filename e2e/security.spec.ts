import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { GalleryDialog, LibraryDialog, ShareDialog } from './pages/dialogs';
import { ExportPanel } from './pages/export-panel';
import { CostPanel } from './pages/cost-panel';
import { FindingsPage } from './pages/findings';

/** Records every Content-Security-Policy violation the page reports, from before its first script. */
/**
 * zod probes once, as it builds its first schema, whether `new Function` works (to compile faster
 * validators); the policy refuses it, zod catches that and validates without compiling, and the
 * browser still reports the refused probe. That one report is expected; any other is not.
 */
const isZodProbe = (v: { directive: string; blocked: string }) => v.directive === 'script-src' && v.blocked === 'eval';

async function recordViolations(page: Page): Promise<() => Promise<{ directive: string; blocked: string; sample: string }[]>> {
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __cspViolations: unknown[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample }));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: { directive: string; blocked: string; sample: string }[] }).__cspViolations);
}

test.describe('the built app', () => {
  test('carries a strict Content-Security-Policy, works under it, and sends no request beyond its origin', async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const violations = await recordViolations(page);
    const app = new AppPage(page);
    await app.goto();

    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    // 'wasm-unsafe-eval' lets the Terraform import compile its HCL parser (scripts/content-security-policy.ts); 'unsafe-eval' stays off.
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(policy).toContain("default-src 'self'");
    expect(policy).not.toMatch(/(?<!wasm-)unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
    expect((await violations()).filter((v) => !isZodProbe(v))).toEqual([]);
    // Inline script is refused: the policy is in force, not just present.
    expect(await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
    })).toBe(false);
    const probed = await violations();
    expect(probed.filter((v) => !isZodProbe(v)).map((v) => [v.directive, v.blocked])).toEqual([['script-src-elem', 'inline']]);

    // A tour of what loads code, styles, images, prices and workers: a template with its automatic layout,
    // every panel, export previews and the zip, the library, a share link.
    const gallery = new GalleryDialog(page);
    await gallery.open();
    await gallery.choose('erp-on-kubernetes');
    const cost = new CostPanel(page);
    await cost.open();
    await expect(cost.total).toContainText('$');
    await new FindingsPage(page).showFindings();
    const exportPanel = new ExportPanel(page);
    await exportPanel.open();
    await exportPanel.chooseTargets('terraform', 'helm', 'runbooks', 'proposal');
    await exportPanel.generate();
    await expect(await exportPanel.preview('terraform/versions.tf')).toContainText('required_providers');
    await exportPanel.download();
    const library = new LibraryDialog(page);
    await library.open();
    await library.close();
    const link = await new ShareDialog(page).link();
    await page.goto(link);
    await expect(app.designName).toHaveText('ERP stack on Kubernetes');

    // Nothing else was refused on the tour (opening the link changes only the fragment: the same record goes on).
    const after = (await violations()).slice(probed.length);
    expect(after.filter((v) => !isZodProbe(v))).toEqual([]);
    expect(after.filter(isZodProbe).length).toBeLessThanOrEqual(1);
    const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(5);
  });
});
