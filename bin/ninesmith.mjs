#!/usr/bin/env node
// Runs the prebuilt command line, dist-cli/ninesmith.mjs (`npm run build:cli`; `npm install` and
// `npm pack` build it through `prepare`, and the package ships it). An installed package has no
// sources and always runs the bundle. A checkout whose sources are newer than its bundle, or that
// has none, runs the sources through tsx (a dev dependency) instead, so what runs is never older
// than what is checked out; `npm run build:cli` makes it fast again.
import { existsSync, readFileSync, statSync } from 'node:fs';

const bundle = new URL('../dist-cli/ninesmith.mjs', import.meta.url);
const sourceEntry = new URL('../src/cli/bin.ts', import.meta.url);

/** Whether the bundle is there and no source it was built from changed since (checked only in a checkout). */
function bundleIsCurrent() {
  if (!existsSync(bundle)) return false;
  if (!existsSync(sourceEntry)) return true;
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('../dist-cli/inputs.json', import.meta.url), 'utf8'));
    return inputs.every((path) => statSync(new URL(`../${path}`, import.meta.url)).mtimeMs <= built);
  } catch {
    // No list of inputs, or one of them is gone: the bundle cannot be trusted to match the checkout.
    return false;
  }
}

if (bundleIsCurrent()) {
  await import(bundle.href);
} else {
  let register;
  try {
    ({ register } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write('ninesmith: dist-cli/ninesmith.mjs is missing or older than the sources, and tsx is not installed to run them: run `npm install` (or `npm run build:cli`)\n');
    process.exit(2);
  }
  register();
  await import(sourceEntry.href);
}
