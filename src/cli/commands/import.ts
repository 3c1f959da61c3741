import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { serializeDesign } from '../../model';
import { formatReport, importTerraform, IMPORT_LIMITS, type SourceFile } from '../../import';
import { nodeHclParser } from '../hcl-parser';
import { EXIT, UsageError, type Command } from '../context';

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

/** Exit code of docs/cli.md for an internal error. */
const INTERNAL_ERROR = 3;
const SKIPPED_DIRS = new Set(['.terraform', '.git', 'node_modules', '.terragrunt-cache']);
const MAX_DEPTH = 6;

const wanted = (name: string) => /\.tf$|\.tf\.json$|\.tfvars$|\.json$/i.test(name);

/** The files under a folder that Terraform would read, with paths relative to it. */
async function collectFolder(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || found.length > IMPORT_LIMITS.maxFiles) return;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = resolve(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) await walk(path, depth + 1);
      } else if (entry.isFile() && wanted(entry.name) && !(depth > 0 && /\.json$/i.test(entry.name) && !/\.tf\.json$/i.test(entry.name))) {
        // JSON below the root is never show-json output; .tf.json files are configuration anywhere.
        found.push(path);
      }
    }
  };
  await walk(root, 0);
  // A folder of configuration: show-json files beside .tf files are data, not the input.
  const terraform = found.some((path) => /\.tf$/i.test(path));
  return found.filter((path) => !(terraform && /\.json$/i.test(path) && !/\.tf\.json$/i.test(path)));
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

  const files: SourceFile[] = [];
  let base = context.cwd;
  try {
    const absolute = paths.map((path) => resolve(context.cwd, path));
    const folder = absolute.length === 1 && (await stat(absolute[0]!)).isDirectory();
    base = folder ? absolute[0]! : dirname(absolute[0]!);
    const list = folder ? await collectFolder(base) : absolute;
    let size = 0;
    for (const path of list) {
      const info = await stat(path);
      if (!info.isFile()) throw new Error(`${relative(context.cwd, path) || path} is not a file`);
      size += info.size;
      if (size > IMPORT_LIMITS.maxCharacters) throw new Error(`the input is larger than ${IMPORT_LIMITS.maxCharacters / 1024 / 1024} MB, refused`);
      files.push({ path: relative(base, path).split(sep).join('/'), text: await readFile(path, 'utf8') });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    context.stderr(`ninesmith import: ${code === 'ENOENT' ? `no such file or folder: ${(error as NodeJS.ErrnoException).path ?? paths.join(' ')}` : (error as Error).message}\n`);
    return EXIT.invalid;
  }

  let result;
  try {
    result = await importTerraform(files, { parser: nodeHclParser(), name: values.name ?? (files.length === 1 && paths.length === 1 ? basename(files[0]!.path).replace(/\.[^.]+$/, '') : basename(base)) });
  } catch (error) {
    context.stderr(`ninesmith import: internal error: ${(error as Error).message}\n`);
    return INTERNAL_ERROR;
  }
  if (!result.ok) {
    if (values.report === 'json') context.stderr(`${JSON.stringify({ ok: false, problems: result.problems }, null, 2)}\n`);
    else for (const problem of result.problems) context.stderr(`${problem.file}: ${problem.message}\n`);
    return EXIT.invalid;
  }
  const yaml = serializeDesign(result.design);
  if (values.out) {
    try {
      await writeFile(resolve(context.cwd, values.out), yaml);
    } catch (error) {
      context.stderr(`ninesmith import: cannot write ${values.out}: ${(error as Error).message}\n`);
      return EXIT.invalid;
    }
  } else {
    context.stdout(yaml);
  }
  context.stderr(values.report === 'json' ? `${JSON.stringify({ ok: true, ...result.report }, null, 2)}\n` : formatReport(result.report));
  return EXIT.ok;
};
