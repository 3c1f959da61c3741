import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { AppPage } from './pages/app-page';
import { ProblemsDialog } from './pages/dialogs';
import { dropFile, exportFile, importFile } from './pages/files';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

test.describe('import and export', () => {
  test('an invalid file is refused with every problem listed by path, and the open design is untouched', async ({ page }) => {
    const app = new AppPage(page);
    const problems = new ProblemsDialog(page);
    await app.goto();
    const before = await app.documentYaml();
    const id = await app.designId();
    await importFile(page, 'broken.yaml', await fixture('invalid-design.yaml'));
    await expect(problems.root).toBeVisible();
    await expect(problems.summary).toContainText('3 problems');
    await expect(problems.problems).toHaveText([
      /^components\[1\]\.zones\[1\]: zone "d" is not a zone of region "primary"/,
      /^connections\[0\]\.to: no component with id "cache"/,
      /^journeys\[0\]\.needs\[1\]: no component with id "ghost"/,
    ]);
    await problems.close();
    expect(await app.documentYaml()).toBe(before);
    expect(await app.designId()).toBe(id);
    expect((await app.libraryEntries()).map((e) => e.name)).not.toContain('Broken design');
  });

  test('a file over the size limit is refused by its size, a syntax error by its line', async ({ page }) => {
    const app = new AppPage(page);
    const problems = new ProblemsDialog(page);
    await app.goto();
    const before = await app.documentYaml();
    await importFile(page, 'huge.yaml', Buffer.alloc(9 * 1024 * 1024, 0x20));
    await expect(problems.problems).toHaveText([/larger than the 8 MB a design file may be/]);
    await problems.close();
    await importFile(page, 'bad.yaml', 'ninesmith: 1\nname: [unclosed\n');
    await expect(problems.problems.first()).toContainText('not valid YAML: line');
    await problems.close();
    expect(await app.documentYaml()).toBe(before);
  });

  for (const format of ['yaml', 'json'] as const) {
    test(`exports ${format.toUpperCase()} and imports it back unchanged`, async ({ page }) => {
      const app = new AppPage(page);
      await app.goto();
      const before = await app.documentYaml();
      const exported = await exportFile(page, format);
      expect(exported.name).toBe(`client-portal-single-region-multi-az.ninesmith.${format}`);
      if (format === 'yaml') expect(exported.text).toBe(before);
      else expect(JSON.parse(exported.text).name).toBe('Client portal, single region, multi-AZ');
      const id = await app.designId();
      await importFile(page, exported.name, exported.text);
      await expect(app.notice).toContainText('Imported');
      expect(await app.designId()).not.toBe(id);
      expect(await app.documentYaml()).toBe(before);
    });
  }

  test('a design file dropped on the page is imported', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto();
    const text = (await app.documentYaml()).replace(/^name: .*$/m, 'name: Dropped design');
    await dropFile(page, 'dropped.yaml', text);
    await expect(app.designName).toHaveText('Dropped design');
    expect(await app.documentYaml()).toBe(text);
  });
});
