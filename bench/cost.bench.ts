// Pricing benchmark: estimateCost on generated designs of 1,000, 5,000 and 20,000 components,
// the cold first run (its own process per size, catalog parsed fresh) and the warm median,
// beside the time loadDesign takes to parse and validate the same design as YAML and the time
// checkDesign takes to run every rule on it, in the same process.
// The aim (issue 4): pricing a 5,000-component design takes no longer than checking it.
//
//   npm run bench -- cost
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDesign, syntheticDesign } from '../src/catalog';
import { checkDesign } from '../src/engine';
import { estimateCost, parsePriceCatalog } from '../src/engine/cost';
import { serializeDesign } from '../src/model';

const SIZES = [1000, 5000, 20000];
const WARM_RUNS = 15;
const SEED = 1;
const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

interface SizeResult {
  size: number;
  components: number;
  connections: number;
  lineItems: number;
  monthlyUsd: number;
  parseMedianMs: number;
  priceColdMs: number;
  priceWarmMedianMs: number;
  priceWarmP95Ms: number;
  /** The fastest warm run: least disturbed by other processes on a shared machine. */
  priceWarmMinMs: number;
  parseMinMs: number;
  checkWarmMedianMs: number;
  checkWarmMinMs: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const p95 = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.95) - 1)]!;

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

/** One size, in a fresh process so that the first pricing run is really cold. */
function measure(size: number): SizeResult {
  const design = syntheticDesign(size, SEED);
  const text = serializeDesign(design);
  const [cold, priceColdMs] = time(() => {
    const catalog = parsePriceCatalog(JSON.parse(readFileSync(join(root, 'public', 'prices', `${design.provider}.json`), 'utf8')));
    return estimateCost(design, [catalog]);
  });
  const catalog = parsePriceCatalog(JSON.parse(readFileSync(join(root, 'public', 'prices', `${design.provider}.json`), 'utf8')));
  const warm: number[] = [];
  checkDesign(design);
  const check: number[] = [];
  // Interleaved with pricing runs, so both see the same machine load.
  for (let i = 0; i < WARM_RUNS; i += 1) {
    check.push(time(() => checkDesign(design))[1]);
    warm.push(time(() => estimateCost(design, [catalog]))[1]);
  }
  const parse: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const [result, ms] = time(() => loadDesign(text));
    if (!result.ok) throw new Error(`synthetic design ${size} does not load: ${JSON.stringify(result.problems.slice(0, 3))}`);
    parse.push(ms);
  }
  return {
    size,
    components: design.components.length,
    connections: design.connections.length,
    lineItems: cold.lineItems.length,
    monthlyUsd: cold.monthly,
    parseMedianMs: median(parse),
    priceColdMs,
    priceWarmMedianMs: median(warm),
    priceWarmP95Ms: p95(warm),
    priceWarmMinMs: Math.min(...warm),
    parseMinMs: Math.min(...parse),
    checkWarmMedianMs: median(check),
    checkWarmMinMs: Math.min(...check),
  };
}

function main(): void {
  const sizeArg = process.argv.indexOf('--size');
  if (sizeArg >= 0) {
    process.stdout.write(JSON.stringify(measure(Number(process.argv[sizeArg + 1]))));
    return;
  }
  const results: SizeResult[] = SIZES.map((size) => {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--size', String(size)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`cost bench at ${size} failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as SizeResult;
  });
  const ms = (value: number) => value.toFixed(1);
  console.log('Pricing (estimateCost) beside parsing and validating (loadDesign) and checking (checkDesign, every rule), synthetic designs, seed 1');
  console.table(
    results.map((r) => ({
      components: r.components,
      connections: r.connections,
      'line items': r.lineItems,
      'parse median ms': ms(r.parseMedianMs),
      'price cold ms': ms(r.priceColdMs),
      'price warm median ms': ms(r.priceWarmMedianMs),
      'price warm p95 ms': ms(r.priceWarmP95Ms),
      'parse min ms': ms(r.parseMinMs),
      'price warm min ms': ms(r.priceWarmMinMs),
      'check warm median ms': ms(r.checkWarmMedianMs),
      'check warm min ms': ms(r.checkWarmMinMs),
      'price / parse': (r.priceWarmMedianMs / r.parseMedianMs).toFixed(2),
      'price / check': (r.priceWarmMedianMs / r.checkWarmMedianMs).toFixed(2),
    })),
  );
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  writeFileSync(join(root, 'bench-results', 'cost.json'), `${JSON.stringify({ benchmark: 'cost', warmRuns: WARM_RUNS, seed: SEED, node: process.version, results }, null, 2)}\n`);
  console.log(`wrote bench-results/cost.json`);
}

main();
