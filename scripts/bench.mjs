#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/ in name order (*.bench.ts through tsx,
// *.bench.mjs with node), each in its own process so one's heap does not skew another's, then
// prints every aim with its figure in one table: the `aims` each bench wrote to
// bench-results/<name>.json in this run (bench/harness.ts).
// Pass names to run only some: `npm run bench -- engine cost`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((file) => /\.bench\.(ts|mjs)$/.test(file))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();
if (files.length === 0) {
  console.error('bench: no benchmarks matched');
  process.exit(1);
}
const started = Date.now();
let failed = 0;
const aims = [];
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const runner = file.endsWith('.ts') ? ['npx', ['tsx', join('bench', file)]] : ['node', [join('bench', file)]];
  const result = spawnSync(runner[0], runner[1], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`bench: ${file} failed (exit ${result.status})`);
  }
  const resultsFile = join('bench-results', `${file.replace(/\.bench\.(ts|mjs)$/, '')}.json`);
  try {
    if (statSync(resultsFile).mtimeMs < started) continue;
    const written = JSON.parse(readFileSync(resultsFile, 'utf8'));
    for (const aim of written.aims ?? []) aims.push({ bench: file, ...aim });
  } catch {
    // This bench wrote no results (or none with aims): nothing to gather.
  }
}
if (aims.length > 0) {
  console.log('\n=== aims and figures, as measured in this run ===');
  console.table(aims.map((aim) => ({ bench: aim.bench, what: aim.what, aim: aim.aim, figure: aim.figure, met: aim.met === undefined || aim.met === null ? '(reported)' : aim.met ? 'yes' : 'NO' })));
}
process.exit(failed > 0 ? 1 : 0);
