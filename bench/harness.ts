/**
 * What every bench/*.bench.ts measures with, so none can flatter on its own: warm-up runs that are
 * not counted, at least 20 samples where a sample is cheap, median and p95 (never the best run
 * alone), CPU time beside wall time (a loaded, shared machine inflates wall time; CPU time is the
 * work), whole processes measured with their own CPU time and peak memory, and each figure
 * printed beside its aim. Each bench writes bench-results/<name>.json with its `aims`, which
 * `npm run bench` gathers into one table at the end.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function stats(values: readonly number[]): Stats {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return {
    n: sorted.length,
    median: sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2,
    // Nearest rank: with 20 samples, the 19th.
    p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

export interface Timed<T> {
  value: T;
  wallMs: number;
  /** This process's CPU time (user + system, every thread: GC helpers and compiler included). */
  cpuMs: number;
}

/** One run of `fn`, in this process. */
export function measure<T>(fn: () => T): Timed<T> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = fn();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

export interface Sampled<T> {
  wall: Stats;
  cpu: Stats;
  /** The first, uncounted run: cold caches and unoptimised code. */
  cold: Timed<T>;
  /** The value of the last counted run. */
  value: T;
}

export interface SampleOptions {
  /** Uncounted runs first (the first of them is reported as `cold`). Default 2. */
  warmup?: number;
  /** Counted runs. Default 20. */
  samples?: number;
  /** Work a case needs before each of its runs, done untimed right before it (a fresh input, made when it is needed rather than all held at once). */
  prepare?: Record<string, () => void>;
}

/**
 * Runs several cases in turn, A B C A B C..., so that a change in the machine's load lands on all
 * of them alike (the ratio between two cases is then fair even when the absolute figures move).
 */
export function sampleInterleaved<K extends string>(cases: Record<K, () => unknown>, options: SampleOptions = {}): Record<K, Sampled<unknown>> {
  const warmup = Math.max(1, options.warmup ?? 2);
  const samples = options.samples ?? 20;
  const names = Object.keys(cases) as K[];
  const cold = {} as Record<K, Timed<unknown>>;
  const wall = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  const cpu = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  const last = {} as Record<K, unknown>;
  for (let run = 0; run < warmup + samples; run += 1) {
    for (const name of names) {
      options.prepare?.[name]?.();
      const timed = measure(cases[name]);
      if (run === 0) cold[name] = timed;
      if (run < warmup) continue;
      wall[name].push(timed.wallMs);
      cpu[name].push(timed.cpuMs);
      last[name] = timed.value;
    }
  }
  return Object.fromEntries(names.map((name) => [name, { wall: stats(wall[name]), cpu: stats(cpu[name]), cold: cold[name], value: last[name] }])) as Record<K, Sampled<unknown>>;
}

/** `fn` run `warmup` times uncounted, then `samples` times. */
export function sample<T>(fn: () => T, options: SampleOptions = {}): Sampled<T> {
  return sampleInterleaved({ only: fn }, options).only as Sampled<T>;
}

// --- Whole processes ---

const USAGE_REPORTER = join(ROOT, 'bench', 'usage-reporter.mjs');

export interface ProcessRun {
  status: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** CPU time of every Node process the command started (npx: npm's and the command's). */
  cpuMs: number;
  /** The peak resident memory of the largest of those processes. */
  maxRssMb: number;
}

/**
 * Runs a command to its end and measures it whole: wall time from here, and the CPU time and peak
 * memory each Node process in it reports as it exits (bench/usage-reporter.mjs, preloaded through
 * NODE_OPTIONS, so npx's own process is counted too).
 */
