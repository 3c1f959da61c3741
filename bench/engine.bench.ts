/**
 * The engine's cost beside the cost of reading the same design (docs/performance.md, "The engine alone").
 * For generated designs of 1,000, 5,000 and 20,000 components: parse + schema-validate the YAML
 * (loadDesign) and run every check plus the analysis (analyzeDesign), cold first run and warm median,
 * in the same process. Aim: checks plus analysis cost at most half of parsing.
 * Run: npm run bench -- engine   (or: npx tsx bench/engine.bench.ts)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadDesign, syntheticDesign } from '../src/catalog';
import { serializeDesign, type Design } from '../src/model';
import { analyzeDesign, checkDesign } from '../src/engine';

const SIZES = [1000, 5000, 20000];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/**
 * Milliseconds of this process's CPU time (user + system) spent in `fn`. On a shared, loaded machine
 * wall-clock time mostly measures waiting for a core; CPU time measures the work. Wall time is kept
 * beside it in the JSON.
 */
function time<T>(fn: () => T): [number, T, number] {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return [(used.user + used.system) / 1000, value, performance.now() - wall];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Row {
  components: number;
  connections: number;
  yamlKb: number;
  parseColdMs: number;
  parseWarmMs: number;
  engineColdMs: number;
  engineWarmMs: number;
  parseBestMs: number;
  engineBestMs: number;
  parseWallMedianMs: number;
  engineWallMedianMs: number;
  rulesOnlyWarmMs: number;
  findings: number;
  scenarios: number;
  ratio: number;
}

const rows: Row[] = [];
for (const size of SIZES) {
  const design = syntheticDesign(size, 1);
  const text = serializeDesign(design);
  const load = () => {
    const result = loadDesign(text);
    if (!result.ok) throw new Error(`synthetic design ${size} does not load: ${result.problems[0]?.message}`);
    return result.design;
  };
  // A fresh object each run: the engine caches its indexes per design object, as the app's revisions do.
  const fresh = (): Design => ({ ...design });
  const [parseColdMs] = time(load);
  const [engineColdMs, first] = time(() => analyzeDesign(fresh()));
  const parse: number[] = [];
  const engine: number[] = [];
  const rules: number[] = [];
  const parseWall: number[] = [];
  const engineWall: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const p = time(load);
    parse.push(p[0]);
    parseWall.push(p[2]);
    const e = time(() => analyzeDesign(fresh()));
    engine.push(e[0]);
    engineWall.push(e[2]);
    rules.push(time(() => checkDesign(fresh()))[0]);
  }
  const parseWarmMs = median(parse);
  const engineWarmMs = median(engine);
  rows.push({
    components: design.components.length,
    connections: design.connections.length,
    yamlKb: Math.round(text.length / 1024),
    parseColdMs,
    parseWarmMs,
    engineColdMs,
    engineWarmMs,
    parseBestMs: Math.min(...parse),
    engineBestMs: Math.min(...engine),
    parseWallMedianMs: median(parseWall),
    engineWallMedianMs: median(engineWall),
    rulesOnlyWarmMs: median(rules),
    findings: first.findings.length,
    scenarios: first.scenarios.length,
    ratio: engineWarmMs / parseWarmMs,
  });
}

const f = (ms: number) => ms.toFixed(1).padStart(8);
console.log(`engine (checks + analysis) vs parse + schema validation, CPU ms, ${RUNS} warm runs each, node ${process.version}`);
// Medians are the figures; the best runs are shown too because a loaded machine inflates medians.
// Wall-clock medians are in bench-results/engine.json.
console.log('components  connections  YAML kB   parse cold  parse warm   parse best  engine cold  engine warm  engine best  rules only  engine/parse  findings  scenarios');
for (const r of rows) {
  console.log(
    `${String(r.components).padStart(10)}  ${String(r.connections).padStart(11)}  ${String(r.yamlKb).padStart(7)}  ${f(r.parseColdMs)} ms ${f(r.parseWarmMs)} ms ${f(r.parseBestMs)} ms ${f(r.engineColdMs)} ms  ${f(r.engineWarmMs)} ms ${f(r.engineBestMs)} ms ${f(r.rulesOnlyWarmMs)} ms  ${r.ratio.toFixed(2).padStart(12)}  ${String(r.findings).padStart(8)}  ${String(r.scenarios).padStart(9)}`,
  );
}
const worst = Math.max(...rows.map((r) => r.ratio));
console.log(`aim: engine at most half of parsing (ratio <= 0.50): ${worst <= 0.5 ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)})`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/engine.json', `${JSON.stringify({ runs: RUNS, node: process.version, rows }, null, 2)}\n`);
