import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EXPORT_TARGETS, GENERATORS, generateExport, unsupportedTargets, type ExportTarget, type GeneratedFile } from '../../../generators';
import { EXIT, UsageError, terminalLine, type Command } from '../context';
import { formatProblems, readDesignFile } from '../read-design-file';
import { loadPriceCatalogs } from '../price-catalogs';
import { MANIFEST_NAME, openExport } from '../export-writer';
import { buildProposal, PROPOSAL_FILE_PATHS, proposalAppendices, proposalDiagram } from '../../../generators/proposal';
import { PictureThread } from '../picture-thread';
import type { PriceCatalog } from '../../engine/cost';
import { analyzeDesign } from '../../engine';
import { DEFAULT_PRICES_DIR, parseCommitment, readPriceBooks } from './cost';

export const exportUsage = `Usage: ninesmith export FILE --out DIR [--only ${EXPORT_TARGETS.join(',')}] [--force]
                        [--commitment on-demand|1-year|3-year] [--price-book DIR | --no-price-book]

Writes what the design generates into DIR (created if needed):
${EXPORT_TARGETS.map((target) => `  ${`${target}/`.padEnd(11)} ${GENERATORS[target].label}: ${GENERATORS[target].help}`).join('\n')}
The proposal is priced as "ninesmith cost" prices: the checkout's catalogs, your imported price book
(.ninesmith/prices where you run, or --price-book DIR; --no-price-book for none) and the commitment
profile (--commitment, default the design's pricing.commitment).

DIR/${MANIFEST_NAME} lists what Ninesmith wrote there. Exporting again into DIR:
  - overwrites the files an earlier export wrote, and removes those no longer generated (a runbook
    of a removed component); such a file edited since it was exported is kept, and said so;
  - refuses, before writing anything, when a file of the same name that Ninesmith did not write,
    or that was edited since, is in the way; --force overwrites such files;
  - never follows a symbolic link inside DIR, and never writes outside it.
Exit 0 when written, 2 for a file that cannot be read or does not fit the format, or an output
directory that cannot be written as asked, 3 for an internal error (a bug in Ninesmith; --debug
prints its stack trace).
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

/** The bytes and characters of `files`, about what holding them costs. */
function sizeOf(files: readonly GeneratedFile[]): number {
  let size = 0;
  for (const file of files) size += file.utf8 ? file.utf8.reduce((sum, chunk) => sum + chunk.byteLength, 0) : file.contents.length;
  return size;
}

/** Files written and let go of before the proposal, past which the export asks for a collection (see collectGarbage). */
const LARGE_RELEASE = 32 * 1024 * 1024;

/**
 * A full garbage collection, asked for once after the other targets' files are written and let go of,
 * before the proposal is made. V8 frees the Terraform's bytes (90 MB at 20,000 components) only in a
 * full collection, and none came on its own while the proposal was made: its garbage piled on top of
 * the Terraform's and the runbooks' (peak about 520 MB; after the collection the live heap is about
 * 95 MB and the peak about 430 MB). Not a cap on the heap: a larger design still gets all it needs.
 */
function collectGarbage(): void {
  // The flag exposes `gc` to contexts made after it (as Jest's leak detector reaches the collector).
  // Node warns that a flag set after start-up may do nothing: then there is no `gc`, and the export
  // goes on as before, only with the higher peak.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  if (typeof gc === 'function') gc();
}

export const exportCommand: Command = async (args, context) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      only: { type: 'string' },
      force: { type: 'boolean', default: false },
      commitment: { type: 'string' },
      'price-book': { type: 'string' },
      'no-price-book': { type: 'boolean' },
    },
  });
  const commitment = parseCommitment(values.commitment);
  if (positionals.length !== 1) throw new UsageError('export takes exactly one FILE');
  if (!values.out) throw new UsageError('--out DIR is required');
  const targets = parseTargets(values.only);
  const file = positionals[0]!;
  const read = await readDesignFile(file, context.cwd);
  if (!read.ok) {
    context.stderr(formatProblems(file, read.problems));
    return EXIT.invalid;
  }
  // Targets that price the design (the proposal) read the checkout's catalogs, as `ninesmith cost` does.
  let catalogs: PriceCatalog[] = [];
  if (targets.some((target) => GENERATORS[target].needs.catalogs)) {
    const loaded = await loadPriceCatalogs(DEFAULT_PRICES_DIR, [read.design.provider]);
    if (!loaded.ok) {
      context.stderr(terminalLine(`ninesmith export: cannot read the ${loaded.provider} price catalog: ${loaded.message}`));
      return EXIT.invalid;
    }
    for (const provider of loaded.missing) context.stderr(terminalLine(`ninesmith export: no ${provider}.json in ${DEFAULT_PRICES_DIR}; the proposal prices nothing`));
    catalogs = loaded.catalogs;
  }
  const imported = targets.some((target) => GENERATORS[target].needs.catalogs) ? await readPriceBooks(values['no-price-book'] === true, values['price-book'], context) : [];
  if (imported === undefined) return EXIT.invalid;
  const estimate = { imported, ...(commitment ? { commitment } : {}) };
  const others = targets.filter((target) => target !== 'proposal');
  const writesProposal = targets.includes('proposal') && unsupportedTargets(read.design, ['proposal']).length === 0;
  // The proposal's diagram is drawn as a picture on a thread of its own from here on, while the
  // design is analysed and the other targets and the proposal's text are made on this one.
  const diagram = writesProposal ? proposalDiagram(read.design) : undefined;
  const pictures = new PictureThread();
  if (diagram !== undefined) pictures.prepare(diagram);
  try {
    // One analysis for every target, the proposal's appendices and the proposal itself, when there is a proposal to
    // write: without one, the runbooks need only the failure scenarios, and the Terraform and Helm none of it.
    const analysis = writesProposal ? analyzeDesign(read.design) : undefined;
    const files = generateExport(read.design, { targets: others, catalogs, estimate, ...(analysis ? { analysis } : {}) });
    // What the proposal reads of its appendices, the runbooks and infrastructure code, written or not: taken
    // before the files are written and let go of, so that the Terraform's bytes (90 MB at 20,000 components)
    // are not held while the proposal is made.
    const appendixTargets = (['runbooks', 'terraform'] as const).filter((target) => !others.includes(target));
    const appendixOnly = analysis ? generateExport(read.design, { targets: appendixTargets, catalogs, estimate, analysis }) : [];
    const appendices = analysis ? proposalAppendices([...files, ...appendixOnly]) : undefined;
    const letGo = sizeOf(files) + sizeOf(appendixOnly.splice(0));
    const paths = [...files.map((f) => f.path), ...(analysis ? PROPOSAL_FILE_PATHS : [])];
    // Every path is checked before anything is written; then the other targets' files are written and dropped.
    const writing = await openExport(values.out, context.cwd, paths, targets, { force: values.force });
    await writing.write(files.splice(0));
    if (analysis && letGo >= LARGE_RELEASE) collectGarbage();
    if (analysis && appendices) {
      try {
        // The PDF and Word writers load only for an export that writes a proposal.
        const { proposalFiles } = await import('../proposal-files');
        const proposal = buildProposal(read.design, { catalogs, estimate, appendices, analysis, ...(diagram !== undefined ? { diagram } : {}) });
        await writing.write(await proposalFiles(proposal, { pictures }));
      } catch (error) {
        // The error is the one to report; the manifest is kept as true as it can be.
        await writing.abandon().catch(() => undefined);
        throw error;
      }
    }
    const result = await writing.finish();
    const counts = targets.map((target) => `${paths.filter((path) => path.startsWith(`${target}/`)).length} ${target}`);
    context.stdout(terminalLine(`${file}: wrote ${paths.length} files to ${values.out} (${counts.join(', ')})`));
    const unsupported = new Map(unsupportedTargets(read.design, targets).map(({ target, reason }) => [target, reason]));
    for (const target of targets) {
      const reason = unsupported.get(target);
      if (reason) context.stdout(terminalLine(`  ${target}: ${reason}`));
      else if (!paths.some((path) => path.startsWith(`${target}/`))) context.stdout(terminalLine(`  ${target}: nothing to generate for this design`));
    }
    if (result.removed.length > 0) context.stdout(terminalLine(`  removed ${result.removed.length} file${result.removed.length === 1 ? '' : 's'} an earlier export wrote that this design no longer generates: ${result.removed.join(', ')}`));
    if (result.kept.length > 0) context.stdout(terminalLine(`  kept ${result.kept.join(', ')}: no longer generated, but edited since exported`));
    return EXIT.ok;
  } finally {
    await pictures.close();
  }
};
