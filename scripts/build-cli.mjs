#!/usr/bin/env node
// `npm run build:cli`: bundles the command line (src/cli/bin.ts and all it imports, js-yaml and zod
// included) into plain JavaScript, dist-cli/ninesmith.mjs (which bin/ninesmith.mjs runs) and the
// chunks it loads on demand beside it, dist-cli/ninesmith-*.mjs; and a second entry,
// dist-cli/ninesmith-picture-worker.mjs, the thread `export` draws the proposal's diagram on.
// No TypeScript compiler at run time and no runtime dependencies: the package installs with
// nothing but what `npm pack` puts in it.
//
// Built with Vite's own library build (rolldown), the bundler the app already uses: its
// tree-shaking keeps zod's unused locales out (750 kB against 1.3 MB with esbuild), and the
// start-up time is the same. `npm install` runs this through `prepare`, and so does `npm pack`.
//
// The HCL parser of `import terraform` is WebAssembly (@cdktf/hcl2json's main.wasm.gz, 1.7 MB), which
// no bundler inlines: it is copied beside the bundle as dist-cli/hcl2json.wasm.gz, where
// src/cli/hcl-parser.ts looks first, with its licence notice (MPL-2.0) beside it.
//
// dist-cli/NOTICE.md carries the licence text of every npm package bundled into it (MIT, ISC, BSD
// ask that it travel with every copy), read from each package's own licence file, and says what
// the other files beside the bundle are (scripts/third-party-notices.mjs).
//
// Besides the bundle it writes dist-cli/inputs.json, the checkout's files the bundle was made
// from, so bin/ninesmith.mjs can tell a bundle older than its sources and run the sources instead.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledPackageNotices } from './third-party-notices.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist-cli');
const ENTRY = 'src/cli/bin.ts';
const BUNDLE = 'ninesmith.mjs';
/** The picture thread's code (src/cli/picture-thread.ts), an entry of its own beside the bundle. */
const PICTURE_WORKER = { source: 'src/cli/picture-worker.ts', name: 'ninesmith-picture-worker' };
/** The commands' own code, loaded on demand by the entry. */
const CHUNK_PREFIX = 'ninesmith-';

/**
 * Modules that rolldown's automatic splitting would merge into a chunk some command loads without
 * using it: the figure formatting shared by every command landed in the pricing chunk, and the
 * comparison in the analysis chunk, so `validate` read and ran all of pricing (134 kB) at start-up.
 * Each group is a chunk of its own, which only its users load.
 */
const CHUNK_GROUPS = [
  { name: 'format', test: /\/src\/engine\/format\.ts$/, includeDependenciesRecursively: false },
  { name: 'compare', test: /\/src\/engine\/compare\//, includeDependenciesRecursively: false },
];

/**
 * Modules whose top level only defines things (formatters, tables), which a chunk imports for no
 * name need not load: pricing's number formatters read as side effects, so the analysis chunk
 * loaded all of pricing through the engine's index for them.
 */
const PURE_MODULES = /\/src\/engine\/(cost\/|compare\/|format\.ts$)/;

/** Paths (relative to the package) that the command line must never contain: the app and React. */
const FORBIDDEN = [/^src\/app\//, /(^|\/)node_modules\/(react|react-dom|@xyflow|zustand|zundo|@tanstack|idb|elkjs|lucide-react|prismjs|fflate)\//];

const toPosix = (path) => path.split(sep).join('/');

/**
 * `import.meta.url` in a source file means that file's place in the package (cost.ts finds the price
 * catalogs at `../../../public/prices/` from it). In the bundle every module shares the bundle's URL,
 * so each use is rewritten to the URL the source file would have beside the bundle: the catalogs
 * are then found relative to the installed package, wherever it is, never relative to the cwd.
 */
const sourceRelativeImportMetaUrl = {
  name: 'ninesmith:source-relative-import-meta-url',
  transform(code, id) {
    if (id.includes('/node_modules/') || !code.includes('import.meta.url')) return null;
    const fromBundle = toPosix(relative(outDir, id.split('?')[0]));
    return { code: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), map: null };
  },
};

let build;
try {
  ({ build } = await import('vite'));
} catch (error) {
  // An install without dev dependencies in a checkout (`npm ci --omit=dev`) cannot build, and must
  // not fail for that: the app and the command line both need the dev dependencies to be built.
  if (process.argv.includes('--if-possible') && error.code === 'ERR_MODULE_NOT_FOUND') {
    console.warn('build:cli: vite is not installed (dev dependencies omitted); the command line is not built');
    process.exit(0);
  }
  throw error;
}

const output = await build({
  configFile: false,
  root,
  publicDir: false,
  logLevel: 'warn',
  plugins: [sourceRelativeImportMetaUrl],
  // The proposal's PDF uses only the TrueType fonts shipped here, never WOFF2: fontkit's brotli decoder stays out.
  resolve: { alias: { 'brotli/decompress.js': join(root, 'scripts', 'stubs', 'brotli-decompress.mjs') } },
  ssr: { noExternal: true, target: 'node' },
  // Source files ask whether they run from the bundle (src/cli/picture-thread.ts: where the worker is).
  define: { __NINESMITH_BUNDLED__: 'true' },
  build: {
    ssr: true,
    outDir,
    emptyOutDir: true,
    target: 'node20',
    // Unminified: a stack trace from a user names the functions and files (the bundle keeps `// src/...` markers).
    minify: false,
    sourcemap: false,
    // Each command's code is a chunk of its own, loaded when that command runs (src/cli/main.ts):
    // `--version` and `validate` do not read the PDF and Word writers. The chunks sit beside the
    // entry, so a rewritten `import.meta.url` means the same place in every one of them.
    rolldownOptions: {
      input: { [BUNDLE.replace(/\.mjs$/, '')]: ENTRY, [PICTURE_WORKER.name]: PICTURE_WORKER.source },
      output: {
        entryFileNames: '[name].mjs',
        chunkFileNames: `${CHUNK_PREFIX}[name]-[hash].mjs`,
        format: 'esm',
        codeSplitting: { groups: CHUNK_GROUPS },
      },
      treeshake: { moduleSideEffects: (id) => !PURE_MODULES.test(id) },
    },
  },
});

const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).filter((item) => item.type === 'chunk');
const strays = chunks.filter((chunk) => chunk.fileName !== BUNDLE && !(chunk.fileName.startsWith(CHUNK_PREFIX) && !chunk.fileName.includes('/')));
if (!chunks.some((chunk) => chunk.fileName === BUNDLE) || strays.length > 0) {
  throw new Error(`build:cli: expected ${BUNDLE} and chunks named ${CHUNK_PREFIX}*.mjs beside it; got ${chunks.map((chunk) => chunk.fileName).join(', ')}`);
}
const inputs = [...new Set(chunks.flatMap((chunk) => chunk.moduleIds))].filter((id) => !id.startsWith('\0')).map((id) => toPosix(relative(root, id.split('?')[0])));
const forbidden = inputs.filter((path) => FORBIDDEN.some((pattern) => pattern.test(path)));
if (forbidden.length > 0) throw new Error(`build:cli: the command line must not bundle app or React code, but it includes ${forbidden.join(', ')}`);

