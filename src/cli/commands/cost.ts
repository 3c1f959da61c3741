import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { priceAdjustmentSchema, type PriceAdjustment } from '../../model';
import { COST_PROFILES, estimateCost, type CostProfile } from '../../engine/cost';
import { EXIT, UsageError, terminalLine, type Command } from '../context';
import { costCsv } from '../format/cost-csv';
import { costJson } from '../format/cost-json';
import { costMarkdown } from '../format/cost-markdown';
import { costText } from '../format/cost-text';
import { loadPriceCatalogs } from '../price-catalogs';
import { readDesignFile, reportUnreadableDesign } from '../read-design-file';

const FORMATS = ['text', 'json', 'csv', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

/** The catalogs the app serves, in the checkout this command runs from. */
export const DEFAULT_PRICES_DIR = fileURLToPath(new URL('../../../public/prices/', import.meta.url));

export const costUsage = `Usage: ninesmith cost FILE [--format text|json|csv|markdown] [--profile low|expected|high]
                      [--adjust SCOPE=PERCENT]... [--prices DIR]

Estimates the monthly and yearly cost of a design from on-demand list prices (public/prices/),
per layer, region and component, with a low / expected / high range from the usage assumptions.
Lines that cannot be priced say why (free, depends on usage, price not in catalog, unsupported).

  --profile   the profile the headline figures use (default: the design's pricing.profile, or expected)
  --adjust    a local discount or markup, applied after the design's: --adjust aws=-12 --adjust aws/rds=-30
  --prices    a directory of <provider>.json price catalogs (default: the checkout's public/prices)

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
    },
  });
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
  const report = estimateCost(design, loaded.catalogs, { adjustments, ...(profile ? { profile } : {}) });

  switch (format) {
    case 'json':
      context.stdout(`${JSON.stringify(costJson(report, file), null, 2)}\n`);
      break;
    case 'csv':
      context.stdout(costCsv(report));
      break;
    case 'markdown':
      context.stdout(costMarkdown(report, design));
      break;
    default:
      context.stdout(costText(report, design, file));
  }
  return EXIT.ok;
};
