/**
 * The command line as a user gets it: the package packed (`npm pack`, which builds the CLI) and
 * installed into an empty folder with no dev dependencies, then whole processes timed, start-up
 * included. Rows of the aims table (docs/performance.md): `npx ninesmith validate` on a template (aim 0.25 s),
 * beside what npm (`npx --version`) and Node (`node -e 0`) take to start on their own, and what npx
 * takes to run a package whose command does nothing (the npx row's floor); `cost` text at
 * 20,000 components (2 s); `export` at 20,000 (3 s, 500 MB) and of a template; validate and cost on valid generated
 * designs of 1,000, 5,000 and 20,000 components; and the "files it must refuse exit 2
 * within a second".
 *
 * Wall time is the figure the aims are judged on (it is what a user waits for); CPU time and peak
 * memory of the command's own processes are printed beside it. Scale rows run
 * node_modules/.bin/ninesmith (what npx runs) so that npx's own start-up, measured once in the
 * first rows, is not added to every figure.
 *
 * Run: npm run bench -- cli   (BENCH_SAMPLES=N scales every sample count; default 1)
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDesign } from '../src/catalog';
import { serializeDesign } from '../src/model';
import { installTarball, packAndInstall, run as runChecked } from '../scripts/packed-install';
import { ROOT, megabytes, printAims, printHeader, sampleProcess, seconds, writeResults, type Aim, type SampledProcess } from './harness';

const SCALE = Number(process.env.BENCH_SAMPLES ?? 1);
const count = (samples: number) => Math.max(1, Math.round(samples * SCALE));
const TEMPLATE = 'single-region-multi-az.yaml';
/** The package of the npx floor row: one command, a Node script that does nothing. */
const EMPTY_PACKAGE = 'ninesmith-bench-empty-command';
const SIZES = [1000, 5000, 20000] as const;
/**
 * 20 samples where a run is cheap, fewer where it takes seconds. Every run is a new process, so
 * there is no warm code to wait for; one uncounted run at 1,000 warms the disk cache.
 */
const scaleSamples = (size: number) => (size <= 1000 ? { samples: 20, warmup: 1 } : size <= 5000 ? { samples: 10, warmup: 0 } : { samples: 5, warmup: 0 });

