/**
 * The command line's answer time for files it must refuse (issue 2: "a dangling connection, a zone
 * that its region lacks, a syntax error and an alias bomb each get exit 2 within a second"), as a
 * user sees it: a whole `node bin/ninesmith.mjs validate FILE` process, start-up included.
 * Run: npm run bench -- cli
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const valid = `ninesmith: 1
name: Bench
regions:
  - { id: primary, location: us-east-1, zones: [a, b] }
components:
  - { id: users, kind: users }
  - { id: web, kind: app-service, region: primary, zones: [a, b], replicas: 2 }
connections:
  - { from: users, to: web }
`;
const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
for (let i = 1; i < 10; i += 1) {
  const name = String.fromCharCode(97 + i);
  bomb.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
}

const cases: [string, string][] = [
  ['dangling connection', valid.replace('to: web }', 'to: api }')],
  ['zone its region lacks', valid.replace('zones: [a, b], replicas', 'zones: [a, d], replicas')],
  ['syntax error', 'ninesmith: 1\nname: [oops\n'],
  ['alias bomb', bomb.join('\n')],
  ['deep nesting (200,000 levels)', '['.repeat(200_000) + ']'.repeat(200_000)],
];

const dir = mkdtempSync(join(tmpdir(), 'ninesmith-bench-'));
const RUNS = 5;
const rows: { case: string; exit: number | null; medianMs: number; maxMs: number }[] = [];
for (const [name, text] of cases) {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
  writeFileSync(file, text);
  const times: number[] = [];
  let exit: number | null = null;
  for (let run = 0; run < RUNS; run += 1) {
    const started = performance.now();
    const result = spawnSync(process.execPath, ['bin/ninesmith.mjs', 'validate', file], { encoding: 'utf8' });
    times.push(performance.now() - started);
    exit = result.status;
  }
  times.sort((a, b) => a - b);
  rows.push({ case: name, exit, medianMs: Math.round(times[Math.floor(RUNS / 2)]!), maxMs: Math.round(times[RUNS - 1]!) });
}
console.log(`validate on files it must refuse: whole process, ${RUNS} runs each`);
console.table(rows);
const slow = rows.filter((row) => row.exit !== 2 || row.maxMs >= 1000);
console.log(slow.length === 0 ? 'aim met: every case exits 2 within a second' : `aim missed: ${slow.map((r) => r.case).join(', ')}`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/cli.json', `${JSON.stringify(rows, null, 2)}\n`);
