/**
 * An edit's analysis in Node, as the app runs it (analyzeChange: from the analysis before the edit),
 * beside the same with the rules run in full (the figures still worked out from before: how the app
 * analysed an edit until the rules said what they read) and beside analysing the design from nothing
 * (analyzeDesign). The aim is the app's: findings painted within two frames (33 ms) of an edit at
 * 5,000 components; this is the engine's share of it, without the page's work (browser.bench.mjs).
 * Per size and edit the three run in turn, A B C A B C, each on a fresh copy of the edited design
 * (the engine caches its indexes per design object, and a cache kept between runs would flatter it).
 *
 * Run: npm run bench -- edit   (BENCH_RUNS=N samples per case; default 20)
 */
import { syntheticDesign } from '../src/catalog';
import { edits, type Design } from '../src/model';
import { analyzeChange, analyzeChangeFigures, analyzeDesign, journeyPlans } from '../src/engine';
import { analysisWith } from '../src/engine/analysis/analyze';
import { graphOf } from '../src/engine/graph';
import { ms, printAims, printHeader, sampleInterleaved, writeResults, type Aim } from './harness';

const SIZES = [1000, 5000];
const SAMPLES = Number(process.env.BENCH_RUNS ?? 20);
const AIM_MS = 33;
const AIM_SIZE = 5000;

printHeader('edit', `An edit's analysis from the one before it (analyzeChange), with the rules in full, and from nothing (analyzeDesign); generated designs (seed 1), ${SAMPLES} interleaved samples per case after 2 warm-up runs`);

/** The edits the app makes most, on a component in the middle of a journey's route. */
function editsOf(design: Design): [string, Design][] {
  const plan = journeyPlans(graphOf(design))[0]!;
  const component = design.components[plan.relevant[Math.floor(plan.relevant.length / 2)]!]!;
  const region = design.regions.find((r) => r.id === component.region)!;
  const caller = design.components.find((c) => c.id !== component.id && c.region === component.region)!;
  const analysis = analyzeDesign(design);
  const fix = analysis.findings.find((f) => f.autoFix && f.components[0] === component.id) ?? analysis.findings.find((f) => f.autoFix)!;
  return [
    ['toggle a zone', edits.toggleComponentZone(design, component.id, region.zones.at(-1)!)],
    ['rename', edits.updateComponent(design, component.id, (c) => ({ ...c, name: 'Renamed' }))],
    ['scale', edits.updateComponent(design, component.id, (c) => ({ ...c, replicas: (c.replicas ?? 1) + 1 }))],
    ['connect', edits.addConnection(design, { from: caller.id, to: component.id, mode: 'sync' })],
    [`apply a fix (${fix.rule})`, fix.autoFix!.apply(design)],
    ['accept a risk', edits.addSuppression(design, { rule: fix.rule, component: fix.components[0], reason: 'accepted' })],
  ];
}

const rows = SIZES.flatMap((size) => {
  const design = syntheticDesign(size, 1);
  const analysis = analyzeDesign(design);
  return editsOf(design).map(([edit, after]) => {
    const fresh = (): Design => ({ ...after });
    const result = sampleInterleaved(
      {
        change: () => analyzeChange(design, analysis, fresh()),
        rulesInFull: () => {
          const figures = analyzeChangeFigures(design, analysis, fresh());
          return analysisWith(figures.graph, figures.journeys, figures.scenarios);
        },
        nothing: () => analyzeDesign(fresh()),
      },
      { samples: SAMPLES, warmup: 2 },
    );
    return { size, edit, incremental: analyzeChangeFigures(design, analysis, fresh()).incremental, change: result.change.cpu, changeWall: result.change.wall, rulesInFull: result.rulesInFull.cpu, nothing: result.nothing.cpu };
  });
});

console.table(
  rows.map((row) => ({
    components: row.size,
    edit: row.edit,
    bounded: row.incremental ? 'yes' : 'no (in full)',
    'change CPU median': ms(row.change.median),
    'change CPU p95': ms(row.change.p95),
    'change wall median': ms(row.changeWall.median),
    'rules in full CPU median': ms(row.rulesInFull.median),
    'from nothing CPU median': ms(row.nothing.median),
  })),
);

const aims: Aim[] = rows
  .filter((row) => row.size === AIM_SIZE)
  .map((row) => ({
    what: `edit to findings in Node (engine only), ${row.edit}, ${row.size.toLocaleString('en-US')} components`,
    aim: `≤ ${AIM_MS} ms (2 frames)`,
    figure: `${ms(row.change.median)} CPU median (p95 ${ms(row.change.p95)}, n ${row.change.n}); rules in full ${ms(row.rulesInFull.median)}, from nothing ${ms(row.nothing.median)}`,
    met: row.change.median <= AIM_MS,
  }));
printAims(aims);
writeResults('edit', aims, { samples: SAMPLES, rows });
