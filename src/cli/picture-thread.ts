import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { diagramScale } from '../../generators/proposal/assets';

/** Defined as `true` by scripts/build-cli.mjs in the bundle; undeclared when the sources run (tsx, Vitest). */
declare const __NINESMITH_BUNDLED__: boolean | undefined;

export interface PictureRequest {
  readonly id: number;
  readonly svg: string;
  readonly scale: number;
}
export type PictureReply = { readonly id: number; readonly png: Uint8Array } | { readonly id: number; readonly error: string };

/**
 * How to start the worker: in the bundle, the entry built beside it (scripts/build-cli.mjs); from
 * the sources (a checkout, which bin/ninesmith.mjs runs through tsx only there; Vitest), a script
 * that registers tsx in the new thread and then imports the TypeScript file. Node 20 loads a
 * worker's entry before hooks given with `--import` take effect in it, so they cannot be used.
 */
function startWorker(): Worker {
  if (typeof __NINESMITH_BUNDLED__ !== 'undefined' && __NINESMITH_BUNDLED__) {
    // The bundle rewrites import.meta.url to this file's place in the package (scripts/build-cli.mjs).
    return new Worker(new URL('../../dist-cli/ninesmith-picture-worker.mjs', import.meta.url));
  }
  const worker = new URL('./picture-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsxRegisterUrl())}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); });`, { eval: true });
}

/** tsx's `register` as an ES module (its CommonJS form imports a path that does not resolve when loaded from a script). */
function tsxRegisterUrl(): string {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import?: { default?: string } } | string> };
  const api = manifest.exports['./esm/api'];
  const file = typeof api === 'object' ? api.import?.default : undefined;
  if (!file) throw new Error(`tsx ${manifestPath} has no ES module entry for ./esm/api`);
  return pathToFileURL(join(dirname(manifestPath), file)).href;
}

/**
 * The proposal's diagrams drawn as PNG on a thread of their own (resvg in WebAssembly, about half a
 * second for a 2,400-pixel picture), so the command line goes on with the analysis, the other
 * targets and the proposal's text while a picture is drawn: `export` asks for the diagram as soon as
 * it has read the design, and the PDF and Word writers find it ready. Each SVG is drawn once. The
 * thread starts with the first picture asked for and keeps the process alive only while a picture
 * is being drawn; `close` stops it.
 */
export class PictureThread {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (png: Uint8Array) => void; reject: (error: Error) => void }>();
  private readonly pictures = new Map<string, Promise<Uint8Array>>();
  private closed = false;

  /** The diagram as a PNG at `diagramScale`, drawn once per SVG. */
  readonly rasterize = (svg: string): Promise<Uint8Array> => {
    let png = this.pictures.get(svg);
    if (!png) this.pictures.set(svg, (png = this.draw(svg, diagramScale(svg))));
    return png;
  };

  /** Starts drawing `svg` now, for a `rasterize` later; a failure is reported then, not here. */
  prepare(svg: string): void {
    this.rasterize(svg).catch(() => undefined);
  }

  /** Stops the thread; pictures not yet drawn are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('the picture thread was closed before the picture was drawn'));
    if (worker) await worker.terminate();
  }

  private draw(svg: string, scale: number): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error('the picture thread is closed'));
    const worker = this.started();
    const id = this.nextId++;
    const drawn = new Promise<Uint8Array>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    worker.ref();
    worker.postMessage({ id, svg, scale } satisfies PictureRequest);
    return drawn;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.on('message', (reply: PictureReply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if ('png' in reply) waiting.resolve(reply.png);
      else waiting.reject(new Error(reply.error));
      if (this.waiting.size === 0) worker.unref();
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new Error(`the picture thread stopped (exit code ${code}) before the picture was drawn`));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
