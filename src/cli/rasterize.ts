import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
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

async function loadResvg() {
  ready ??= (async () => {
    const resvg = await import('@resvg/resvg-wasm');
    const wasm = firstExisting([() => shipped('resvg.wasm'), fromModules('@resvg/resvg-wasm/index_bg.wasm')]);
    if (!wasm) throw new Error('the PNG renderer (resvg.wasm) is missing from this installation');
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

/** Renders an SVG document to PNG bytes at `scale` times its size (2 for a sharp picture on a slide). */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const resvg = await loadResvg();
  const renderer = new resvg.Resvg(svg, {
    font: { fontBuffers: await fonts(), defaultFontFamily: 'DejaVu Sans', loadSystemFonts: false },
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
  });
  const png = renderer.render().asPng();
  renderer.free();
  return png;
}
