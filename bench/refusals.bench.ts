/**
 * How fast hostile inputs are refused, and how much memory refusing them takes (issue 14: "every
 * refusal under 1 s and 200 MB in the CLI and the tab"). Each case runs in a fresh process, so its
 * peak RSS is its own:
 *
 * - the command line: `readDesignFile` + validation (what `ninesmith validate FILE` does before
 *   any analysis), in process, and the whole `node bin/ninesmith.mjs validate FILE` process;
 * - the tab: the same functions the browser runs on an imported file (file-io `readDesignFile`)
 *   and on a share link (`decodeShareFragment`), here in Node.
 *
 * Run: npm run bench -- refusals
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'fflate';

type Where = 'cli' | 'tab-file' | 'tab-link';
interface Case {
  name: string;
  where: Where;
  /** The file's extension, which picks the parser as on the command line (default json). */
  ext?: 'yaml' | 'json';
  /** Builds the input: file text (or bytes), or a share-link fragment. */
  make: () => string | Uint8Array;
}

const list = (n: number, item: string) => Array(n).fill(item).join(',');
const aliasBomb = () => {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i += 1) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  return lines.join('\n');
};
const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

const CASES: Case[] = [
  { name: '1.9 M-item list, JSON', where: 'cli', make: () => `{"ninesmith":1,"name":"x","components":[${list(1_900_000, '0')}]}` },
  { name: '1.9 M-item list, YAML', where: 'cli', ext: 'yaml', make: () => `ninesmith: 1\nname: x\ncomponents: [${list(1_900_000, '0')}]\n` },
  { name: '400 k empty items, JSON', where: 'cli', make: () => `{"ninesmith":1,"name":"x","components":[${list(400_000, '{}')}]}` },
  { name: '90 k empty items, YAML', where: 'cli', ext: 'yaml', make: () => `ninesmith: 1\nname: x\ncomponents: [${list(90_000, '{}')}]\n` },
  { name: '400 k unknown keys, JSON', where: 'cli', make: () => `{"ninesmith":1,"name":"x",${Array.from({ length: 400_000 }, (_, i) => `"k${i}":1`).join(',')}}` },
  { name: '90 k unknown keys, JSON', where: 'cli', make: () => `{"ninesmith":1,"name":"x",${Array.from({ length: 90_000 }, (_, i) => `"k${i}":1`).join(',')}}` },
  { name: 'duplicate key at the end of 7 MB, JSON', where: 'cli', make: () => `{"ninesmith":1,"name":"x","description":"${'d'.repeat(7_000_000)}","name":"y"}` },
  { name: '7 MB string, JSON', where: 'cli', make: () => `{"ninesmith":1,"name":"${'x'.repeat(7_000_000)}"}` },
  { name: 'alias bomb (9^10 values), YAML', where: 'cli', ext: 'yaml', make: aliasBomb },
  { name: '100 k levels of nesting, JSON', where: 'cli', make: () => `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
  {
    // Refused for the zone limit now; before it, each component's zones were looked up along the
    // region's list (about a minute for this) and the designer drew a column per zone.
    name: '15 components naming all 50 k zones of a region, JSON',
    where: 'cli',
    make: () => {
      const zones = Array.from({ length: 49_999 }, (_, n) => `z${n}`);
      const components = Array.from({ length: 15 }, (_, n) => ({ id: `c${n}`, kind: 'app-service', region: 'r', zones: [...zones, 'z0'] }));
      return JSON.stringify({ ninesmith: 1, name: 'x', regions: [{ id: 'r', location: 'us-east-1', zones }], components });
    },
  },
  { name: '50 MB file', where: 'cli', make: () => new Uint8Array(50 * 1024 * 1024).fill(0x20) },
  { name: '1.9 M-item list, imported file', where: 'tab-file', make: () => `{"ninesmith":1,"name":"x","components":[${list(1_900_000, '0')}]}` },
  { name: '400 k empty items, imported file', where: 'tab-file', make: () => `{"ninesmith":1,"name":"x","components":[${list(400_000, '{}')}]}` },
  { name: 'share link inflating to 400 MB', where: 'tab-link', make: () => `#design=${base64url(deflateSync(new Uint8Array(400 * 1024 * 1024).fill(0x20), { level: 9 }))}` },
  { name: 'share link inflating to 9 MB', where: 'tab-link', make: () => `#design=${base64url(deflateSync(new Uint8Array(9 * 1024 * 1024).fill(0x20), { level: 9 }))}` },
];

interface Measured {
  ms: number;
  peakRssMb: number;
  startRssMb: number;
  refused: boolean;
  message: string;
}

/**
 * Peak RSS of this process since resetPeak(): Linux's VmHWM, reset through clear_refs (the
 * getrusage peak would include the warm-up, and survives exec from the parent that built the inputs).
 */
function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the peak includes what came before.
  }
}

