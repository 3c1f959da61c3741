import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { GalleryDialog, ProblemsDialog, ShareDialog } from './pages/dialogs';

test.describe('share links', () => {
  test('a shared link opens the design as a new library entry and leaves the other designs alone', async ({ page, context }) => {
    const app = new AppPage(page);
    const gallery = new GalleryDialog(page);
    await app.goto();
    await gallery.open();
    await gallery.choose('multi-region-active-passive');
    const shared = await app.documentYaml();
    const link = await new ShareDialog(page).link();
    expect(link).toMatch(/#design=[A-Za-z0-9_-]+$/);

    // Another tab of the same browser (same library) opens the link.
    const other = await context.newPage();
    const otherApp = new AppPage(other);
    await other.goto(link);
    await expect(otherApp.designName).toHaveText('Client portal, active-passive across two regions');
    expect(await otherApp.documentYaml()).toBe(shared);
    expect(other.url()).not.toContain('#design=');
    await expect.poll(async () => (await otherApp.libraryEntries()).map((e) => e.name).sort()).toEqual([
      'Client portal, active-passive across two regions',
      'Client portal, active-passive across two regions',
      'Client portal, single region, multi-AZ',
    ]);
  });

  test('a damaged link is refused with a message and the open design stays', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    const before = await app.documentYaml();
    await page.goto('/#design=eJzLSM3JyVcozy_KSQEAGgQEXQ-cut-short');
    const problems = new ProblemsDialog(page);
    await expect(problems.root).toBeVisible();
    await expect(problems.problems.first()).toContainText('damaged');
    await problems.close();
    expect(await app.documentYaml()).toBe(before);
  });
});
