import { mkdir, realpath, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_TARGETS, GENERATORS, generateExport, unsupportedTargets, type ExportTarget, type GeneratedFile } from '../../../generators';
import { EXIT, UsageError, type Command } from '../context';
import { formatProblems, readDesignFile } from '../read-design-file';
import { loadPriceCatalogs } from '../price-catalogs';
import type { PriceCatalog } from '../../engine/cost';
import { DEFAULT_PRICES_DIR, parseCommitment, readPriceBooks } from './cost';

export const exportUsage = `Usage: ninesmith export FILE --out DIR [--only ${EXPORT_TARGETS.join(',')}]
                        [--commitment on-demand|1-year|3-year] [--price-book DIR | --no-price-book]

Writes what the design generates into DIR (created if needed):
${EXPORT_TARGETS.map((target) => `  ${`${target}/`.padEnd(11)} ${GENERATORS[target].label}: ${GENERATORS[target].help}`).join('\n')}
The proposal is priced as "ninesmith cost" prices: the checkout's catalogs, your imported price book
(.ninesmith/prices where you run, or --price-book DIR; --no-price-book for none) and the commitment
profile (--commitment, default the design's pricing.commitment).
Exit 0 when written, 2 for a file that cannot be read or does not fit the format.
`;

function parseTargets(only: string | undefined): ExportTarget[] {
  if (only === undefined) return [...EXPORT_TARGETS];
  const names = only.split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError('--only needs at least one target');
  for (const name of names) {
    if (!(EXPORT_TARGETS as readonly string[]).includes(name)) throw new UsageError(`--only: unknown target "${name}"; choose from ${EXPORT_TARGETS.join(', ')}`);
  }
  return EXPORT_TARGETS.filter((target) => names.includes(target));
}

/** A generated path that would land outside the output directory: refused, nothing more is written. */
class OutsideOutputError extends Error {}

/** The absolute path of a generated file inside `root`, or an error when it would land outside it. */
function targetPath(root: string, file: GeneratedFile): string {
  if (isAbsolute(file.path) || file.path.split(/[\\/]/).some((segment) => segment === '..' || segment === '')) {
    throw new OutsideOutputError(`refusing to write "${file.path}": not a relative path inside the output directory`);
  }
  const path = resolve(root, file.path);
  if (!path.startsWith(root + sep)) throw new OutsideOutputError(`refusing to write "${file.path}": outside the output directory`);
  return path;
}

export const exportCommand: Command = async (args, context) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string' }, only: { type: 'string' }, commitment: { type: 'string' }, 'price-book': { type: 'string' }, 'no-price-book': { type: 'boolean' } },
  });
  const commitment = parseCommitment(values.commitment);
  if (positionals.length !== 1) throw new UsageError('export takes exactly one FILE');
  if (!values.out) throw new UsageError('--out DIR is required');
  const targets = parseTargets(values.only);
  const file = positionals[0]!;
  const result = await readDesignFile(file, context.cwd);
  if (!result.ok) {
    context.stderr(formatProblems(file, result.problems));
    return EXIT.invalid;
  }
  // Targets that price the design (the proposal) read the checkout's catalogs, as `ninesmith cost` does.
  let catalogs: PriceCatalog[] = [];
  if (targets.some((target) => GENERATORS[target].needs.catalogs)) {
    const loaded = await loadPriceCatalogs(DEFAULT_PRICES_DIR, [result.design.provider]);
    if (!loaded.ok) {
      context.stderr(`ninesmith export: cannot read the ${loaded.provider} price catalog: ${loaded.message}\n`);
      return EXIT.invalid;
    }
    for (const provider of loaded.missing) context.stderr(`ninesmith export: no ${provider}.json in ${DEFAULT_PRICES_DIR}; the proposal prices nothing\n`);
    catalogs = loaded.catalogs;
  }
  const imported = targets.some((target) => GENERATORS[target].needs.catalogs) ? await readPriceBooks(values['no-price-book'] === true, values['price-book'], context) : [];
  if (imported === undefined) return EXIT.invalid;
  const files = generateExport(result.design, { targets, catalogs, estimate: { imported, ...(commitment ? { commitment } : {}) } });
  await mkdir(resolve(context.cwd, values.out), { recursive: true });
  // Resolve symlinks once, so a link inside DIR cannot carry a write outside it.
  const root = await realpath(resolve(context.cwd, values.out));
  try {
    const paths = files.map((generated) => targetPath(root, generated));
    for (const [index, generated] of files.entries()) {
      const path = paths[index]!;
      await mkdir(dirname(path), { recursive: true });
      const parent = await realpath(dirname(path));
      if (parent !== root && !parent.startsWith(root + sep)) {
        throw new OutsideOutputError(`refusing to write "${generated.path}": ${relative(root, parent)} leads outside the output directory`);
      }
      await writeFile(path, generated.contents);
    }
  } catch (error) {
    if (!(error instanceof OutsideOutputError)) throw error;
    context.stderr(`ninesmith export: ${error.message}\n`);
    return EXIT.invalid;
  }
  const counts = targets.map((target) => `${files.filter((f) => f.path.startsWith(`${target}/`)).length} ${target}`);
  context.stdout(`${file}: wrote ${files.length} files to ${values.out} (${counts.join(', ')})\n`);
  const unsupported = new Map(unsupportedTargets(result.design, targets).map(({ target, reason }) => [target, reason]));
  for (const target of targets) {
    const reason = unsupported.get(target);
    if (reason) context.stdout(`  ${target}: ${reason}\n`);
    else if (!files.some((f) => f.path.startsWith(`${target}/`))) context.stdout(`  ${target}: nothing to generate for this design\n`);
  }
  return EXIT.ok;
};
