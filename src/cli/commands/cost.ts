import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { priceAdjustmentSchema, type PriceAdjustment } from '../../model';
import { COMMITMENTS, COST_PROFILES, estimateCost, type Commitment, type CostProfile, type PriceCatalog } from '../../engine/cost';
import { EXIT, UsageError, terminalLine, type Command } from '../context';
import { writeCostCsv } from '../format/cost-csv';
import { writeCostJson } from '../format/cost-json';
import { writeCostMarkdown } from '../format/cost-markdown';
import { writeCostText } from '../format/cost-text';
import { stdoutOutput } from '../format/line-writer';
import { loadPriceCatalogs } from '../price-catalogs';
import { loadPriceBooks, PRICE_BOOK_DIR, priceBookDir } from '../price-book';
import { readDesignFile, reportUnreadableDesign } from '../read-design-file';

const FORMATS = ['text', 'json', 'csv', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

/** The catalogs the app serves, in the checkout this command runs from. */
export const DEFAULT_PRICES_DIR = fileURLToPath(new URL('../../../public/prices/', import.meta.url));

export const costUsage = `Usage: ninesmith cost FILE [--format text|json|csv|markdown] [--profile low|expected|high]
                      [--commitment on-demand|1-year|3-year] [--adjust SCOPE=PERCENT]...
                      [--prices DIR] [--price-book DIR | --no-price-book]

Estimates the monthly and yearly cost of a design from list prices (public/prices/) and your own
price book (see "ninesmith prices"), per layer, region and component, with a low / expected / high
range from the usage assumptions. Lines that cannot be priced say why (no price for the region,
price not in catalog, depends on usage, unsupported, free, included elsewhere), and the total says
how many lines it excludes: a price is never taken from another region. Every format prints the
same totals, exclusions, assumptions and notes.

  --profile     the profile the headline figures use (default: the design's pricing.profile, or expected)
  --commitment  on-demand, or 1- or 3-year commitments where a first-party rate is known
                (default: the design's pricing.commitment, or on-demand)
  --adjust      a local discount or markup, applied after the design's: --adjust aws=-12 --adjust aws/rds=-30
  --prices      a directory of <provider>.json price catalogs (default: the checkout's public/prices)
  --price-book  the directory of your imported price book (default: ${PRICE_BOOK_DIR} where you run)
  --no-price-book  price from the catalogs alone

Exit 0 when priced, 2 for a file that cannot be read or does not fit the format, 3 for an internal
error (a bug in Ninesmith; --debug prints its stack trace).
`;

function parseAdjustment(text: string): PriceAdjustment {
  const match = /^([^=]+)=([-+]?\d+(\.\d+)?)%?$/.exec(text);
  if (!match) throw new UsageError(`--adjust expects SCOPE=PERCENT, e.g. aws=-10 or aws/rds=-25; got "${text}"`);
  const result = priceAdjustmentSchema.safeParse({ scope: match[1], percent: Number(match[2]) });
  if (!result.success) throw new UsageError(`--adjust ${text}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

export const costCommand: Command = async (args, context) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      profile: { type: 'string' },
      adjust: { type: 'string', multiple: true },
      prices: { type: 'string' },
      commitment: { type: 'string' },
      'price-book': { type: 'string' },
      'no-price-book': { type: 'boolean' },
    },
  });
  const commitment = parseCommitment(values.commitment);
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const profile = values.profile as CostProfile | undefined;
  if (profile !== undefined && !COST_PROFILES.includes(profile)) throw new UsageError(`--profile must be one of ${COST_PROFILES.join(', ')}`);
  const adjustments = (values.adjust ?? []).map(parseAdjustment);
  if (positionals.length !== 1) throw new UsageError('cost takes exactly one FILE');
  const file = positionals[0]!;

  const result = await readDesignFile(file, context.cwd);
  if (!result.ok) {
    reportUnreadableDesign(file, result.problems, format === 'json', context);
    return EXIT.invalid;
  }
  const design = result.design;
  const dir = values.prices !== undefined ? resolve(context.cwd, values.prices) : DEFAULT_PRICES_DIR;
  const loaded = await loadPriceCatalogs(dir, [design.provider]);
  if (!loaded.ok) {
    context.stderr(terminalLine(`ninesmith cost: cannot read the ${loaded.provider} price catalog: ${loaded.message}`));
    return EXIT.invalid;
  }
  for (const provider of loaded.missing) context.stderr(terminalLine(`ninesmith cost: no ${provider}.json in ${dir}; nothing can be priced`));
  const imported = await readPriceBooks(values['no-price-book'] === true, values['price-book'], context);
  if (imported === undefined) return EXIT.invalid;
  const report = estimateCost(design, loaded.catalogs, { adjustments, imported, ...(profile ? { profile } : {}), ...(commitment ? { commitment } : {}) });

  // Written in pieces as they are made: a report of 20,000 components is 12 to 60 MB of text.
  const output = stdoutOutput(context);
  switch (format) {
    case 'json':
      writeCostJson(report, file, output);
      break;
    case 'csv':
      writeCostCsv(report, output);
      break;
    case 'markdown':
      writeCostMarkdown(report, design, output);
      break;
    default:
      writeCostText(report, design, file, output);
  }
  return EXIT.ok;
};

export function parseCommitment(text: string | undefined): Commitment | undefined {
  if (text === undefined) return undefined;
  if (!COMMITMENTS.includes(text as Commitment)) throw new UsageError(`--commitment must be one of ${COMMITMENTS.join(', ')}`);
  return text as Commitment;
}

/** The imported price books for a command (none with --no-price-book); undefined after reporting one that cannot be read. */
export async function readPriceBooks(off: boolean, dir: string | undefined, context: { cwd: string; stderr: (text: string) => void }): Promise<PriceCatalog[] | undefined> {
  if (off) return [];
  try {
    return await loadPriceBooks(priceBookDir(context.cwd, dir));
  } catch (error) {
    context.stderr(terminalLine(`ninesmith: cannot read the imported price book: ${(error as Error).message}`));
    return undefined;
  }
}
