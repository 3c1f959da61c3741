#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/ in name order (*.bench.ts through tsx,
// *.bench.mjs with node), each in its own process so one's heap does not skew another's.
// Pass names to run only some: `npm run bench -- engine cost`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
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
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const runner = file.endsWith('.ts') ? ['npx', ['tsx', join('bench', file)]] : ['node', [join('bench', file)]];
  const result = spawnSync(runner[0], runner[1], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.error(`bench: ${file} failed (exit ${result.status})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