mkdirSync(outDir, { recursive: true });
const sources = inputs.filter((path) => !path.startsWith('node_modules/') && !path.startsWith('..'));
writeFileSync(join(outDir, 'inputs.json'), `${JSON.stringify(sources, null, 1)}\n`);
// `ninesmith diagram --format png` rasterizes with resvg compiled to WebAssembly and the fonts the
// diagram names (src/cli/rasterize.ts): both ship beside the bundle, with their licences.
const require = createRequire(import.meta.url);
const resvgWasm = require.resolve('@resvg/resvg-wasm/index_bg.wasm');
const versionOf = (manifest) => JSON.parse(readFileSync(manifest, 'utf8')).version;
copyFileSync(resvgWasm, join(outDir, 'resvg.wasm'));
mkdirSync(join(outDir, 'fonts'), { recursive: true });
for (const font of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf']) copyFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${font}`), join(outDir, 'fonts', font));
copyFileSync(require.resolve('dejavu-fonts-ttf/LICENSE'), join(outDir, 'fonts', 'LICENSE'));
const bundled = bundledPackageNotices(root, inputs);
writeFileSync(
  join(outDir, 'NOTICE.md'),
  `# Third-party files shipped with the command line

- \`ninesmith.mjs\` and the \`ninesmith-*.mjs\` chunks it loads: bundle the ${bundled.packages.length} npm packages listed below, each under its own licence (its text follows).
- \`resvg.wasm\`: resvg (@resvg/resvg-wasm ${versionOf(join(dirname(resvgWasm), 'package.json'))}), Mozilla Public License 2.0, unmodified; its source is in the resvg-js repository the npm package names.
- \`fonts/DejaVuSans.ttf\`, \`fonts/DejaVuSans-Bold.ttf\`, \`fonts/DejaVuSansMono.ttf\`: DejaVu fonts ${versionOf(require.resolve('dejavu-fonts-ttf/package.json'))}, Bitstream Vera and Arev licences (\`fonts/LICENSE\`).
- \`hcl2json.wasm.gz\`: see \`hcl2json.NOTICE\` (Mozilla Public License 2.0).

${bundled.markdown}
`,
);

console.log(`build:cli: dist-cli/${BUNDLE} from ${inputs.length} modules (${sources.length} in the checkout)`);

// The parser's WebAssembly and where its source is (MPL-2.0 asks that users of the compiled form can find it).
const hcl2json = JSON.parse(readFileSync(require.resolve('@cdktf/hcl2json/package.json'), 'utf8'));
copyFileSync(require.resolve('@cdktf/hcl2json/main.wasm.gz'), join(outDir, 'hcl2json.wasm.gz'));
writeFileSync(
  join(outDir, 'hcl2json.NOTICE'),
  `hcl2json.wasm.gz is main.wasm.gz of ${hcl2json.name} ${hcl2json.version} (HashiCorp's HCL parser compiled to WebAssembly),\n` +
    `licensed under the Mozilla Public License 2.0 (https://mozilla.org/MPL/2.0/).\n` +
    `Source: https://github.com/hashicorp/terraform-cdk/tree/main/packages/@cdktf/hcl2json\n`,
);
console.log(`build:cli: dist-cli/hcl2json.wasm.gz from ${hcl2json.name} ${hcl2json.version}`);
