import { loadDesignDocument } from '../catalog';
import { toDocument } from '../model';
import { assembleDesign } from './assemble';
import { importAws } from './aws';
import { makeObject, type Value } from './hcl/evaluate';
import type { HclJson, HclParser } from './hcl/parser';
import { readConfiguration, type ParsedModule } from './terraform/configuration';
import { isShowJson, readShowJson } from './terraform/show-json';
import type { TfInput } from './terraform/types';
import type { ImportProblem, ImportReport, ImportResult, SourceFile } from './types';
import { IMPORT_LIMITS, ImportLimitError, sizeRefusal, withEvaluationBudget } from './limits';

export * from './types';
export { hclParser, isGzip, type HclParser, type WasmBytesLoader } from './hcl/parser';
export { AWS_IMPORTERS, AWS_MODULES } from './aws';
export { formatReport } from './report';
export { IMPORT_LIMITS, ImportLimitError, sizeRefusal } from './limits';

export interface ImportOptions {
  /** Parses HCL (the WebAssembly parser, loaded by the caller for its platform). */
  readonly parser: HclParser;
  /** The design's name when Terraform does not carry one (the folder's name). */
  readonly name: string;
}

const isTerraform = (path: string) => /\.tf$/i.test(path);
const isTfvars = (path: string) => /(^|\/)(terraform\.tfvars|[^/]*\.auto\.tfvars)$/i.test(path);
const isJson = (path: string) => /\.json$/i.test(path);

function dirOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index < 0 ? '' : path.slice(0, index);
}

/** The folder that holds the root module: the shallowest one with `.tf` files (others are modules it calls). */
function rootDir(files: readonly SourceFile[]): string {
  const dirs = [...new Set(files.filter((file) => isTerraform(file.path)).map((file) => dirOf(file.path)))];
  dirs.sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.split('/').length - b.split('/').length || a.localeCompare(b)));
  return dirs[0] ?? '';
}

/** `.tf.json` files are already JSON in the shape hcl2json gives. */
function parseTfJson(file: SourceFile): HclJson {
  return JSON.parse(file.text) as HclJson;
}

function toValue(json: unknown): Value {
  if (json === null || typeof json === 'string' || typeof json === 'number' || typeof json === 'boolean') return json;
  if (Array.isArray(json)) return json.map(toValue);
  if (typeof json === 'object') return makeObject(Object.entries(json as Record<string, unknown>).map(([key, value]) => [key, toValue(value)] as const));
  return null;
}

