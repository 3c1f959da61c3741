import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fuzzCase } from './fuzz/cases';
import { runCase } from './fuzz/check';

/**
 * A seeded run of the fuzz suite (issue 14) inside `npm test`: generated files with hostile text,
 * damaged structure and bytes, and random structures, each through one command and output format.
 * `npm run fuzz` runs 10,000 (scripts/fuzz.ts). FUZZ_RUNS and FUZZ_SEED run others; a failure shrinks
 * to a small case and prints it with its seed and path.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
const SEED = Number(process.env.FUZZ_SEED ?? 14);

describe('the command line under fuzzing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ninesmith-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`holds for ${RUNS} generated files (seed ${SEED}): no crash, right exit code, problems with a path, outputs that parse and inject nothing`, async () => {
    const exits = new Map<number, number>();
    let exports = 0;
    await fc.assert(
      fc.asyncProperty(fuzzCase, async (fuzz) => {
        // The HCL parser (Go in WebAssembly) is slow: every fourth export's Terraform is parsed here, all of them in `npm run fuzz`.
        const parse = fuzz.command.name === 'export' && exports++ % 4 === 0;
        const outcome = await runCase(fuzz, dir, parse ? { parseHcl: (text, file) => parseHcl(file, text) } : {});
        exits.set(outcome.exit, (exits.get(outcome.exit) ?? 0) + 1);
        expect(outcome.violations.join('\n'), `${fuzz.kind}: ${outcome.args.join(' ')}`).toBe('');
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The mix reaches every outcome: refused files, and designs with and without failing findings.
    expect(exits.get(2) ?? 0).toBeGreaterThan(RUNS / 10);
    expect((exits.get(0) ?? 0) + (exits.get(1) ?? 0)).toBeGreaterThan(RUNS / 10);
  }, 600_000);
});