printHeader('cli', 'The installed command line (npm pack, then installed with --omit=dev into an empty folder): whole processes');
const workDir = mkdtempSync(join(tmpdir(), 'ninesmith-cli-bench-'));
try {
  const installed = packAndInstall(workDir);
  const cwd = installed.installDir;
  // The template as the repository ships it, next to the install as a user's own file would be.
  copyFileSync(join(ROOT, 'templates', TEMPLATE), join(cwd, TEMPLATE));
  for (const size of SIZES) writeFileSync(join(cwd, `synthetic-${size}.yaml`), serializeDesign(syntheticDesign(size, 1)));

  interface Row {
    command: string;
    run: SampledProcess;
  }
  const rows: Row[] = [];
  type RunOptions = { samples: number; warmup?: number; expectStatus: number[]; before?: () => void };
  const runIn = (dir: string, label: string, command: string, args: string[], options: RunOptions): SampledProcess => {
    const result = sampleProcess(command, args, { cwd: dir, ...options, samples: count(options.samples) });
    rows.push({ command: label, run: result });
    console.log(`  ${label}: median ${seconds(result.wall.median)} (p95 ${seconds(result.wall.p95)}, n ${result.wall.n}), CPU ${seconds(result.cpu.median)}, peak ${megabytes(result.rssMb.max)}`);
    return result;
  };
  const run = (label: string, command: string, args: string[], options: RunOptions): SampledProcess => runIn(cwd, label, command, args, options);
  const bin = installed.bin;
  const emptyInstall = installEmptyPackage(workDir);

  console.log('\nstart-up, on a template');
  // --no: never fetch a package of that name from the registry; the installed one runs.
  const npx = run(`npx ninesmith validate ${TEMPLATE}`, 'npx', ['--no', 'ninesmith', 'validate', TEMPLATE], { samples: 20, warmup: 2, expectStatus: [0, 1] });
  const direct = run(`ninesmith validate ${TEMPLATE} (node_modules/.bin)`, bin, ['validate', TEMPLATE], { samples: 20, warmup: 2, expectStatus: [0, 1] });
  const version = run('ninesmith --version (node_modules/.bin)', bin, ['--version'], { samples: 20, warmup: 2, expectStatus: [0] });
  // What every `npx` command pays before any of the package's code runs, and Node's own start-up
  // under that: the floor the npx row cannot go below, whatever the command line does.
  const npxAlone = run('npx --version (npm alone)', 'npx', ['--version'], { samples: 20, warmup: 2, expectStatus: [0] });
  const nodeAlone = run('node -e 0 (Node alone)', process.execPath, ['-e', '0'], { samples: 20, warmup: 2, expectStatus: [0] });
  // npx running an installed package's command that does nothing, installed as Ninesmith is: what
  // `npx <any package> ...` costs before and after the command itself (npm resolving the package
  // and its bin, the shell it starts the command in, Node's start-up). `npx --version` alone is
  // less: it returns before npm looks for any package.
  const npxEmpty = runIn(emptyInstall, `npx ${EMPTY_PACKAGE} (a package whose command does nothing)`, 'npx', ['--no', EMPTY_PACKAGE, 'validate', TEMPLATE], { samples: 20, warmup: 2, expectStatus: [0] });

  console.log('\nvalid generated designs (seed 1)');
  const validate = new Map<number, SampledProcess>();
  const cost = new Map<number, SampledProcess>();
  for (const size of SIZES) {
    validate.set(size, run(`ninesmith validate synthetic-${size}.yaml`, bin, ['validate', `synthetic-${size}.yaml`], { ...scaleSamples(size), expectStatus: [0, 1] }));
  }
  for (const size of SIZES) {
    cost.set(size, run(`ninesmith cost synthetic-${size}.yaml`, bin, ['cost', `synthetic-${size}.yaml`], { ...scaleSamples(size), expectStatus: [0] }));
  }
  // The largest of the cost formats (60 MB of JSON at 20,000 components), for CI that reads it.
  const costJson = run('ninesmith cost synthetic-20000.yaml --format json', bin, ['cost', 'synthetic-20000.yaml', '--format', 'json'], { ...scaleSamples(20000), expectStatus: [0] });
  // What a user exports most: a design of a few dozen components, where the proposal's PDF, Word
  // document and diagram (drawn by resvg) are most of the time, whatever the design's size.
  const templateOut = join(cwd, 'export-template');
  const templateExport = run(`ninesmith export ${TEMPLATE} --out export-template`, bin, ['export', TEMPLATE, '--out', 'export-template'], {
    samples: 10,
    warmup: 1,
    expectStatus: [0],
    before: () => rmSync(templateOut, { recursive: true, force: true }),
  });
  const exported = new Map<number, SampledProcess>();
  for (const size of [5000, 20000]) {
    const out = join(cwd, `export-${size}`);
    exported.set(
      size,
      run(`ninesmith export synthetic-${size}.yaml --out export-${size}`, bin, ['export', `synthetic-${size}.yaml`, '--out', `export-${size}`], {
        samples: 3,
        warmup: 0,
        expectStatus: [0],
        before: () => rmSync(out, { recursive: true, force: true }),
      }),
    );
  }

  console.log('\nfiles it must refuse (exit 2 within a second)');
  const refused = refusedCases().map(([name, text]) => {
    const file = `refuse-${name.replace(/\W+/g, '-')}.yaml`;
    writeFileSync(join(cwd, file), text);
    return { name, result: run(`ninesmith validate ${file}`, bin, ['validate', file], { samples: 10, expectStatus: [2] }) };
  });

  const aims: Aim[] = [
    { what: '`npx ninesmith validate` on a template', aim: '≤ 0.25 s', figure: `${seconds(npx.wall.median)} median, p95 ${seconds(npx.wall.p95)} (CPU ${seconds(npx.cpu.median)}, npm's included)`, met: npx.wall.median <= 250 },
    { what: '`ninesmith validate` on a template, without npx', aim: '(what npx runs)', figure: `${seconds(direct.wall.median)} median, p95 ${seconds(direct.wall.p95)} (CPU ${seconds(direct.cpu.median)}, peak ${megabytes(direct.rssMb.max)})`, met: undefined },
    { what: '`ninesmith --version`: start-up alone', aim: '(reported)', figure: `${seconds(version.wall.median)} median (CPU ${seconds(version.cpu.median)})`, met: undefined },
    {
      what: '`npx --version` and `node -e 0`: npm\'s and Node\'s own start-up',
      aim: '(reported)',
      figure: `${seconds(npxAlone.wall.median)} and ${seconds(nodeAlone.wall.median)} median (CPU ${seconds(npxAlone.cpu.median)} and ${seconds(nodeAlone.cpu.median)})`,
      met: undefined,
    },
    {
      what: '`npx` running a package whose command does nothing: the npx row\'s floor',
      aim: '(reported)',
      figure: `${seconds(npxEmpty.wall.median)} median, p95 ${seconds(npxEmpty.wall.p95)} (CPU ${seconds(npxEmpty.cpu.median)}); Ninesmith's own part of the npx row: ${seconds(npx.wall.median - npxEmpty.wall.median)}`,
      met: undefined,
    },
    ...SIZES.map((size): Aim => {
      const r = validate.get(size)!;
      return { what: `\`ninesmith validate\`, ${size.toLocaleString('en-US')} components`, aim: '(reported)', figure: `${seconds(r.wall.median)} (CPU ${seconds(r.cpu.median)}, peak ${megabytes(r.rssMb.max)})`, met: undefined };
    }),
    ...SIZES.map((size): Aim => {
      const r = cost.get(size)!;
      return {
        what: `\`cost\` text, ${size.toLocaleString('en-US')} components`,
        aim: size === 20000 ? '≤ 2 s' : '(reported)',
        figure: `${seconds(r.wall.median)} (CPU ${seconds(r.cpu.median)}, peak ${megabytes(r.rssMb.max)})`,
        met: size === 20000 ? r.wall.median <= 2000 : undefined,
      };
    }),
    {
      what: '`cost --format json`, 20,000 components',
      aim: '(reported)',
      figure: `${seconds(costJson.wall.median)} (CPU ${seconds(costJson.cpu.median)}, peak ${megabytes(costJson.rssMb.max)})`,
      met: undefined,
    },
    {
      what: '`export`, all targets, of a template (whole command: the proposal with its diagram, PDF and Word)',
      aim: '(reported)',
      figure: `${seconds(templateExport.wall.median)} median, p95 ${seconds(templateExport.wall.p95)} (CPU ${seconds(templateExport.cpu.median)}, peak ${megabytes(templateExport.rssMb.max)})`,
      met: undefined,
    },
    {
      what: '`export`, all targets, 5,000 components (whole command)',
      aim: '(reported; in-process aim in the export bench)',
      figure: `${seconds(exported.get(5000)!.wall.median)} (CPU ${seconds(exported.get(5000)!.cpu.median)}, peak ${megabytes(exported.get(5000)!.rssMb.max)})`,
      met: undefined,
    },
    (() => {
      const r = exported.get(20000)!;
      return { what: '`export` at 20,000 components', aim: '≤ 3 s, ≤ 500 MB', figure: `${seconds(r.wall.median)}, peak ${megabytes(r.rssMb.max)} (CPU ${seconds(r.cpu.median)}, n ${r.wall.n})`, met: r.wall.median <= 3000 && r.rssMb.max <= 500 };
    })(),
    (() => {
      const slowest = Math.max(...refused.map((r) => r.result.wall.max));
      return { what: 'files it must refuse exit 2', aim: 'within 1 s, every run', figure: `slowest run ${seconds(slowest)} of ${refused.length} cases`, met: slowest < 1000 };
    })(),
  ];
  printAims(aims);
  writeResults('cli', aims, {
    packedFiles: installed.packedFiles,
    rows: rows.map((row) => ({ command: row.command, status: row.run.status, wallMs: row.run.wall, cpuMs: row.run.cpu, maxRssMb: row.run.rssMb })),
  });
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

/**
 * Packs a package whose only command is an empty Node script and installs it, as the bench installs
 * Ninesmith (from its tarball, offline, into a folder of its own); returns that folder.
 */
function installEmptyPackage(workDir: string): string {
  const packageDir = join(workDir, 'empty-package');
  mkdirSync(join(packageDir, 'bin'), { recursive: true });
  writeFileSync(join(packageDir, 'package.json'), `${JSON.stringify({ name: EMPTY_PACKAGE, version: '1.0.0', private: true, bin: { [EMPTY_PACKAGE]: 'bin/command.mjs' } }, null, 2)}\n`);
  writeFileSync(join(packageDir, 'bin', 'command.mjs'), '#!/usr/bin/env node\n');
  chmodSync(join(packageDir, 'bin', 'command.mjs'), 0o755);
  runChecked('npm', ['pack', '--silent', '--pack-destination', workDir], packageDir);
  const installDir = join(workDir, 'empty-install');
  installTarball(join(workDir, `${EMPTY_PACKAGE}-1.0.0.tgz`), installDir);
  return installDir;
}

/** Small designs that must be refused, each for a different reason. */
function refusedCases(): [string, string][] {
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
  return [
    ['dangling connection', valid.replace('to: web }', 'to: api }')],
    ['zone its region lacks', valid.replace('zones: [a, b], replicas', 'zones: [a, d], replicas')],
    ['syntax error', 'ninesmith: 1\nname: [oops\n'],
    ['alias bomb', bomb.join('\n')],
    ['deep nesting (200,000 levels)', '['.repeat(200_000) + ']'.repeat(200_000)],
  ];
}
