/**
 * Runs a generated case through the command line's own code (runCli, in process) and checks what
 * issue 14 asks of every run: no crash (exit 3), the right exit code, problems that say where,
 * and outputs that still parse as their consumers parse them and carry no injected key, block,
 * link or terminal control.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import yaml from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { runCli } from '../main';
import type { FuzzCase } from './cases';

export interface CaseOutcome {
  exit: number;
  /** Milliseconds inside runCli. */
  ms: number;
  stdout: string;
  stderr: string;
  args: string[];
  /** What the run broke; empty when it held. */
  violations: string[];
}

const markdown = new MarkdownIt({ html: true, linkify: true });
const REPO = new URL('../../../', import.meta.url).pathname;
/** Compared with: a template that is known to load. */
const PARTNER = join(REPO, 'templates/single-region-multi-az.yaml');

// eslint-disable-next-line no-control-regex -- the point of the check
const TERMINAL_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const WHOLE_FILE_CODES = new Set(['too-large', 'too-deep', 'too-many-values', 'not-an-object', 'syntax', 'version-missing', 'version-unsupported', 'schema']);

function checkTerminal(text: string, where: string, out: string[]): void {
  if (TERMINAL_UNSAFE.test(text)) out.push(`${where}: a control, line-break or bidi character reaches the terminal`);
  if (text.split('\n').some((line) => line.startsWith('::'))) out.push(`${where}: a line starts with "::" (a CI workflow command)`);
}

