import { describe, expect, it } from 'vitest';
import { nodeHclParser } from '../cli/hcl-parser';
import { IMPORT_LIMITS, importTerraform, type ImportResult, type SourceFile } from '.';

/**
 * A huge or hostile configuration is refused with a message naming what is wrong, or read with a
 * note saying what was left out; it never hangs, fills the memory or crashes the importer.
 */

const parser = nodeHclParser();
const run = (files: SourceFile[]) => importTerraform(files, { parser, name: 'hostile' });
const problemsOf = (result: ImportResult) => (result.ok ? [] : result.problems.map((problem) => `${problem.file}: ${problem.message}`));

/** `count` locals, each twice the one before: 2^count elements if evaluated naively. */
function doubling(count: number, seed: string, double: (previous: string) => string): string {
  const lines = [`  l0 = ${seed}`];
  for (let i = 1; i < count; i += 1) lines.push(`  l${i} = ${double(`local.l${i - 1}`)}`);
  return `locals {\n${lines.join('\n')}\n}\n`;
}

describe('the importer under hostile input', { timeout: 60_000 }, () => {
  it('treats lists and text that double through locals as unknown once they pass the limits', async () => {
    const lists = doubling(60, '[1, 2]', (previous) => `concat(${previous}, ${previous})`);
    const texts = doubling(60, '"ab"', (previous) => `"\${${previous}}\${${previous}}"`);
    const result = await run([
      { path: 'main.tf', text: `${lists.replace(/\bl(\d+)/g, 'list$1')}${texts.replace(/\bl(\d+)/g, 'text$1')}` },
      { path: 'queues.tf', text: 'resource "aws_sqs_queue" "a" {\n  name = local.text59\n  tags = { n = jsonencode(local.list59) }\n}\n' },
    ]);
    expect(problemsOf(result)).toEqual([]);
    expect(result.ok && result.design.components.map((c) => c.id)).toEqual(['a']);
  });

  it('refuses for expressions nested over long ranges, naming the limit', async () => {
    const text = 'locals {\n  cube = [for i in range(1000) : [for j in range(1000) : [for k in range(1000) : k]]]\n}\nresource "aws_sqs_queue" "a" {\n  name = jsonencode(local.cube)\n}\n';
    expect(problemsOf(await run([{ path: 'main.tf', text }]))).toEqual([expect.stringMatching(/^\.: evaluating the configuration takes more than 5,000,000 steps/)]);
  });

  it('refuses a module that calls itself over and over, naming the limit and the last call', async () => {
    const calls = 'abcdefgh'.split('').map((name) => `module "${name}" {\n  source = "./"\n}\n`).join('');
    const problems = problemsOf(await run([{ path: 'main.tf', text: `${calls}resource "aws_sqs_queue" "q" {\n  name = "q"\n}\n` }]));
    expect(problems).toEqual([expect.stringMatching(/^\.: more than 1000 local module instances .*the last was module\.[a-h]\.module\./)]);
  });

  it('reads the first instances of a huge count and says so', async () => {
    const result = await run([{ path: 'main.tf', text: 'resource "aws_sqs_queue" "q" {\n  count = 100000000\n  name  = "q-${count.index}"\n}\n' }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report.notes).toContainEqual({ address: 'aws_sqs_queue.q', message: `count is 100000000: the first ${IMPORT_LIMITS.maxInstancesPerResource} instances are read` });
  });

  it('reads locals that refer to each other, and resources that refer to each other, without looping', async () => {
    const text = 'locals {\n  x = local.y\n  y = local.x\n}\nresource "aws_sqs_queue" "a" {\n  name = aws_sqs_queue.b.name\n}\nresource "aws_sqs_queue" "b" {\n  name = local.x\n}\n';
    const result = await run([{ path: 'main.tf', text }]);
    expect(result.ok && result.design.components.map((c) => c.id).sort()).toEqual(['a', 'b']);
  });

  it('refuses too many files, a file too large and too much text before parsing any of it', async () => {
    const many = Array.from({ length: IMPORT_LIMITS.maxFiles + 1 }, (_, i) => ({ path: `f${i}.tf`, text: '' }));
    expect(problemsOf(await run(many))).toEqual([`.: ${IMPORT_LIMITS.maxFiles + 1} files: more than ${IMPORT_LIMITS.maxFiles}, refused; import the folder of one root module`]);
    const large = 'x'.repeat(IMPORT_LIMITS.maxFileCharacters + 1);
    expect(problemsOf(await run([{ path: 'small.tf', text: '' }, { path: 'big.tf', text: large }]))).toEqual(['big.tf: 2 MB: more than 2 MB in one HCL file, refused']);
    const share = 'x'.repeat(IMPORT_LIMITS.maxFileCharacters);
    const total = Array.from({ length: IMPORT_LIMITS.maxCharacters / IMPORT_LIMITS.maxFileCharacters + 1 }, (_, i) => ({ path: `f${i}.tf`, text: share }));
    expect(problemsOf(await run(total))).toEqual(['.: 10 MB of HCL in all: more than 8 MB, refused; import the folder of one root module']);
    // terraform show -json of a large plan is JSON, read far faster than HCL: tens of MB are read.
    const plan = await run([{ path: 'plan.json', text: `{"format_version":"1.2","planned_values":{"root_module":{}},"padding":"${'x'.repeat(IMPORT_LIMITS.maxCharacters)}"}` }]);
    expect(problemsOf(plan)).toEqual([]);
    const hugePlan = [{ path: 'plan.json', text: 'x'.repeat(IMPORT_LIMITS.maxJsonCharacters + 1) }];
    expect(problemsOf(await run(hugePlan))).toEqual(['plan.json: 64 MB: more than 64 MB in one JSON file, refused']);
  });

  it('lists at most 20 parse problems, each cut short, and says how many more', async () => {
    const files = Array.from({ length: 25 }, (_, i) => ({ path: `broken${i}.tf`, text: `resource "aws_sqs_queue" "q" {\n  name = "${'é'.repeat(600)}` }));
    const problems = problemsOf(await run(files));
    expect(problems).toHaveLength(IMPORT_LIMITS.maxProblems + 1);
    expect(problems.at(-1)).toBe('.: and 5 more problems');
    expect(Math.max(...problems.map((p) => p.length))).toBeLessThanOrEqual(IMPORT_LIMITS.maxProblemLength * 2 + 4);
  });

  it('refuses an expression nested too deeply for the parser, naming the file', async () => {
    const text = `resource "aws_sqs_queue" "q" {\n  name = ${'['.repeat(20_000)}1${']'.repeat(20_000)}\n}\n`;
    expect(problemsOf(await run([{ path: 'deep.tf', text }]))).toEqual([expect.stringMatching(/^deep\.tf: /)]);
  });
});
