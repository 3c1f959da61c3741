/**
 * The engine's cost beside the cost of reading the same design (docs/performance.md: checks + analysis at
 * most half of parse + schema-validate, at 1,000, 5,000 and 20,000 components). Per size, parsing the
 * YAML (loadDesign) and checking plus analysing it (analyzeDesign) run in turn, A B A B, so both
 * see the same machine; the ratio is of CPU-time medians. The engine gets a fresh design, with fresh
 * component objects, each run (made just before the run, outside the timing): it caches its indexes per
 * design object, as the app's revisions do, and a cache kept between runs would flatter it (when each
 * kind still kept its props per component object, the same components each run made the engine about
 * 10% faster at 5,000 than a design just read).
 *
 * Run: npm run bench -- engine   (BENCH_RUNS=N samples per size; default 20)
 */
import { loadDesign, syntheticDesign } from '../src/catalog';
import { serializeDesign, type Design } from '../src/model';
import { analyzeDesign, type DesignAnalysis } from '../src/engine';
import { ms, printAims, printHeader, sampleInterleaved, writeResults, type Aim } from './harness';

const SIZES = [1000, 5000, 20000];
const SAMPLES = Number(process.env.BENCH_RUNS ?? 20);
const AIM = 0.5;

printHeader('engine', `Checks + analysis (analyzeDesign) beside parse + schema validation (loadDesign), generated designs (seed 1), ${SAMPLES} interleaved samples per size after 2 warm-up runs`);

const rows = SIZES.map((size) => {
  const design = syntheticDesign(size, 1);
  const text = serializeDesign(design);
  const WARMUP = 2;
  // Each run analyses a design of its own, with new component objects (as loadDesign gives), made
  // untimed just before the run: a user's process holds one design, and the runs' designs made all
  // at once (22 of them at 20,000 components) were a live heap every collection in both cases walked.
  let fresh: Design | undefined;
  const result = sampleInterleaved(
    {
      parse: () => {
        const loaded = loadDesign(text);
        if (!loaded.ok) throw new Error(`synthetic design ${size} does not load: ${loaded.problems[0]?.message}`);
        return loaded.design;
      },
      engine: () => {
        const analysed = analyzeDesign(fresh!);
        fresh = undefined;
        return analysed;
      },
    },
    {
      samples: SAMPLES,
      warmup: WARMUP,
      prepare: { engine: () => (fresh = { ...design, components: design.components.map((component) => ({ ...component })) }) },
    },
  );
  const analysis = result.engine.value as DesignAnalysis;
  return {
    components: design.components.length,
    connections: design.connections.length,
    yamlKb: Math.round(text.length / 1024),
    parse: { cpu: result.parse.cpu, wall: result.parse.wall, coldMs: result.parse.cold.cpuMs },
    engine: { cpu: result.engine.cpu, wall: result.engine.wall, coldMs: result.engine.cold.cpuMs },
    cpuRatio: result.engine.cpu.median / result.parse.cpu.median,
    wallRatio: result.engine.wall.median / result.parse.wall.median,
    findings: analysis.findings.length,
    scenarios: analysis.scenarios.length,
    // What the engine makes beside what parse reads: the analysis written out as JSON (untimed).
    analysisJsonKb: Math.round(JSON.stringify(analysis).length / 1024),
  };
});

console.table(
  rows.map((row) => ({
    components: row.components,
    'YAML kB': row.yamlKb,
    'analysis JSON kB': row.analysisJsonKb,
    'parse CPU median': ms(row.parse.cpu.median),
    'parse CPU p95': ms(row.parse.cpu.p95),
    'engine CPU median': ms(row.engine.cpu.median),
    'engine CPU p95': ms(row.engine.cpu.p95),
    'engine cold': ms(row.engine.coldMs),
    'engine / parse (CPU)': row.cpuRatio.toFixed(2),
    'engine / parse (wall)': row.wallRatio.toFixed(2),
    findings: row.findings,
    scenarios: row.scenarios,
  })),
);

const aims: Aim[] = rows.map((row) => ({
  what: `checks + analysis vs parse and schema-validate, ${row.components.toLocaleString('en-US')} components`,
  aim: `≤ ${AIM}x`,
  figure: `${row.cpuRatio.toFixed(2)}x (CPU medians ${ms(row.engine.cpu.median)} / ${ms(row.parse.cpu.median)}, n ${row.engine.cpu.n}; wall ${row.wallRatio.toFixed(2)}x)`,
  met: row.cpuRatio <= AIM,
}));
printAims(aims);
writeResults('engine', aims, { samples: SAMPLES, rows });