async function readInput(files: readonly SourceFile[], parser: HclParser): Promise<{ ok: true; input: TfInput; skipped: string[] } | { ok: false; problems: ImportProblem[] }> {
  const showJson = files.filter((file) => isJson(file.path) && !/\.tf\.json$/i.test(file.path));
  for (const file of showJson) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(file.text);
    } catch (error) {
      if (files.length === 1) return { ok: false, problems: [{ file: file.path, message: `not valid JSON: ${(error as Error).message}` }] };
      continue;
    }
    if (isShowJson(parsed)) return { ok: true, input: withEvaluationBudget(() => readShowJson(parsed)), skipped: files.filter((other) => other !== file).map((other) => other.path) };
    if (files.length === 1) {
      return { ok: false, problems: [{ file: file.path, message: 'a JSON file that is not `terraform show -json` output (no format_version with planned_values or values)' }] };
    }
  }
  const problems: ImportProblem[] = [];
  const byDir = new Map<string, { path: string; json: HclJson }[]>();
  const tfvars = new Map<string, Value>();
  const skipped: string[] = [];
  // terraform.tfvars first, then *.auto.tfvars in name order, as Terraform reads them.
  const ordered = [...files].sort((a, b) => Number(/\.auto\.tfvars$/i.test(a.path)) - Number(/\.auto\.tfvars$/i.test(b.path)) || a.path.localeCompare(b.path));
  const root = rootDir(files);
  for (const file of ordered) {
    const terraform = isTerraform(file.path) || /\.tf\.json$/i.test(file.path);
    if (!terraform && !isTfvars(file.path)) {
      skipped.push(file.path);
      continue;
    }
    let json: HclJson;
    try {
      json = /\.json$/i.test(file.path) ? parseTfJson(file) : await parser.parse(file.path, file.text);
    } catch (error) {
      problems.push({ file: file.path, message: error instanceof RangeError ? 'nested too deeply to read (or too large), refused' : (error as Error).message });
      continue;
    }
    if (terraform) {
      const dir = dirOf(file.path);
      byDir.set(dir, [...(byDir.get(dir) ?? []), { path: file.path, json }]);
    } else if (dirOf(file.path) === root) {
      for (const [name, value] of Object.entries(json)) tfvars.set(name, toValue(value));
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  if (byDir.size === 0) return { ok: false, problems: [{ file: files[0]?.path ?? '.', message: 'no Terraform here: expected .tf files, or the JSON of `terraform show -json`' }] };
  const modules: ParsedModule[] = [...byDir].map(([dir, parsed]) => ({ dir, files: parsed }));
  return { ok: true, input: readConfiguration(modules, root, tfvars), skipped };
}

/**
 * A design from Terraform: configuration files (a root module and the local modules it calls,
 * with `terraform.tfvars`), or the JSON of `terraform show -json` for a plan or state. Never
 * throws for bad input: unreadable files come back as problems with their names.
 */
export async function importTerraform(files: readonly SourceFile[], options: ImportOptions): Promise<ImportResult> {
  const refused = tooMuch(files);
  if (refused) return { ok: false, problems: [refused] };
  try {
    const read = await readInput(files, options.parser);
    if (!read.ok) return { ok: false, problems: boundedProblems(read.problems) };
    return withEvaluationBudget(() => assemble(read.input, read.skipped, options));
  } catch (error) {
    // A limit reached while evaluating, or a stack that nesting exhausted: a refusal, not a crash.
    if (error instanceof ImportLimitError) return { ok: false, problems: [{ file: '.', message: error.message }] };
    if (error instanceof RangeError) return { ok: false, problems: [{ file: '.', message: `the configuration is nested too deeply to evaluate (${error.message}), refused` }] };
    throw error;
  }
}

/** The first problem with the input's size, before any of it is parsed. */
function tooMuch(files: readonly SourceFile[]): ImportProblem | undefined {
  if (files.length === 0) return { file: '.', message: 'nothing to import: no files' };
  return sizeRefusal(files.map((file) => ({ path: file.path, size: file.text.length })));
}

/** At most maxProblems problems, each cut to maxProblemLength characters, and how many more there were. */
function boundedProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  const cut = (text: string) => (text.length > IMPORT_LIMITS.maxProblemLength ? `${text.slice(0, IMPORT_LIMITS.maxProblemLength)}…` : text);
  const listed = problems.slice(0, IMPORT_LIMITS.maxProblems).map((problem) => ({ file: cut(problem.file), message: cut(problem.message) }));
  const more = problems.length - listed.length;
  return more > 0 ? [...listed, { file: '.', message: `and ${more} more problem${more === 1 ? '' : 's'}` }] : listed;
}

function assemble(input: TfInput, skipped: readonly string[], options: ImportOptions): ImportResult {
  const aws = importAws(input);
  const { design, idOf } = assembleDesign(aws, input, { name: options.name });
  // The design goes through the same loader as a file, so an import is never a design the app refuses.
  const loaded = loadDesignDocument(toDocument(design));
  if (!loaded.ok) {
    return { ok: false, problems: boundedProblems(loaded.problems.map((problem) => ({ file: '(imported design)', message: `${problem.path.join('.')}: ${problem.message}` }))) };
  }
  const component = (key: string) => idOf.get(key) ?? key;
  const report: ImportReport = {
    input: input.kind,
    inferences: aws.context.inferences.map((inference) => ({ ...inference, component: inference.component ?? componentOfAddress(aws, inference.address, idOf) })),
    imported: aws.imported.map((entry) => ({ address: entry.address, component: component(entry.component) })).sort((a, b) => a.address.localeCompare(b.address)),
    read: [...aws.read].sort((a, b) => a.address.localeCompare(b.address)),
    notImported: [...aws.notImported].sort((a, b) => a.address.localeCompare(b.address)),
    unsetVariables: input.unsetVariables,
    notes: [...input.notes, ...skipped.map((path) => ({ address: path, message: 'not a Terraform file: skipped' }))],
  };
  return { ok: true, design: loaded.design, report };
}

function componentOfAddress(aws: ReturnType<typeof importAws>, address: string, idOf: Map<string, string>): string | undefined {
  const draft = aws.context.draftOf.get(address);
  return draft ? idOf.get(draft.key) : idOf.has(address) ? idOf.get(address) : undefined;
}


