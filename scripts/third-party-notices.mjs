// The licence notices of the third-party packages bundled into dist-cli/ninesmith*.mjs. MIT, ISC,
// BSD and the like ask that their copyright and permission notice travel with every copy, bundled
// or not: each package's own licence file, as it ships in node_modules, is copied into
// dist-cli/NOTICE.md by scripts/build-cli.mjs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files a package keeps its licence in (LICENSE, LICENCE.md, LICENSE-MIT, COPYING.txt), and an Apache NOTICE file. */
const LICENCE_FILE = /^(licen[cs]e|copying|notice)([-._].*)?$/i;

/**
 * The packages the bundle was made from, from its module paths relative to the checkout
 * (`node_modules/pdfkit/js/pdfkit.node.mjs`, `node_modules/@foliojs-fork/linebreak/...`, nested
 * `node_modules/a/node_modules/b/...`), each once, sorted by name.
 */
export function bundledPackages(root, modulePaths) {
  const dirs = new Set();
  for (const path of modulePaths) {
    const at = path.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const parts = path.slice(at + 'node_modules/'.length).split('/');
    const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    dirs.add(`${path.slice(0, at)}node_modules/${name}`);
  }
  return [...dirs]
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
      const author = typeof manifest.author === 'string' ? manifest.author.replace(/\s*[<(].*$/, '') : manifest.author?.name;
      const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
      return { name: manifest.name, version: manifest.version, license: typeof manifest.license === 'string' ? manifest.license : manifest.license?.type, author, repository, dir };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
}

/** The package's own licence files, by name, with their text. */
export function licenceFiles(root, dir) {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isFile() && LICENCE_FILE.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(root, dir, name), 'utf8').trim() }));
}

/** The MIT licence (SPDX `MIT`), for packages that declare it but ship no licence file. */
const MIT = (holder) => `Copyright (c) ${holder}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

const fenced = (text) => `\`\`\`text\n${text.replaceAll('```', "'''")}\n\`\`\``;

/**
 * What to ship for a package with no licence file, from what its package.json declares: MIT's text
 * with its author as the holder, or, for MPL-2.0, where the licence and the source are (MPL asks
 * for both, not for the text beside the copy). Anything else: undefined, and the build stops.
 */
function declaredNotice(pkg) {
  const source = pkg.repository ? ` Source: ${pkg.repository.replace(/^git\+/, '')}.` : '';
  if (pkg.license === 'MIT' && pkg.author) {
    return `The package ships no licence file; its package.json declares MIT and names ${pkg.author} as its author. The MIT licence, with that author as the holder:${source}\n\n${fenced(MIT(pkg.author))}`;
  }
  if (pkg.license === 'MPL-2.0') return `Mozilla Public License 2.0 (https://mozilla.org/MPL/2.0/), bundled unmodified; the package ships no licence file.${source}`;
  return undefined;
}

/**
 * The notices section for the bundled packages: name, version, declared licence, and the text of
 * each licence file (or, without one, what its package.json declares). A package with neither
 * stops the build: its notice would be missing from the copy we distribute.
 */
export function bundledPackageNotices(root, modulePaths) {
  const packages = bundledPackages(root, modulePaths);
  const missing = [];
  const sections = packages.map((pkg) => {
    const files = licenceFiles(root, pkg.dir);
    const texts = files.map((file) => `\`${file.name}\`:\n\n${fenced(file.text)}`);
    if (files.length === 0) {
      const declared = declaredNotice(pkg);
      if (declared) texts.push(declared);
      else missing.push(`${pkg.name}@${pkg.version} (${pkg.dir}, declares ${pkg.license ?? 'no licence'})`);
    }
    return [`### ${pkg.name} ${pkg.version} (${pkg.license ?? 'licence not declared'})`, '', ...texts.flatMap((text) => [text, ''])].join('\n');
  });
  if (missing.length > 0) throw new Error(`build:cli: no licence notice to ship for ${missing.join('; ')}: add one to scripts/third-party-notices.mjs`);
  return { packages, markdown: ['## Packages bundled into the ninesmith*.mjs files', '', 'Each package as it was bundled, with its own licence file(s).', '', ...sections].join('\n') };
}
