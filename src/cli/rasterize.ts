import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { crc32, deflateSync } from 'node:zlib';
import type * as ResvgModule from '@resvg/resvg-wasm';

/**
 * SVG to PNG for the command line, with resvg compiled to WebAssembly (@resvg/resvg-wasm): no native
 * addon, so the self-contained bundle works on any platform Node runs on. The wasm file and the
 * DejaVu Sans fonts the diagram names ship beside the bundle in dist-cli/ (scripts/build-cli.mjs);
 * a checkout without a built bundle reads them from node_modules.
 */

// In the bundle, import.meta.url is this source file's place in the package (scripts/build-cli.mjs),
// so dist-cli/ is three folders up in a checkout and in an installed package alike.
const shipped = (name: string) => fileURLToPath(new URL(`../../dist-cli/${name}`, import.meta.url));

function firstExisting(candidates: readonly (() => string)[]): string | undefined {
  for (const candidate of candidates) {
    try {
      const path = candidate();
      if (existsSync(path)) return path;
    } catch {
      // Not resolvable here (an installed package has no node_modules of its own): try the next.
    }
  }
  return undefined;
}

const fromModules = (specifier: string) => () => createRequire(import.meta.url).resolve(specifier);

export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'] as const;
/** The fonts the proposal's PDF sets its text in: the diagram's two and a monospace for runbooks. */
export const PROPOSAL_FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSansMono.ttf'] as const;

let ready: Promise<typeof ResvgModule> | undefined;

/**
 * How much a WebAssembly function runs before V8 compiles it again with its optimising compiler
 * (TurboFan), in V8's rough bytes executed; V8's own default is 1,800,000. A command draws one or
 * two pictures and exits, and with the default V8 spent more than it saved: it optimised hundreds of
 * resvg's functions while they drew a single picture, on both cores. The proposal's diagram of the
 * active-passive template (2,400 by 1,246 pixels) took about 870 ms and 2.0 s of CPU in a fresh
 * process; with this budget about 430 ms and 0.95 s, and a picture of 22 million pixels (`diagram
 * --format png --scale 2` of the same design) 1.4 s against 1.7 s. Read when the module is compiled.
 */
export const WASM_TIERING_BUDGET = 300_000_000;

async function loadResvg() {
  ready ??= (async () => {
    const resvg = await import('@resvg/resvg-wasm');
    const wasm = firstExisting([() => shipped('resvg.wasm'), fromModules('@resvg/resvg-wasm/index_bg.wasm')]);
    if (!wasm) throw new Error('the PNG renderer (resvg.wasm) is missing from this installation');
    // Process-wide, for WebAssembly compiled from here on: the command line's other module, the HCL
    // parser of `import terraform`, runs in another command. The flag is V8's own since its dynamic
    // tiering, in every Node the package supports and in V8's current sources (where its default
    // has grown to 13,000,000); a V8 without it would print that it does not know the flag.
    setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);
    await resvg.initWasm(await readFile(wasm));
    return resvg;
  })();
  return ready;
}

const fontCache = new Map<string, Promise<Uint8Array>>();

/** The named DejaVu fonts' bytes: beside the bundle, in node_modules, or the system's. */
export async function readFonts(names: readonly string[]): Promise<Uint8Array[]> {
  return Promise.all(
    names.map((name) => {
      let font = fontCache.get(name);
      if (!font) {
        font = (async () => {
          const path = firstExisting([() => shipped(`fonts/${name}`), fromModules(`dejavu-fonts-ttf/ttf/${name}`), () => `/usr/share/fonts/truetype/dejavu/${name}`]);
          if (!path) throw new Error(`the font ${name} is missing from this installation`);
          return new Uint8Array(await readFile(path));
        })();
        fontCache.set(name, font);
      }
      return font;
    }),
  );
}

const fonts = () => readFonts(FONT_FILES);

/** A PNG chunk: its length, type, data and the CRC of type and data. */
function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const chunk = Buffer.alloc(12 + data.byteLength);
  chunk.writeUInt32BE(data.byteLength, 0);
  chunk.write(type, 4, 'latin1');
  chunk.set(data, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.byteLength)), 8 + data.byteLength);
  return chunk;
}

/**
 * An opaque picture's RGBA pixels as an RGB PNG (8 bits a channel, rows unfiltered, zlib's default
 * compression). resvg writes every PNG with an alpha channel, and a PDF keeps colour and alpha apart:
 * PDFKit then inflates the whole picture, splits off the alpha and deflates both again, which took
 * longer than drawing it. An RGB PNG's compressed rows go into the PDF as they are. The PNG format
 * is a few chunks around a zlib stream, so node:zlib does the work a PNG library would.
 */
export function opaquePng(rgba: Uint8Array, width: number, height: number): Uint8Array {
  const stride = width * 3 + 1;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0, from = 0; y < height; y += 1) {
    let to = y * stride + 1; // each row's first byte is its filter: 0, none
    for (let x = 0; x < width; x += 1, from += 4) {
      rows[to++] = rgba[from]!;
      rows[to++] = rgba[from + 1]!;
      rows[to++] = rgba[from + 2]!;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits a channel
  header[9] = 2; // colour type: RGB
  const signature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', new Uint8Array(0))]);
}

/**
 * Renders an SVG document to PNG bytes at `scale` times its size (2 for a sharp picture on a slide),
 * on white: an opaque RGB picture (see opaquePng).
 */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const resvg = await loadResvg();
  const renderer = new resvg.Resvg(svg, {
    font: { fontBuffers: await fonts(), defaultFontFamily: 'DejaVu Sans', loadSystemFonts: false },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  const image = renderer.render();
  renderer.free();
  try {
    // The white background leaves every pixel opaque, so dropping the alpha channel loses nothing.
    return opaquePng(image.pixels, image.width, image.height);
  } finally {
    image.free();
  }
}
