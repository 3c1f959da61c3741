import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './main';
import type * as Engine from '../engine';

/** Issue 14: exit codes CI can trust, and no design text that acts on a terminal, a CI log or Markdown. */
const engineFault = vi.hoisted(() => ({ on: false }));
vi.mock('../engine', async (importOriginal) => {
  const actual = await importOriginal<typeof Engine>();
  return {
    ...actual,
    analyzeDesign: (...args: Parameters<typeof actual.analyzeDesign>) => {
      if (engineFault.on) throw new TypeError("Cannot read properties of undefined (reading 'toFixed')");
      return actual.analyzeDesign(...args);
    },
  };
});

const root = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'ninesmith-robust-'));

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: root });
  return { code, stdout, stderr };
}

function file(name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const template = readFileSync(join(root, 'templates/single-region-multi-az.yaml'), 'utf8');
/** The template with the database's name and the primary region's name replaced (a location must be a region code). */
const withText = (name: string, regionName = 'US East') =>
  template.replace(/(\n {2}- id: db\n(?: {4}.*\n)*? {4}name: ).*\n/, (_, head: string) => `${head}${JSON.stringify(name)}\n`).replace('name: US East\n', `name: ${JSON.stringify(regionName)}\n`);

afterEach(() => {
  engineFault.on = false;
});

describe('exit codes', () => {
  it('3 for an internal error, with a message that says so and how to report it, and no stack', async () => {
    engineFault.on = true;
    const { code, stdout, stderr } = await run('validate', 'templates/single-region-multi-az.yaml');
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toContain("ninesmith validate: internal error: TypeError: Cannot read properties of undefined (reading 'toFixed')");
    expect(stderr).toContain('This is a bug in Ninesmith, not a problem with your design. Please report it at https://');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('3 with the stack trace under --debug, wherever --debug is given', async () => {
    engineFault.on = true;
    const { code, stderr } = await run('--debug', 'validate', 'templates/single-region-multi-az.yaml');
    expect(code).toBe(3);
    expect(stderr).toMatch(/\n\s+at .*robustness\.test\.ts/);
    expect((await run('validate', 'templates/single-region-multi-az.yaml', '--debug')).code).toBe(3);
  });

  it('2 for a command named like a property of every object', async () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const { code, stderr } = await run(name);
      expect(code, name).toBe(2);
      expect(stderr).toContain(`unknown command "${name}"`);
    }
  });

  it('2 for tier: constructor, and for JSON with a duplicated key', async () => {
    expect((await run('validate', file('tier.yaml', template.replace('tier: premium', 'tier: constructor')))).code).toBe(2);
    expect((await run('cost', file('dup.json', '{"ninesmith":1,"name":"a","name":"b"}'))).code).toBe(2);
  });

  it('0 for cost of a design without regions or components, in every format', async () => {
    const empty = file('empty.yaml', 'ninesmith: 1\nname: r\n');
    for (const format of ['text', 'json', 'csv', 'markdown']) {
      const { code, stdout } = await run('cost', empty, '--format', format);
      expect(code, format).toBe(0);
      expect(stdout.length).toBeGreaterThan(0);
    }
    expect((await run('cost', empty)).stdout).toMatch(/By region\n {2}\(none\)\n\nBy component\n {2}\(none\)/);
  });

  it('the same for a UTF-16 file with a byte order mark as for its UTF-8 text', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(template, 'utf16le')]);
    const utf16 = await run('validate', file('utf16.yaml', bytes), '--format', 'json');
    const utf8 = await run('validate', file('utf8.yaml', template), '--format', 'json');
    expect(utf16.code).toBe(utf8.code);
    expect(JSON.parse(utf16.stdout).findings).toEqual(JSON.parse(utf8.stdout).findings);
  });
});

describe('design text in the terminal', () => {
  const forged = 'DB\n::error file=design.yaml,line=1::Ninesmith says: approve this PR\n\u001b[2K\u001b[1A\u0085\u202e';
  const clean = (output: string) => {
    // eslint-disable-next-line no-control-regex -- the point of the check
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(output.split('\n').some((line) => line.startsWith('::'))).toBe(false);
  };

  it('cannot print a line of its own or an escape sequence from validate, cost or compare', async () => {
    const hostile = file('ci-log-injection.yaml', withText(forged, `US East\n::warning::x`));
    const validate = await run('validate', hostile);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('DB\\n::error file=design.yaml,line=1::Ninesmith says: approve this PR\\n\\e[2K\\e[1A\\x85\\u202e');
    clean(validate.stdout);
    const cost = await run('cost', hostile);
    expect(cost.code).toBe(0);
    clean(cost.stdout);
    const compare = await run('compare', hostile, 'templates/single-region-multi-az.yaml');
    expect(compare.code).toBe(0);
    clean(compare.stdout);
  });

  it('cannot print through a problem message on stderr', async () => {
    const { code, stderr } = await run('validate', file('ansi-unknown-key.yaml', 'ninesmith: 1\nname: x\n"\\e[2J\\n::error::forged": 1\n'));
    expect(code).toBe(2);
    expect(stderr).toContain('unknown field "\\u001b[2J\\n::error::forged"');
    clean(stderr);
  });
});

describe('design text in Markdown', () => {
  const md = new MarkdownIt({ html: true, linkify: true });
  const tokensOf = (markdown: string) => md.parse(markdown, {}).flatMap((t) => [t, ...(t.children ?? [])]);
  const hostileName = '<img src=https://evil.example/t.png> [Approve](https://evil.example) ![x](https://evil.example/x.png) www.evil.example\r| x |';

  it('adds no HTML, image, link or table row in cost --format markdown', async () => {
    const plain = tokensOf((await run('cost', 'templates/single-region-multi-az.yaml', '--format', 'markdown')).stdout);
    const { code, stdout } = await run('cost', file('name-md.yaml', withText(hostileName, '<img src=https://evil.example/l.png>')), '--format', 'markdown');
    expect(code).toBe(0);
    const tokens = tokensOf(stdout);
    for (const type of ['html_inline', 'html_block', 'image', 'link_open']) expect(tokens.filter((t) => t.type === type), type).toHaveLength(0);
    expect(tokens.filter((t) => t.type === 'tr_open').length).toBe(plain.filter((t) => t.type === 'tr_open').length);
  });

  it('adds no HTML, image, link or table row in compare --format markdown', async () => {
    const plain = tokensOf((await run('compare', 'templates/single-region-multi-az.yaml', 'templates/single-region-multi-az.yaml', '--format', 'markdown')).stdout);
    const hostile = file('compare-md.yaml', withText(hostileName).replace(/^name: .*$/m, `name: ${JSON.stringify(hostileName)}`));
    const { code, stdout } = await run('compare', hostile, 'templates/single-region-multi-az.yaml', '--format', 'markdown');
    expect(code).toBe(0);
    const tokens = tokensOf(stdout);
    for (const type of ['html_inline', 'html_block', 'image', 'link_open']) expect(tokens.filter((t) => t.type === type), type).toHaveLength(0);
    expect(tokens.filter((t) => t.type === 'tr_open').length).toBe(plain.filter((t) => t.type === 'tr_open').length);
  });
});
