/**
 * Pricing (estimateCost) beside checking (checkDesign, every rule) and parsing (loadDesign) the
 * same generated design, at 1,000, 5,000 and 20,000 components. Issue 4's aim: pricing a
 * 5,000-component design takes no longer than checking it. Each size runs in its own process, so
 * the first pricing (catalog parsed fresh) is really cold; then the three run in turn, A B C A B C,
 * each on a fresh design object so that no per-design cache (the engine's graph) survives from
 * one run to the next. Judged on CPU-time medians. Beside them, the `cost` command's text of the
 * same report (writeCostText, as the command writes it: UTF-8 bytes); the command's whole run is in
 * the cli bench.
 *
 * Run: npm run bench -- cost   (BENCH_RUNS=N samples per size; default 20)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDesign, syntheticDesign } from '../src/catalog';
import { checkDesign } from '../src/engine';
import { estimateCost, parsePriceCatalog, type CostReport } from '../src/engine/cost';
import { writeCostText } from '../src/cli/format/cost-text';
import { serializeDesign, type Design } from '../src/model';
import { ROOT, measure, ms, printAims, printHeader, sampleInterleaved, writeResults, type Aim, type Stats } from './harness';

const SIZES = [1000, 5000, 20000];
const SAMPLES = Number(process.env.BENCH_RUNS ?? 20);

interface SizeResult {
  size: number;
  components: number;
  lineItems: number;
  monthlyUsd: number;
  priceColdCpuMs: number;
  price: Stats;
  check: Stats;
  parse: Stats;
  text: Stats;
}

/** One size, in this (fresh) process. CPU-time statistics. */
function measureSize(size: number): SizeResult {
  const design = syntheticDesign(size, 1);
  const text = serializeDesign(design);
  const catalogText = () => readFileSync(join(ROOT, 'public', 'prices', `${design.provider}.json`), 'utf8');
  const cold = measure(() => estimateCost({ ...design }, [parsePriceCatalog(JSON.parse(catalogText()))]));
  const catalog = parsePriceCatalog(JSON.parse(catalogText()));
  const fresh = (): Design => ({ ...design });
  const priced = estimateCost(fresh(), [catalog]);
  let written = 0;
  const result = sampleInterleaved(
    {
      price: () => estimateCost(fresh(), [catalog]),
      check: () => checkDesign(fresh()),
      parse: () => {
        const loaded = loadDesign(text);
        if (!loaded.ok) throw new Error(`synthetic design ${size} does not load: ${loaded.problems[0]?.message}`);
        return loaded;
      },
      text: () => writeCostText(priced, design, 'design.yaml', { text: (piece) => (written += piece.length), bytes: (bytes) => (written += bytes.length) }),
    },
    { samples: SAMPLES, warmup: 2 },
  );
  const report = result.price.value as CostReport;
  return {
    size,
    components: design.components.length,
    lineItems: report.lineItems.length,
    monthlyUsd: report.monthly,
    priceColdCpuMs: cold.cpuMs,
    price: result.price.cpu,
    check: result.check.cpu,
    parse: result.parse.cpu,
    text: result.text.cpu,
  };
}

const sizeArg = process.argv.indexOf('--size');
if (sizeArg >= 0) {
  process.stdout.write(JSON.stringify(measureSize(Number(process.argv[sizeArg + 1]))));
} else {
  printHeader('cost', `Pricing beside checking and parsing, generated designs (seed 1), each size in its own process, ${SAMPLES} interleaved samples after 2 warm-up runs, CPU time`);
  const results = SIZES.map((size) => {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--size', String(size)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (child.status !== 0) throw new Error(`cost bench at ${size} failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as SizeResult;
  });
  console.table(
    results.map((r) => ({
      components: r.components,
      'line items': r.lineItems,
      'price cold': ms(r.priceColdCpuMs),
      'price median': ms(r.price.median),
      'price p95': ms(r.price.p95),
      'check median': ms(r.check.median),
      'parse median': ms(r.parse.median),
      'text median': ms(r.text.median),
      'price / check': (r.price.median / r.check.median).toFixed(2),
      'price / parse': (r.price.median / r.parse.median).toFixed(2),
    })),
  );
  const aims: Aim[] = results.map((r) => ({
    what: `pricing within the checking budget, ${r.components.toLocaleString('en-US')} components`,
    aim: r.size === 5000 ? 'price ≤ check' : '(reported)',
    figure: `${(r.price.median / r.check.median).toFixed(2)}x (${ms(r.price.median)} / ${ms(r.check.median)} CPU medians)`,
    met: r.size === 5000 ? r.price.median <= r.check.median : undefined,
  }));
  printAims(aims);
  writeResults('cost', aims, { samples: SAMPLES, results });
}
