import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPackageNotices, bundledPackages } from './third-party-notices.mjs';

const root = join(import.meta.dirname, '..');

describe('the notices of the packages bundled into the command line', () => {
  it('finds each package once from its module paths, scoped and nested ones included', () => {
    const packages = bundledPackages(root, ['node_modules/pdfkit/js/pdfkit.node.mjs', 'node_modules/pdfkit/js/data/x.js', 'node_modules/@cdktf/hcl2json/lib/index.js', 'src/cli/bin.ts']);
    expect(packages.map((p) => [p.name, p.dir])).toEqual([
      ['@cdktf/hcl2json', 'node_modules/@cdktf/hcl2json'],
      ['pdfkit', 'node_modules/pdfkit'],
    ]);
  });

  it("carries each package's own licence file, and the declared licence of one that ships none", () => {
    const { markdown } = bundledPackageNotices(root, ['node_modules/pdfkit/js/pdfkit.node.mjs', 'node_modules/docx/dist/index.mjs', 'node_modules/js-yaml/dist/js-yaml.mjs', 'node_modules/zod/index.js', 'node_modules/fontkit/dist/module.mjs', 'node_modules/@cdktf/hcl2json/lib/index.js']);
    for (const name of ['pdfkit', 'docx', 'js-yaml', 'zod']) {
      const licence = readFileSync(join(root, 'node_modules', name, 'LICENSE'), 'utf8').trim();
      expect(markdown, name).toContain(`### ${name} `);
      expect(markdown, name).toContain(licence);
    }
    // fontkit declares MIT in package.json and ships no LICENSE: the MIT text, with its author as the holder.
    expect(markdown).toMatch(/### fontkit [\d.]+ \(MIT\)\n\nThe package ships no licence file; its package.json declares MIT and names Devon Govett/);
    expect(markdown).toContain('Copyright (c) Devon Govett');
    expect(markdown).toMatch(/### @cdktf\/hcl2json [\d.]+ \(MPL-2\.0\)\n\nMozilla Public License 2\.0/);
  });

  it('stops the build for a package with neither a licence file nor a licence it can state', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ninesmith-notices-'));
    try {
      mkdirSync(join(scratch, 'node_modules', 'mystery'), { recursive: true });
      writeFileSync(join(scratch, 'node_modules', 'mystery', 'package.json'), JSON.stringify({ name: 'mystery', version: '1.0.0', license: 'SEE LICENSE IN EULA' }));
      expect(() => bundledPackageNotices(scratch, ['node_modules/mystery/index.js'])).toThrow(/no licence notice to ship for mystery@1\.0\.0/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