function checkMarkdown(text: string, where: string, out: string[]): void {
  for (const token of markdown.parse(text, {}).flatMap((t) => [t, ...(t.children ?? [])])) {
    // The generators' own line breaks in table cells are the only HTML they write.
    if ((token.type === 'html_inline' || token.type === 'html_block') && !/^<br\s*\/?>$/.test(token.content.trim())) out.push(`${where}: HTML ${JSON.stringify(token.content.slice(0, 40))}`);
    if (token.type === 'image') out.push(`${where}: an image`);
    // Runbooks link the AWS console with names built from ids and the slug ([a-z0-9-] only): the host is the generator's, never the design's.
    if (token.type === 'link_open' && /evil|pwned/.test(String(token.attrGet('href') ?? '').replace(/^https:\/\/console\.aws\.amazon\.com\/[a-z0-9/]+home(\?region=[a-z0-9-]+)?#[A-Za-z0-9:?=/%$.-]*$/, ''))) out.push(`${where}: a link to ${token.attrGet('href')}`);
  }
}

/** YAML as a 1.1 parser (libyaml, go-yaml, PyYAML) reads it must equal YAML as 1.2 reads it: no line break hides in a comment. */
function checkYaml(text: string, where: string, out: string[]): void {
  let asYaml12: unknown;
  try {
    asYaml12 = yaml.load(text);
  } catch (error) {
    out.push(`${where}: does not parse as YAML: ${(error as Error).message.split('\n')[0]}`);
    return;
  }
  let asYaml11: unknown;
  try {
    asYaml11 = yaml.load(text.replace(/[\u0085\u2028\u2029]/g, '\n'));
  } catch {
    asYaml11 = undefined;
  }
  if (JSON.stringify(asYaml11) !== JSON.stringify(asYaml12)) out.push(`${where}: reads differently for a YAML 1.1 parser (a line break in a comment?)`);
  if (/\\u[dD][89a-fA-F][0-9a-fA-F]{2}|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)) out.push(`${where}: a lone surrogate, which libyaml refuses`);
}

/** `--region <value>` in a runbook's commands: one POSIX shell word, plain or single-quoted. */
function checkShell(text: string, where: string, out: string[]): void {
  for (const match of text.matchAll(/--region ((?:'(?:[^']|'\\'')*'|[^\s`']+))(.?)/g)) {
    if (!/^[A-Za-z0-9_@%+=:,./-]+$|^'(?:[^']|'\\'')*'$/.test(match[1]!)) out.push(`${where}: --region ${match[1]} is not one shell word`);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

export interface RunOptions {
  /** Parse every generated .tf file with @cdktf/hcl2json (slow: a subset of runs). */
  parseHcl?: (text: string, file: string) => Promise<unknown>;
}

/** Writes the case to `dir`, runs it, and checks the outcome. */
export async function runCase(fuzz: FuzzCase, dir: string, options: RunOptions = {}): Promise<CaseOutcome> {
  const file = join(dir, fuzz.fileName);
  writeFileSync(file, fuzz.bytes);
  const out = join(dir, 'out');
  const { command } = fuzz;
  const args =
    command.name === 'export'
      ? ['export', file, '--out', out]
      : command.name === 'compare'
        ? ['compare', file, PARTNER, '--format', command.format]
        : [command.name, file, '--format', command.format];
  let stdout = '';
  let stderr = '';
  const started = performance.now();
  const exit = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: REPO });
  const ms = performance.now() - started;
  const violations: string[] = [];

  if (exit === 3) violations.push(`internal error: ${stderr.split('\n')[0]}`);
  else if (![0, 1, 2].includes(exit)) violations.push(`exit ${exit}`);
  else if (exit === 1 && command.name !== 'validate') violations.push(`exit 1 from ${command.name}, which has no --fail-on`);
  if (fuzz.mustAccept && exit === 2) violations.push(`a valid design was refused: ${(stderr || stdout).split('\n').slice(0, 2).join(' / ')}`);
  checkTerminal(stderr, 'stderr', violations);

  const asJson = command.name !== 'export' && command.format === 'json';
  if (exit === 2) {
    if (asJson) {
      let report: { problems?: { path: string; code: string; message: string }[]; files?: { problems: { path: string; code: string; message: string }[] }[] } = {};
      try {
        report = JSON.parse(stdout);
      } catch {
        violations.push('refusal: stdout is not JSON');
      }
      const problems = report.problems ?? report.files?.flatMap((f) => f.problems) ?? [];
      if (problems.length === 0 && stderr === '') violations.push('refusal without a problem');
      for (const p of problems) {
        if (!p.message) violations.push('a problem without a message');
        if (!p.path && !WHOLE_FILE_CODES.has(p.code)) violations.push(`a ${p.code} problem without a path: ${p.message}`);
      }
    } else if (!stderr.trim()) {
      violations.push('refusal with nothing on stderr');
    } else if (!stderr.split('\n').filter(Boolean).every((line) => line.startsWith(file) || line.startsWith('ninesmith ') || line.startsWith('  ') || line === 'Move them away, export into another directory, or pass --force to overwrite them.')) {
      violations.push(`a refusal line that names no file: ${stderr.split('\n').find((line) => line && !line.startsWith(file))}`);
    }
  } else if (exit === 0 || exit === 1) {
    const format = command.name === 'export' ? 'files' : command.format;
    if (format === 'json' || format === 'sarif') {
      try {
        JSON.parse(stdout);
      } catch {
        violations.push(`${format} output does not parse`);
      }
    } else if (format === 'csv') {
      try {
        const rows = parseCsv(stdout) as string[][];
        if (rows.some((row) => row.length !== rows[0]!.length)) violations.push('csv rows of different widths');
        if (rows.slice(1).some((row) => row.some((cell) => /^[=+@\t\r]/.test(cell) || /^-[^\d]/.test(cell)))) violations.push('csv cell that a spreadsheet runs as a formula');
      } catch (error) {
        violations.push(`csv does not parse: ${(error as Error).message}`);
      }
    } else if (format === 'markdown') {
      checkMarkdown(stdout, 'markdown', violations);
    } else if (format === 'text') {
      checkTerminal(stdout, 'stdout', violations);
    } else {
      checkTerminal(stdout, 'stdout', violations);
      for (const path of filesUnder(out)) {
        const name = relative(out, path);
        const text = readFileSync(path, 'utf8');
        if (name.endsWith('.md')) {
          checkMarkdown(text, name, violations);
          if (name.startsWith('runbooks/')) checkShell(text, name, violations);
        } else if (name.endsWith('.yaml') && !name.includes('/templates/')) checkYaml(text, name, violations);
        else if (name.endsWith('.json')) {
          try {
            JSON.parse(text);
          } catch {
            violations.push(`${name} does not parse`);
          }
        } else if (name.endsWith('.tf') && options.parseHcl) {
          try {
            await options.parseHcl(text, name);
          } catch (error) {
            violations.push(`${name} does not parse as HCL: ${(error as Error).message.slice(0, 80)}`);
          }
        }
      }
    }
  }
  try {
    if (statSync(out).isDirectory()) rmSync(out, { recursive: true, force: true });
  } catch {
    // Nothing was written.
  }
  return { exit, ms, stdout, stderr, args, violations };
}
