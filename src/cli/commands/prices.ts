import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROVIDERS, type Provider } from '../../model';
import { importPriceFile, mergeImported, parsePriceCatalog, type PriceCatalog } from '../../engine/cost';
import { EXIT, UsageError, type Command } from '../context';
import { loadPriceBooks, PRICE_BOOK_DIR, priceBookDir, removePriceBook, savePriceBook } from '../price-book';
import { DEFAULT_PRICES_DIR } from './cost';

export const pricesUsage = `Usage: ninesmith prices import FILE [--dir DIR]
       ninesmith prices list [--dir DIR]
       ninesmith prices clear PROVIDER [--dir DIR]

Brings your own price book: imports a provider's official price file, or your negotiated rates, into
a local price book that overrides the bundled list prices in "ninesmith cost", "compare" and "export".
Every line priced from it names the file as its source.

FILE is one of:
  - an AWS Price List bulk file for a service and region, JSON or CSV (on-demand prices, and
    1- and 3-year standard no-upfront reserved rates for the commitment profiles)
  - an Azure Retail Prices API response (JSON; consumption prices, reservations and savings plans)
  - a GCP Cloud Billing Catalog SKU list (JSON; on-demand and committed-use SKUs)
  - a CSV of negotiated rates with the columns provider, key, region, usd, unit, source, as_of
    (and optionally per, term = 1-year | 3-year, note), keyed by Ninesmith's price keys
    (compute/m5.large, db/postgres/db.r6g.large; the bundled catalogs in public/prices list them)

The price book lives in ${PRICE_BOOK_DIR}/<provider>.json under the directory you run from (--dir
to choose another): commit it to share it with your team, or ignore it to keep it to yourself.
Importing again replaces the prices of the same key and region. "cost", "compare" and "export" read
it from the same place; --no-price-book there prices from the bundled catalogs alone.

  import  read FILE and add its prices to the book of its provider; says what it took and left out
  list    the price books, where they came from and how many prices each holds
  clear   delete the price book of PROVIDER (aws, azure, gcp)

Exit 0 when done, 2 for a file that cannot be read or is not a price file Ninesmith reads.
`;

async function bundledCatalog(provider: Provider): Promise<PriceCatalog | undefined> {
  try {
    return parsePriceCatalog(JSON.parse(await readFile(resolve(DEFAULT_PRICES_DIR, `${provider}.json`), 'utf8')));
  } catch {
    return undefined;
  }
}

export const pricesCommand: Command = async (args, context) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { dir: { type: 'string' } } });
  const [action, target, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`unexpected ${rest.join(' ')}`);
  const dir = priceBookDir(context.cwd, values.dir);
  switch (action) {
    case 'import': {
      if (!target) throw new UsageError('prices import takes a FILE');
      const path = resolve(context.cwd, target);
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        context.stderr(`ninesmith prices: cannot read ${target}: ${(error as Error).message}\n`);
        return EXIT.invalid;
      }
      const name = basename(path);
      let result;
      try {
        result = importPriceFile(name, text);
      } catch (error) {
        context.stderr(`ninesmith prices: ${(error as Error).message}\n`);
        return EXIT.invalid;
      }
      if (result.prices.length === 0 && result.commitments.length === 0) {
        context.stderr(`ninesmith prices: ${name} (${result.format}) holds no price Ninesmith uses; nothing imported\n${skippedText(result.skipped)}`);
        return EXIT.invalid;
      }
      const existing = (await loadPriceBooks(dir)).find((book) => book.provider === result.provider);
      const merged = mergeImported(existing, result, name, await bundledCatalog(result.provider));
      const saved = await savePriceBook(dir, merged);
      const regions = [...new Set(result.prices.map((p) => p.region))].sort();
      context.stdout(
        `Imported ${name} (${result.format}${result.publishedAt ? `, published ${result.publishedAt}` : ''}): ${result.prices.length} price${result.prices.length === 1 ? '' : 's'}` +
          `${result.commitments.length > 0 ? ` and ${result.commitments.length} commitment rate${result.commitments.length === 1 ? '' : 's'}` : ''}` +
          `${regions.length > 0 ? ` for ${regions.join(', ')}` : ''}, into ${saved} (${merged.prices.length} prices in all).\n${skippedText(result.skipped)}`,
      );
      return EXIT.ok;
    }
    case 'list': {
      const books = await loadPriceBooks(dir);
      if (books.length === 0) {
        context.stdout(`No price book in ${dir}.\n`);
        return EXIT.ok;
      }
      for (const book of books) {
        context.stdout(`${book.provider}: ${book.prices.length} prices, ${book.commitments?.length ?? 0} commitment rates, oldest ${book.asOf}\n`);
        for (const file of book.imports ?? []) context.stdout(`  ${file.file} (${file.format}${file.publishedAt ? `, published ${file.publishedAt}` : ''}): ${file.prices} prices\n`);
      }
      return EXIT.ok;
    }
    case 'clear': {
      if (!target || !PROVIDERS.includes(target as Provider)) throw new UsageError(`prices clear takes a PROVIDER: ${PROVIDERS.join(', ')}`);
      const removed = await removePriceBook(dir, target as Provider);
      context.stdout(removed ? `Removed the ${target} price book from ${dir}.\n` : `No ${target} price book in ${dir}.\n`);
      return EXIT.ok;
    }
    default:
      throw new UsageError(action ? `unknown action "${action}"` : 'prices takes an action: import, list or clear');
  }
};

function skippedText(skipped: Record<string, number>): string {
  const entries = Object.entries(skipped).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return '';
  return `Left out: ${entries.map(([reason, n]) => `${n} ${reason}`).join('; ')}.\n`;
}
