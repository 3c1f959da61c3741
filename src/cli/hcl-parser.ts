import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { hclParser, isGzip, type HclParser } from '../import';

/**
 * Where the parser's WebAssembly is: `npm run build:cli` copies `@cdktf/hcl2json/main.wasm.gz` beside
 * the bundle (dist-cli/hcl2json.wasm.gz), and the packed package carries it there, because an
 * installed Ninesmith has no dependencies to resolve it from. The build rewrites `import.meta.url`
 * to this source file's place in the package, so the same URL finds the copy from the bundle and
 * from the sources. A checkout that has not built the command line reads it from node_modules.
 */
export const BUNDLED_HCL_WASM = new URL('../../dist-cli/hcl2json.wasm.gz', import.meta.url);

async function hclWasmPath(): Promise<string> {
  const bundled = fileURLToPath(BUNDLED_HCL_WASM);
  try {
    await access(bundled);
    return bundled;
  } catch {
    return createRequire(import.meta.url).resolve('@cdktf/hcl2json/main.wasm.gz');
  }
}

/** The HCL parser in Node: hcl2json's WebAssembly, gunzipped with Node's own zlib. */
export function nodeHclParser(): HclParser {
  return hclParser(async () => {
    const bytes = await readFile(await hclWasmPath());
    return isGzip(bytes) ? promisify(gunzip)(bytes) : bytes;
  });
}
