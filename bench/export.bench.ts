// `npm run bench -- export`: exports a generated 1,000-component design (all targets) and reports
// the cold first run and the warm median. Target: well under a second.
import { mkdirSync, writeFileSync } from 'node:fs';
import { syntheticDesign } from '../src/catalog';
import { EXPORT_TARGETS, generateExport } from '../generators';

const SIZES = [1000, 5000];
const RUNS = 7;

interface Row {
  components: number;
  target: string;
  files: number;
  megabytes: number;
  coldMs: number;
  medianMs: number;
  p95Ms: number;
}

function time<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

const rows: Row[] = [];
for (const size of SIZES) {
  const design = syntheticDesign(size, 1);
  for (const target of ['all', ...EXPORT_TARGETS] as const) {
    const options = target === 'all' ? {} : { targets: [target] };
    const [files, coldMs] = time(() => generateExport(design, options));
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i += 1) samples.push(time(() => generateExport(design, options))[1]);
    samples.sort((a, b) => a - b);
    rows.push({
      components: design.components.length,
      target,
      files: files.length,
      megabytes: Number((files.reduce((sum, f) => sum + f.contents.length, 0) / 1e6).toFixed(2)),
      coldMs: Math.round(coldMs),
      medianMs: Math.round(samples[Math.floor(samples.length / 2)]!),
      p95Ms: Math.round(samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)]!),
    });
  }
}

console.log('Command: npm run bench -- export   (node', process.version + ')');
console.table(rows);
const headline = rows.find((row) => row.components === 1000 && row.target === 'all')!;
console.log(`1,000 components, all targets: ${headline.medianMs} ms warm median, ${headline.coldMs} ms cold (target: well under 1,000 ms)`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/export.json', `${JSON.stringify({ runs: RUNS, rows }, null, 2)}\n`);
if (headline.medianMs >= 1000) process.exitCode = 1;
