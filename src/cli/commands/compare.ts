import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatPath, type Design } from '../../model';
import { compareDesigns, compareMarkdown, MAX_COMPARED, MIN_COMPARED, type CompareEntry } from '../../engine/compare';
import { EXIT, UsageError, terminalLine, type Command } from '../context';
import { compareJson } from '../format/compare-json';
import { compareText } from '../format/compare-text';
import { loadPriceCatalogs } from '../price-catalogs';
import { formatProblems, readDesignFile, type DesignFileResult } from '../read-design-file';
import { estimateCost, type Commitment } from '../../engine/cost';
import { DEFAULT_PRICES_DIR, parseCommitment, readPriceBooks } from './cost';
import { buildOptionsProposal } from '../../../generators/proposal';
import { writeExport } from '../export-writer';

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

export const compareUsage = `Usage: ninesmith compare FILE FILE [FILE [FILE]] [--format text|json|markdown] [--prices DIR]
                        [--commitment on-demand|1-year|3-year] [--price-book DIR | --no-price-book]
                        [--proposal DIR]
       ninesmith compare FILE --commitments PROFILE,PROFILE[,...] [--format ...]

Puts two to four designs side by side: monthly cost (expected, with the low-high range) and yearly,
availability per journey with its nines and expected downtime a month, the worst estimated RTO and
RPO per failure scenario class (zone, single component, primary region, data corruption), open
findings by severity and counts of components and regions. Every design after the first is also
shown as its difference to the first, with what each added nine of availability costs
(extra monthly cost / nines gained; "no gain" or "cheaper and better" where there is no price).

Journeys are matched across designs by id, else by name. Costs use on-demand list prices
(public/prices/) and the expected usage profile.

  --format  text (default), json (a stable shape, "format": 1; see src/cli/format/compare-json.ts),
            or markdown (tables to paste into a proposal)
  --prices  a directory of <provider>.json price catalogs (default: the checkout's public/prices)
  --commitment   the commitment profile every design is priced under (default: each design's
                 pricing.commitment, or on-demand)
  --commitments  one design under two to four commitment profiles side by side, e.g.
                 --commitments on-demand,3-year (lines without a first-party rate stay on-demand, said)
  --price-book   your imported price book (default: .ninesmith/prices where you run); --no-price-book: none
  --proposal DIR also writes one client proposal presenting the designs as options side by side
                 (diagram, cost, modelled availability, recovery, cost per added nine, risks; the
                 recommended option marked) as DIR/proposal.html, .pdf, .docx and .md. Files an
                 earlier run wrote there are overwritten; anything else in the way is refused.

Exit 0 when compared, 2 when any file cannot be read or does not fit the format (every problem is
listed, each line naming its file), 3 for an internal error (a bug in Ninesmith; --debug prints its
stack trace).
`;

export const compareCommand: Command = async (args, context) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      prices: { type: 'string' },
      commitment: { type: 'string' },
      commitments: { type: 'string' },
      'price-book': { type: 'string' },
      'no-price-book': { type: 'boolean' },
      proposal: { type: 'string' },
    },
  });
  const format = values.format as Format;
  if (values.proposal === '') throw new UsageError('--proposal needs a directory to write the proposal into');
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const commitment = parseCommitment(values.commitment);
  const profiles: Commitment[] | undefined = values.commitments?.split(',').map((name) => parseCommitment(name.trim())!);
  if (profiles) {
    if (positionals.length !== 1) throw new UsageError('--commitments compares one FILE under several commitment profiles');
    if (commitment) throw new UsageError('--commitment and --commitments do not go together');
    if (profiles.length < MIN_COMPARED || profiles.length > MAX_COMPARED) throw new UsageError(`--commitments takes ${MIN_COMPARED} to ${MAX_COMPARED} profiles`);
  } else if (positionals.length < MIN_COMPARED || positionals.length > MAX_COMPARED) {
    throw new UsageError(`compare takes ${MIN_COMPARED} to ${MAX_COMPARED} FILEs; got ${positionals.length}`);
  }

  // Read every file before refusing, so one run lists the problems of all of them.
  const results: DesignFileResult[] = await Promise.all(positionals.map((file) => readDesignFile(file, context.cwd)));
  const invalid = positionals.flatMap((file, i) => {
    const result = results[i]!;
    return result.ok ? [] : [{ file, problems: result.problems }];
  });
  if (invalid.length > 0) {
    if (format === 'json') {
      const files = invalid.map(({ file, problems }) => ({ file, problems: problems.map((p) => ({ path: formatPath(p.path), code: p.code, message: p.message })) }));
      context.stdout(`${JSON.stringify({ valid: false, files }, null, 2)}\n`);
    } else {
      for (const { file, problems } of invalid) context.stderr(formatProblems(file, problems));
      context.stderr(terminalLine(`ninesmith compare: ${invalid.length} of ${positionals.length} files cannot be compared: ${invalid.map((i) => i.file).join(', ')}`));
    }
    return EXIT.invalid;
  }
  const designs: Design[] = [];
  results.forEach((result, i) => {
    if (!result.ok) return;
    designs.push(result.design);
    for (const note of result.notes) context.stderr(terminalLine(`${positionals[i]}: note: ${note}`));
  });

  const dir = values.prices !== undefined ? resolve(context.cwd, values.prices) : DEFAULT_PRICES_DIR;
  const loaded = await loadPriceCatalogs(dir, designs.map((d) => d.provider));
  if (!loaded.ok) {
    context.stderr(terminalLine(`ninesmith compare: cannot read the ${loaded.provider} price catalog: ${loaded.message}`));
    return EXIT.invalid;
  }
  for (const provider of loaded.missing) context.stderr(terminalLine(`ninesmith compare: no ${provider}.json in ${dir}; ${provider} designs are not priced`));
  const catalogs = loaded.catalogs;

  const imported = await readPriceBooks(values['no-price-book'] === true, values['price-book'], context);
  if (imported === undefined) return EXIT.invalid;
  const estimate = { imported, ...(commitment ? { commitment } : {}) };
  const entries = profiles
    ? profiles.map((profile) => ({ design: designs[0]!, label: `${positionals[0]!} (${profile})`, cost: estimateCost(designs[0]!, catalogs, { ...estimate, commitment: profile }) }))
    : designs.map((design, i) => ({ design, label: positionals[i]! }));
  const comparison = compareDesigns(entries, { catalogs, estimate });
  switch (format) {
    case 'json':
      context.stdout(`${JSON.stringify(compareJson(comparison), null, 2)}\n`);
      break;
    case 'markdown':
      context.stdout(compareMarkdown(comparison));
      break;
    default:
      context.stdout(compareText(comparison));
  }
  if (values.proposal !== undefined) {
    const document = buildOptionsProposal(
      entries.map((entry: CompareEntry, i) => ({ design: entry.design, ...(entry.cost ? { cost: entry.cost } : {}), ...(profiles ? { label: `Option ${'ABCD'[i]}: ${profiles[i]} prices` } : {}) })),
      { catalogs, estimate },
    );
    // The PDF and Word writers load only when a proposal is asked for.
    const { proposalFiles } = await import('../proposal-files');
    const files = (await proposalFiles(document)).map((file) => ({ ...file, path: file.path.replace(/^proposal\//, '') }));
    await writeExport(values.proposal, context.cwd, files, []);
    const note = terminalLine(`wrote the options proposal to ${values.proposal}: ${files.map((f) => f.path).join(', ')}`);
    if (format === 'json') context.stderr(note);
    else context.stdout(note);
  }
  return EXIT.ok;
};
