import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { serializeDesign } from '../../model';
import { formatReport, importTerraform, IMPORT_LIMITS, sizeRefusal, type SourceFile } from '../../import';
import { nodeHclParser } from '../hcl-parser';
import { EXIT, RefusalError, UsageError, terminalLine, type Command } from '../context';

export const importUsage = `Usage: ninesmith import terraform PATH... [--out FILE] [--report text|json] [--name NAME]

Reads Terraform and writes a design: PATH is a folder (its .tf files, terraform.tfvars, *.auto.tfvars
and the local modules in its subfolders), one or more .tf files, or the JSON of
\`terraform show -json\` for a plan or a state. AWS resources and the terraform-aws-modules modules
teams use most become components; regions, zones, replicas, backups and connections are inferred.
The design goes to --out or standard output; every guess (with the resource address it came from),
every resource not imported and every variable without a value goes to standard error, as text or
--report json. Exit 0 when imported, 2 for input that cannot be read, 3 for an internal error.

  ninesmith import terraform infra/ --out design.yaml
  ninesmith import terraform infra/ | ninesmith validate -
`;

const SKIPPED_DIRS = new Set(['.terraform', '.git', 'node_modules', '.terragrunt-cache']);
const MAX_DEPTH = 6;

const wanted = (name: string) => /\.tf$|\.tf\.json$|\.tfvars$|\.json$/i.test(name);

/**
 * The files under a folder that Terraform would read, with paths relative to it. Symbolic links are
 * not followed (a link back up would loop), nor folders deeper than MAX_DEPTH; a folder with more
 * files than the importer reads is refused as soon as the walk finds one too many.
 */
async function collectFolder(root: string, shown: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = resolve(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) await walk(path, depth + 1);
      } else if (entry.isFile() && wanted(entry.name) && !(depth > 0 && /\.json$/i.test(entry.name) && !/\.tf\.json$/i.test(entry.name))) {
        // JSON below the root is never show-json output; .tf.json files are configuration anywhere.
        found.push(path);
        if (found.length > IMPORT_LIMITS.maxFiles) throw new RefusalError(`${shown} holds more than ${IMPORT_LIMITS.maxFiles} Terraform files; import the folder of one root module`);
      }
    }
  };
  await walk(root, 0);
  // A folder of configuration: show-json files beside .tf files are data, not the input.
  const terraform = found.some((path) => /\.tf$/i.test(path));
  return found.filter((path) => !(terraform && /\.json$/i.test(path) && !/\.tf\.json$/i.test(path)));
}

/**
 * Reads the files PATH names, refusing (exit 2) a path that is missing or not a file or folder, a
 * file larger than the importer reads, or more text in all than it reads, before reading any of it.
 */
async function readSources(paths: readonly string[], cwd: string): Promise<{ files: SourceFile[]; base: string }> {
  const absolute = paths.map((path) => resolve(cwd, path));
  const shown = (path: string) => relative(cwd, path) || '.';
  const statOf = async (path: string) => {
    try {
      return await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new RefusalError(code === 'ENOENT' ? `no such file or folder: ${shown(path)}` : `cannot read ${shown(path)}: ${(error as Error).message}`);
    }
  };
  const folder = absolute.length === 1 && (await statOf(absolute[0]!)).isDirectory();
  const base = folder ? absolute[0]! : dirname(absolute[0]!);
  const list = folder ? await collectFolder(base, shown(base)) : absolute;
  const sized: { path: string; size: number }[] = [];
  for (const path of list) {
    const info = await statOf(path);
    if (!info.isFile()) throw new RefusalError(`${shown(path)} is not a file`);
    sized.push({ path: shown(path), size: info.size });
  }
  const refused = sizeRefusal(sized);
  if (refused) throw new RefusalError(`${refused.file}: ${refused.message}`);
  const files: SourceFile[] = [];
  for (const path of list) {
    try {
      files.push({ path: relative(base, path).split(sep).join('/'), text: await readFile(path, 'utf8') });
    } catch (error) {
      throw new RefusalError(`cannot read ${shown(path)}: ${(error as Error).message}`);
    }
  }
  return { files, base };
}

export const importCommand: Command = async (args, context) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, report: { type: 'string', default: 'text' }, name: { type: 'string' } },
  });
  const [source, ...paths] = positionals;
  if (source !== 'terraform') throw new UsageError(source === undefined ? 'import needs a source: terraform' : `unknown source "${source}": only terraform can be imported`);
  if (paths.length === 0) throw new UsageError('import terraform needs a PATH: a folder, .tf files or `terraform show -json` output');
  if (values.report !== 'text' && values.report !== 'json') throw new UsageError('--report must be text or json');

  const { files, base } = await readSources(paths, context.cwd);
  // Internal errors go up to runCli: exit 3, with the stack under --debug.
  const result = await importTerraform(files, { parser: nodeHclParser(), name: values.name ?? (files.length === 1 && paths.length === 1 ? basename(files[0]!.path).replace(/\.[^.]+$/, '') : basename(base)) });
  if (!result.ok) {
    if (values.report === 'json') context.stderr(`${JSON.stringify({ ok: false, problems: result.problems }, null, 2)}\n`);
    else for (const problem of result.problems) context.stderr(terminalLine(`${problem.file}: ${problem.message}`));
    return EXIT.invalid;
  }
  const yaml = serializeDesign(result.design);
  if (values.out) {
    try {
      await writeFile(resolve(context.cwd, values.out), yaml);
    } catch (error) {
      throw new RefusalError(`cannot write ${values.out}: ${(error as Error).message}`);
    }
  } else {
    context.stdout(yaml);
  }
  context.stderr(values.report === 'json' ? `${JSON.stringify({ ok: true, ...result.report }, null, 2)}\n` : formatReport(result.report));
  return EXIT.ok;
};
