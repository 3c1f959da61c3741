// Test support for the cost tests: fixtures, templates and the committed catalogs, through
// Vite's raw and JSON imports (vitest), so the engine folder needs no node:fs.
import { loadDesign } from '../../catalog';
import type { Design } from '../../model';
import awsCatalog from '../../../public/prices/aws.json';
import azureCatalog from '../../../public/prices/azure.json';
import gcpCatalog from '../../../public/prices/gcp.json';
import { importPriceFile, mergeImported } from './import';
import { parsePriceCatalog } from './price-catalog';
import type { PriceCatalog } from './types';

const fixtures = import.meta.glob<string>('./fixtures/*.yaml', { query: '?raw', import: 'default', eager: true });
const priceFiles = import.meta.glob<string>('./fixtures/price-files/*', { query: '?raw', import: 'default', eager: true });
const templates = import.meta.glob<string>('../../../templates/*.yaml', { query: '?raw', import: 'default', eager: true });

export function loadCatalogs(): PriceCatalog[] {
  return [
    parsePriceCatalog(awsCatalog, 'public/prices/aws.json'),
    parsePriceCatalog(azureCatalog, 'public/prices/azure.json'),
    parsePriceCatalog(gcpCatalog, 'public/prices/gcp.json'),
  ];
}

function load(files: Record<string, string>, path: string): Design {
  const text = files[path];
  if (text === undefined) throw new Error(`no such file: ${path}`);
  const result = loadDesign(text, { fileName: path });
  if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.problems)}`);
  return result.design;
}

export const fixture = (name: string): Design => load(fixtures, `./fixtures/${name}.yaml`);
export const template = (name: string): Design => load(templates, `../../../templates/${name}.yaml`);
export const templateNames = (): string[] => Object.keys(templates).map((path) => /([^/]+)\.yaml$/.exec(path)![1]!).sort();

/** The text of a price-file excerpt in fixtures/price-files/ (written in the provider's official shape). */
export function priceFile(name: string): string {
  const text = priceFiles[`./fixtures/price-files/${name}`];
  if (text === undefined) throw new Error(`no such price file: ${name}`);
  return text;
}

/** An imported price book made of the named price-file excerpts, merged in order. */
export function importedBook(...names: string[]): PriceCatalog[] {
  const bundled = loadCatalogs();
  const books = new Map<string, PriceCatalog>();
  for (const name of names) {
    const result = importPriceFile(name, priceFile(name));
    books.set(result.provider, mergeImported(books.get(result.provider), result, name, bundled.find((c) => c.provider === result.provider)));
  }
  return [...books.values()];
}

/**
 * A test price book that prices `to` at the bundled catalog's `from` prices, for tests whose point is
 * not the prices of a region (ordering, roll-ups). Clearly test data: every price names this.
 */
export function regionCopyBook(from: string, to: readonly string[]): PriceCatalog[] {
  return loadCatalogs().map((catalog) => ({
    ...catalog,
    prices: to.flatMap((region) => catalog.prices.filter((p) => p.region === from).map((p) => ({ ...p, region, source: `test price book: ${from} prices copied to ${region}`, sourceKind: 'imported' as const }))),
    commitments: [],
  }));
}
