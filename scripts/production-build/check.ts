// Checks that the production build carries no test or benchmark hook: the state API Playwright
// uses (window.__ninesmith) and the canvas handle the browser benchmark drives (window.__canvasApi)
// exist only in `vite build --mode test|bench` (src/app/main.tsx `boot()`).
//
//   npx tsx scripts/production-build/check.ts          # build dist/, then check it (npm run check:production)
//   npx tsx scripts/production-build/check.ts --built  # check the dist/ that is there
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a production build must not contain, anywhere (code, source maps, HTML). */
export const TEST_HOOKS = ['__ninesmith', '__canvasApi'] as const;

/** Every file under `dir` that holds one of `words`, with the words it holds. */
export function filesWithWords(dir: string, words: readonly string[]): { file: string; words: string[] }[] {
  const found: { file: string; words: string[] }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const text = readFileSync(path, 'latin1');
    const present = words.filter((word) => text.includes(word));
    if (present.length > 0) found.push({ file: path, words: present });
  }
  return found;
}

async function main(): Promise<void> {
  const root = resolve(fileURLToPath(import.meta.url), '../../..');
  const dist = join(root, 'dist');
  if (!process.argv.includes('--built')) {
    const { build } = await import('vite');
    await build({ root, mode: 'production', logLevel: 'warn' });
  }
  const found = filesWithWords(dist, TEST_HOOKS);
  if (found.length > 0) {
    console.error(`production build: test or benchmark hooks in dist/:\n${found.map((f) => `  ${relative(root, f.file)}: ${f.words.join(', ')}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`production build: no ${TEST_HOOKS.join(' or ')} in dist/`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
