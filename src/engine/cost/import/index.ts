import type { Provider } from '../../../model';
import type { CatalogPrice, CommitmentRate, PriceCatalog } from '../types';
import { awsCsv, awsJson } from './aws-price-list';
import { azureRetail } from './azure-retail';
import { gcpSkus } from './gcp-skus';
import { negotiatedCsv } from './negotiated-csv';
import type { ImportedRow } from './types';

export { awsKey } from './aws-price-list';
export { azureKey } from './azure-retail';
export { gcpKey } from './gcp-skus';
export { NEGOTIATED_COLUMNS } from './negotiated-csv';

/** What an import read: the prices and commitment rates it took, and how many rows it left out and why. */
export interface ImportResult {
  provider: Provider;
  format: string;
  publishedAt?: string;
  prices: CatalogPrice[];
  commitments: CommitmentRate[];
  skipped: Record<string, number>;
}

/** The price files Ninesmith reads, told apart by their content. */
export type PriceFileFormat = 'aws-json' | 'aws-csv' | 'azure-retail' | 'gcp-skus' | 'negotiated-csv';

export function detectFormat(text: string): PriceFileFormat | undefined {
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith('{')) {
    if (/"offerCode"\s*:/.test(head) || /"formatVersion"\s*:/.test(head)) return 'aws-json';
    if (/"Items"\s*:/.test(head) || /"BillingCurrency"\s*:/.test(head)) return 'azure-retail';
    if (/"skus"\s*:/.test(head)) return 'gcp-skus';
    return undefined;
  }
  if (/^"?FormatVersion"?,/.test(head)) return 'aws-csv';
  const firstLine = head.split('\n').find((line) => line.trim() !== '' && !line.startsWith('#')) ?? '';
  if (/\bprovider\b/i.test(firstLine) && /\bkey\b/i.test(firstLine)) return 'negotiated-csv';
  return undefined;
}

function collect(rows: readonly ImportedRow[]): Pick<ImportResult, 'prices' | 'commitments' | 'skipped'> {
  const prices: CatalogPrice[] = [];
  const commitments: CommitmentRate[] = [];
  const skipped: Record<string, number> = {};
  for (const row of rows) {
    if ('price' in row) prices.push(row.price);
    else if ('commitment' in row) commitments.push(row.commitment);
    else skipped[row.skipped] = (skipped[row.skipped] ?? 0) + 1;
  }
  return { prices, commitments, skipped };
}

/** Lines of a text, without building an array of the whole file twice. */
function* linesOf(text: string): Generator<string> {
  let start = 0;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    if (end === -1) {
      if (start < text.length) yield text.slice(start);
      return;
    }
    yield text.slice(start, end);
    start = end + 1;
  }
}

/**
 * Reads a provider's official price file (AWS Price List bulk JSON or CSV, an Azure Retail Prices
 * API response, a GCP Cloud Billing Catalog SKU list) or a CSV of negotiated rates into prices under
 * Ninesmith's price keys. `file` names the source on every line priced from it. Throws naming what is
 * wrong with a file it cannot read.
 */
export function importPriceFile(file: string, text: string, format: PriceFileFormat | undefined = detectFormat(text)): ImportResult {
  switch (format) {
    case 'aws-csv':
      return { provider: 'aws', ...withMeta(awsCsv(linesOf(text), file)) };
    case 'negotiated-csv': {
      const read = negotiatedCsv(linesOf(text), file);
      if (!read.provider) throw new Error(`${file}: the price book has no rows`);
      return { provider: read.provider, format: read.format, ...collect(read.rows) };
    }
    case 'aws-json':
    case 'azure-retail':
    case 'gcp-skus': {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (error) {
        throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
      }
      const provider: Provider = format === 'aws-json' ? 'aws' : format === 'azure-retail' ? 'azure' : 'gcp';
      const mapper = format === 'aws-json' ? awsJson : format === 'azure-retail' ? azureRetail : gcpSkus;
      return { provider, ...withMeta(mapper(data, file)) };
    }
    default:
      throw new Error(`${file}: not a price file Ninesmith reads (an AWS Price List bulk JSON or CSV file, an Azure Retail Prices API response, a GCP Cloud Billing Catalog SKU list, or a CSV of negotiated rates with the columns provider, key, region, usd, unit, source, as_of)`);
  }
}

function withMeta(read: { rows: ImportedRow[]; publishedAt: string | undefined; format: string }): Omit<ImportResult, 'provider'> {
  return { format: read.format, ...(read.publishedAt ? { publishedAt: read.publishedAt } : {}), ...collect(read.rows) };
}

/**
 * Adds an import to a provider's imported price book: a price replaces one with the same key and
 * region, a commitment one with the same key, region and term; prices of a negotiated book take the
 * unit conventions (what is counted, per how many) of the bundled price of that key.
 */
export function mergeImported(existing: PriceCatalog | undefined, result: ImportResult, file: string, bundled?: PriceCatalog): PriceCatalog {
  const byKey = new Map<string, CatalogPrice>();
  for (const price of bundled?.prices ?? []) if (!byKey.has(price.key)) byKey.set(price.key, price);
  const aligned = result.prices.map((price) => {
    const reference = byKey.get(price.key);
    if (!reference || price.service !== 'negotiated') return reference ? { ...price, serviceCode: reference.serviceCode } : price;
    return { ...price, serviceCode: reference.serviceCode, quantityUnit: reference.quantityUnit, per: price.per !== 1 ? price.per : price.unit === reference.unit ? reference.per : price.per };
  });
  const prices = new Map<string, CatalogPrice>();
  for (const price of [...(existing?.prices ?? []), ...aligned]) prices.set(`${price.key}@${price.region}`, price);
  const commitments = new Map<string, CommitmentRate>();
  for (const rate of [...(existing?.commitments ?? []), ...result.commitments]) commitments.set(`${rate.key ?? rate.serviceCode}@${rate.region}#${rate.term}`, rate);
  const sortedPrices = [...prices.values()].sort((a, b) => a.key.localeCompare(b.key) || a.region.localeCompare(b.region));
  const dates = sortedPrices.map((p) => p.asOf.slice(0, 10)).sort();
  return {
    format: 1,
    provider: result.provider,
    currency: 'USD',
    hoursPerMonth: 730,
    asOf: dates[0] ?? '',
    description: 'Prices imported from your own price files; they override the bundled catalog.',
    notFound: [],
    prices: sortedPrices,
    commitments: [...commitments.values()].sort((a, b) => `${a.key}${a.region}${a.term}`.localeCompare(`${b.key}${b.region}${b.term}`)),
    imports: [...(existing?.imports ?? []).filter((i) => i.file !== file), { file, format: result.format, prices: result.prices.length, ...(result.publishedAt ? { publishedAt: result.publishedAt } : {}) }],
  };
}
