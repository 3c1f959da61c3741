import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { hclParser, type HclParser } from '../import';

/**
 * The HCL parser in Node: hcl2json's WebAssembly read from the installed package. A bundle of the
 * command line must ship `@cdktf/hcl2json/main.wasm.gz` where this resolves it (see docs/import.md).
 */
export function nodeHclParser(): HclParser {
  const require = createRequire(import.meta.url);
  return hclParser(() => readFile(require.resolve('@cdktf/hcl2json/main.wasm.gz')));
}