export function runProcess(command: string, args: readonly string[], options: { cwd?: string } = {}): ProcessRun {
  const usageFile = join(tmpdir(), `ninesmith-bench-usage-${process.pid}.jsonl`);
  rmSync(usageFile, { force: true });
  const nodeOptions = [process.env.NODE_OPTIONS, `--import=${USAGE_REPORTER}`].filter(Boolean).join(' ');
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, NODE_OPTIONS: nodeOptions, NINESMITH_BENCH_USAGE: usageFile },
  });
  const wallMs = performance.now() - started;
  if (result.error) throw result.error;
  let reports: { cpuMs: number; maxRssKb: number }[] = [];
  try {
    reports = readFileSync(usageFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as { cpuMs: number; maxRssKb: number });
  } catch {
    // No Node process reported (the command is not Node): CPU and memory stay unknown.
  }
  rmSync(usageFile, { force: true });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    wallMs,
    cpuMs: reports.length > 0 ? reports.reduce((sum, report) => sum + report.cpuMs, 0) : NaN,
    maxRssMb: reports.length > 0 ? Math.max(...reports.map((report) => report.maxRssKb)) / 1024 : NaN,
  };
}

export interface SampledProcess {
  wall: Stats;
  cpu: Stats;
  rssMb: Stats;
  status: number | null;
}

/**
 * A command run `warmup` times uncounted, then `samples` times. Every run must exit with one of
 * `expectStatus`, or the bench stops: a figure for a command that failed would mean nothing.
 */
export function sampleProcess(
  command: string,
  args: readonly string[],
  options: SampleOptions & { cwd?: string; expectStatus: readonly number[]; before?: () => void },
): SampledProcess {
  const warmup = options.warmup ?? 1;
  const samples = options.samples ?? 20;
  const wall: number[] = [];
  const cpu: number[] = [];
  const rss: number[] = [];
  let status: number | null = null;
  for (let run = 0; run < warmup + samples; run += 1) {
    options.before?.();
    const result = runProcess(command, args, options);
    if (result.status === null || !options.expectStatus.includes(result.status)) {
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}, expected ${options.expectStatus.join(' or ')}:\n${result.stderr.slice(0, 2000)}`);
    }
    status = result.status;
    if (run < warmup) continue;
    wall.push(result.wallMs);
    cpu.push(result.cpuMs);
    rss.push(result.maxRssMb);
  }
  return { wall: stats(wall), cpu: stats(cpu), rssMb: stats(rss), status };
}

// --- Aims and reporting ---

export interface Aim {
  /** The row of the aims table in docs/performance.md this figure answers. */
  what: string;
  aim: string;
  figure: string;
  /** undefined: a figure reported with no aim. */
  met: boolean | undefined;
}

export const ms = (value: number): string => (Number.isNaN(value) ? '?' : value >= 100 ? `${Math.round(value).toLocaleString('en-US')} ms` : `${value.toFixed(1)} ms`);
export const seconds = (valueMs: number): string => `${(valueMs / 1000).toFixed(2)} s`;
export const megabytes = (value: number): string => (Number.isNaN(value) ? '?' : `${Math.round(value)} MB`);

/** The command and the machine, first: figures from a loaded machine must say so. */
export function printHeader(name: string, description: string): void {
  console.log(`${description}`);
  console.log(`command: npm run bench -- ${name}   node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  if (loadavg()[0]! > cpus().length) {
    console.log('note: the machine is loaded (load average above its CPUs): wall times include waiting for a core; the CPU times beside them are the work');
  }
}

export function printAims(aims: readonly Aim[]): void {
  console.log('\naims');
  console.table(aims.map((aim) => ({ what: aim.what, aim: aim.aim, figure: aim.figure, met: aim.met === undefined ? '(reported)' : aim.met ? 'yes' : 'NO' })));
}

/** bench-results/<name>.json: the aims, the machine, and whatever detail the bench keeps. */
export function writeResults(name: string, aims: readonly Aim[], detail: unknown): void {
  const dir = join(ROOT, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const machine = { node: process.version, cpus: cpus().length, loadAverageAtEnd: loadavg() };
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ benchmark: name, machine, aims, detail }, null, 2)}\n`);
  console.log(`wrote bench-results/${name}.json`);
}
