// `npm run bench -- export`: exports a generated 1,000-component design (all targets) and reports
// the cold first run, the warm median and minimum of wall time, and the median CPU time of the
// process (user + system), which other processes on a loaded machine do not inflate.
// Target: well under a second.
import { cpus, loadavg } from 'node:os';
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
  minMs: number;
  medianMs: number;
  p95Ms: number;
  cpuMedianMs: number;
}

function time<T>(run: () => T): [T, number, number] {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = run();
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return [value, wall, (used.user + used.system) / 1000];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const rows: Row[] = [];
for (const size of SIZES) {
  const design = syntheticDesign(size, 1);
  for (const target of ['all', ...EXPORT_TARGETS] as const) {
    const options = target === 'all' ? {} : { targets: [target] };
    const [files, coldMs] = time(() => generateExport(design, options));
    const samples: number[] = [];
    const cpuSamples: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const [, wall, cpu] = time(() => generateExport(design, options));
      samples.push(wall);
      cpuSamples.push(cpu);
    }
    samples.sort((a, b) => a - b);
    rows.push({
      components: design.components.length,
      target,
      files: files.length,
      megabytes: Number((files.reduce((sum, f) => sum + f.contents.length, 0) / 1e6).toFixed(2)),
      coldMs: Math.round(coldMs),
      minMs: Math.round(samples[0]!),
      medianMs: Math.round(samples[Math.floor(samples.length / 2)]!),
      p95Ms: Math.round(samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)]!),
      cpuMedianMs: Math.round(median(cpuSamples)),
    });
  }
}

console.log(`Command: npm run bench -- export   (node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
console.table(rows);
const headline = rows.find((row) => row.components === 1000 && row.target === 'all')!;
console.log(
  `1,000 components, all targets: ${headline.medianMs} ms warm median (min ${headline.minMs} ms), ${headline.cpuMedianMs} ms CPU, ${headline.coldMs} ms cold (target: well under 1,000 ms)`,
);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/export.json', `${JSON.stringify({ runs: RUNS, rows }, null, 2)}\n`);
// Judged on CPU time: wall time on a shared machine measures the neighbours as much as the export.
if (headline.cpuMedianMs >= 1000) process.exitCode = 1;
