/**
 * `npm run fuzz`: 10,000 generated design files through the command line's own code (runCli, in
 * process), each through one command and output format, checked as the seeded subset in `npm test`
 * checks them (src/cli/fuzz.test.ts). Reports every violation, the exit codes, and the slowest
 * refusal. Exits 1 when any run broke something.
 *
 *   npm run fuzz                      10,000 files, seed 1
 *   npm run fuzz -- --runs 500 --seed 7
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseHcl } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { fuzzCase } from '../src/cli/fuzz/cases';
import { runCase } from '../src/cli/fuzz/check';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
const runs = Number(values.runs);
const seed = Number(values.seed);
const dir = mkdtempSync(join(tmpdir(), 'ninesmith-fuzz-'));
const cases = fc.sample(fuzzCase, { numRuns: runs, seed });

const exits = new Map<number, number>();
const byKind = new Map<string, number>();
const refusals: { ms: number; label: string }[] = [];
const failures: { label: string; violations: string[] }[] = [];
const time = new Map<string, { n: number; ms: number }>();
// Untimed first runs, so module loading and the first compilation are not counted as a refusal's time.
for (const fuzz of cases.slice(0, 20)) await runCase(fuzz, dir);
const started = performance.now();
try {
  for (const [index, fuzz] of cases.entries()) {
    const outcome = await runCase(fuzz, dir, process.env.FUZZ_NO_HCL ? {} : { parseHcl: (text, file) => parseHcl(file, text) });
    exits.set(outcome.exit, (exits.get(outcome.exit) ?? 0) + 1);
    byKind.set(fuzz.kind, (byKind.get(fuzz.kind) ?? 0) + 1);
    const label = `#${index} ${fc.stringify(fuzz)}`;
    const key = `${fuzz.command.name}${'format' in fuzz.command ? ` ${fuzz.command.format}` : ''} ${outcome.exit === 2 ? 'refused' : 'accepted'}`;
    const entry = time.get(key) ?? { n: 0, ms: 0 };
    time.set(key, { n: entry.n + 1, ms: entry.ms + outcome.ms });
    if (outcome.exit === 2) refusals.push({ ms: outcome.ms, label });
    if (outcome.violations.length > 0) failures.push({ label, violations: outcome.violations });
    if ((index + 1) % 1000 === 0) console.log(`${index + 1} of ${runs} files, ${failures.length} broke something`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

refusals.sort((a, b) => a.ms - b.ms);
const percentile = (p: number) => refusals[Math.min(refusals.length - 1, Math.floor((p / 100) * refusals.length))]?.ms ?? 0;
console.log(`\nfuzz: ${runs} generated files, seed ${seed}, in ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(`kinds: ${[...byKind].map(([kind, n]) => `${n} ${kind}`).join(', ')}`);
console.log(`exit codes: ${[...exits].sort(([a], [b]) => a - b).map(([code, n]) => `${n} exit ${code}`).join(', ')}`);
console.log(`crashes (exit 3): ${exits.get(3) ?? 0}`);
console.log(`mean time in process: ${[...time].sort(([a], [b]) => a.localeCompare(b)).map(([key, { n, ms }]) => `${key} ${(ms / n).toFixed(1)} ms (${n})`).join('; ')}`);
if (refusals.length > 0) {
  const slowest = refusals[refusals.length - 1]!;
  console.log(`refusals: ${refusals.length}, in process: p50 ${percentile(50).toFixed(1)} ms, p99 ${percentile(99).toFixed(1)} ms, slowest ${slowest.ms.toFixed(1)} ms`);
  console.log(`slowest refusal: ${slowest.label.slice(0, 300)}`);
}
if (failures.length > 0) {
  console.log(`\n${failures.length} runs broke something:`);
  for (const failure of failures.slice(0, 20)) console.log(`- ${failure.label.slice(0, 300)}\n    ${failure.violations.join('\n    ')}`);
  process.exitCode = 1;
} else {
  console.log('zero runs broke anything');
}
