/**
 * HCL is parsed by HashiCorp's own parser, compiled to WebAssembly by `@cdktf/hcl2json`
 * (`main.wasm.gz`, run by Go's `wasm_exec.js`). The package's Node entry point reads the file with
 * `fs`, so both the command line and the browser load the same WebAssembly through this module
 * instead: the caller supplies the bytes (read from the package and gunzipped with Node's zlib, or
 * fetched as an asset and gunzipped in the page), and the Go runtime is loaded on first use.
 */

/** The WebAssembly of `@cdktf/hcl2json/main.wasm.gz`, already gunzipped. */
export type WasmBytesLoader = () => Promise<ArrayBuffer | Uint8Array>;

/** One configuration file as hcl2json turns it into JSON: blocks as arrays, expressions as `${...}` strings. */
export type HclJson = Record<string, unknown>;

export interface HclParser {
  /** Parses one `.tf` or `.tfvars` file; rejects with HashiCorp's message (file, line, column) when it is not valid HCL. */
  parse(fileName: string, text: string): Promise<HclJson>;
}

interface GoRuntime {
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}

type ParseFunction = (fileName: string, text: string, callback: (error: string | null, result?: string) => void) => void;

/** Where the Go program registers its functions (the name is the package's). */
const BRIDGE = '__parse_terraform_config_wasm__';

interface Runtime {
  parse: ParseFunction;
  /** Rejects when the Go program stops (a panic, or out of memory): a parse in flight would otherwise never answer. */
  stopped: Promise<never>;
}

let started: Promise<Runtime> | undefined;

async function start(load: WasmBytesLoader): Promise<Runtime> {
  // Go's runtime shim defines `globalThis.Go`; it works unchanged in Node 20 and browsers.
  await import('@cdktf/hcl2json/wasm/wasm_exec.js');
  const Go = (globalThis as unknown as { Go: new () => GoRuntime }).Go;
  const raw = await load();
  const wasm = raw instanceof Uint8Array ? raw : new Uint8Array(raw);
  const go = new Go();
  const bridge: Record<string, unknown> = {};
  const root = globalThis as Record<string, unknown>;
  // The Go program looks its bridge up on Node's `global`; a browser has only `globalThis`.
  if (root.global === undefined) root.global = globalThis;
  root[BRIDGE] = bridge;
  const { instance } = (await WebAssembly.instantiate(wasm as Uint8Array<ArrayBuffer>, go.importObject)) as WebAssembly.WebAssemblyInstantiatedSource;
  const stopped = go.run(instance).then(() => {
    throw new Error('the HCL parser stopped (out of memory on a very large file?); nothing was imported');
  });
  // The next parse starts a fresh runtime.
  stopped.catch(() => {
    started = undefined;
  });
  // The Go program registers `parse` on the bridge as it starts, synchronously within run().
  for (let attempt = 0; typeof bridge.parse !== 'function'; attempt += 1) {
    if (attempt > 200) throw new Error('the HCL parser did not start');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { parse: bridge.parse as ParseFunction, stopped };
}

/** True for gzip's magic bytes. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The HCL parser, started once per process or page with the bytes `load` returns. */
export function hclParser(load: WasmBytesLoader): HclParser {
  return {
    async parse(fileName, text) {
      if (!started) {
        started = start(load);
        started.catch(() => {
          started = undefined;
        });
      }
      const runtime = await started;
      const answer = new Promise<string>((resolve, reject) => {
        runtime.parse(fileName, text, (error, result) => (error ? reject(new Error(cleanMessage(error))) : resolve(result ?? '{}')));
      });
      const json = await Promise.race([answer, runtime.stopped]);
      return JSON.parse(json) as HclJson;
    },
  };
}

/** `parse config: [main.tf:3,1-2: Unclosed configuration block; There is ...]` -> `main.tf:3,1-2: Unclosed configuration block; There is ...`. */
function cleanMessage(message: string): string {
  return message.replace(/^parse config: \[/, '').replace(/\]$/, '');
}