function peakRssMb(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) / 1024;
  } catch {
    // Not Linux.
  }
  return process.resourceUsage().maxRSS / 1024;
}

/** In the child: reads the prepared input with the code under test and reports time, peak memory and the answer. */
async function measure(where: Where, path: string): Promise<Measured> {
  const { readDesignFile } = await import('../src/cli/read-design-file');
  const fileIo = await import('../src/app/persistence/file-io');
  const { decodeShareFragment } = await import('../src/app/persistence/share-link');
  // Warm the code paths on a small input, so the figure is the refusal, not module start-up.
  await readDesignFile(join(import.meta.dirname, '..', 'templates', 'single-region-multi-az.yaml'), process.cwd());
  const input = where === 'tab-link' ? readFileSync(path, 'utf8') : undefined;
  const bytes = where === 'tab-file' ? readFileSync(path) : undefined;
  global.gc?.();
  resetPeak();
  const startRssMb = process.memoryUsage().rss / 1024 / 1024;
  const started = performance.now();
  let problems: { message: string }[] = [];
  if (where === 'cli') {
    const result = await readDesignFile(path, process.cwd());
    if (!result.ok) problems = result.problems;
  } else if (where === 'tab-file') {
    const file = { name: 'import.json', size: bytes!.length, arrayBuffer: async () => bytes!.buffer.slice(bytes!.byteOffset, bytes!.byteOffset + bytes!.length) };
    const result = await fileIo.readDesignFile(file);
    if (!result.ok) problems = result.problems;
  } else {
    const result = decodeShareFragment(input!);
    if (!result.ok) problems = result.problems;
  }
  const ms = performance.now() - started;
  return { ms, peakRssMb: peakRssMb(), startRssMb, refused: problems.length > 0, message: problems[0]?.message ?? 'accepted' };
}

if (process.env.REFUSAL_CHILD) {
  const [where, path] = process.env.REFUSAL_CHILD.split('\t') as [Where, string];
  console.log(JSON.stringify(await measure(where, path)));
} else {
  const dir = mkdtempSync(join(tmpdir(), 'ninesmith-refusals-'));
  const rows: { case: string; where: string; inProcessMs: number; growthMb: number; peakRssMb: number; processMs: number | null; refused: boolean; message: string }[] = [];
  for (const [index, c] of CASES.entries()) {
    const input = c.make();
    const path = join(dir, `case-${index}.${c.where === 'tab-link' ? 'txt' : (c.ext ?? 'json')}`);
    writeFileSync(path, input);
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename], { env: { ...process.env, REFUSAL_CHILD: `${c.where}\t${path}` }, encoding: 'utf8', maxBuffer: 1 << 24 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    let measured: Measured;
    try {
      measured = JSON.parse(line);
    } catch {
      throw new Error(`${c.name}: the measuring process failed: ${child.stderr.slice(0, 400)}`);
    }
    let processMs: number | null = null;
    if (c.where === 'cli') {
      const started = performance.now();
      spawnSync(process.execPath, ['bin/ninesmith.mjs', 'validate', path], { encoding: 'utf8', maxBuffer: 1 << 24 });
      processMs = Math.round(performance.now() - started);
    }
    rows.push({ case: c.name, where: c.where, inProcessMs: Math.round(measured.ms), growthMb: Math.max(0, Math.round(measured.peakRssMb - measured.startRssMb)), peakRssMb: Math.round(measured.peakRssMb), processMs, refused: measured.refused, message: measured.message.slice(0, 70) });
  }
  console.log('Refusals of hostile inputs: in-process time (after warm-up), memory grown while refusing (peak RSS over RSS before; the input itself included), and (CLI) the whole `ninesmith validate` process');
  console.table(rows);
  const missed = rows.filter((row) => !row.refused || row.inProcessMs >= 1000 || row.growthMb >= 200);
  console.log(missed.length === 0 ? 'aim met: every case refused in under 1 s and 200 MB' : `aim missed: ${missed.map((row) => row.case).join(', ')}`);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/refusals.json', `${JSON.stringify(rows, null, 2)}\n`);
}
