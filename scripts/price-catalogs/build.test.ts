import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePriceCatalog } from '../../src/engine/cost';
import { PROVIDERS } from '../../src/model';
import { buildCatalogs, CATALOG_DIR, catalogText, REFERENCE_PATH, type ReferenceFile } from './build';

const reference = JSON.parse(readFileSync(REFERENCE_PATH, 'utf8')) as ReferenceFile;
const committed = PROVIDERS.map((provider) => JSON.parse(readFileSync(join(CATALOG_DIR, `${provider}.json`), 'utf8')) as unknown);

describe('price catalogs', () => {
  it('map every reference entry to a price key', () => {
    const { unmapped } = buildCatalogs(reference);
    expect(unmapped.map((e) => `${e.provider} ${e.service}: ${e.sku}`)).toEqual([]);
  });

  it('are what the script builds from the reference (run the script after changing either)', () => {
    const { catalogs } = buildCatalogs(reference);
    for (const catalog of catalogs) {
      expect(readFileSync(join(CATALOG_DIR, `${catalog.provider}.json`), 'utf8'), catalog.provider).toBe(catalogText(catalog));
    }
  });

  it('trace every price back to a reference entry with the same figure, source and date', () => {
    for (const data of committed) {
      const catalog = parsePriceCatalog(data);
      for (const price of catalog.prices) {
        const origin = reference.entries.find(
          (e) => e.provider === catalog.provider && e.service === price.service && e.sku === price.sku && e.usd === price.usd && e.source === price.source && e.asOf === price.asOf && e.unit === price.unit,
        );
        expect(origin, `${catalog.provider} ${price.key} @ ${price.region}`).toBeDefined();
        expect(price.uncertain === true, price.key).toBe(origin?.uncertain === true);
        expect(price.note, price.key).toBe(origin?.note);
        expect(price.region === 'global' || price.region === origin?.region, price.key).toBe(true);
      }
    }
  });

  it('hold one price per key and region', () => {
    for (const data of committed) {
      const catalog = parsePriceCatalog(data);
      const ids = catalog.prices.map((p) => `${p.key}@${p.region}`);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('keep the gaps the reference names', () => {
    const aws = parsePriceCatalog(committed[0]);
    expect(aws.notFound).toEqual(reference._meta.notFound);
  });
});

describe('parsePriceCatalog', () => {
  it('names what is wrong', () => {
    expect(() => parsePriceCatalog({ format: 1, provider: 'aws', currency: 'USD', hoursPerMonth: 730, asOf: '', notFound: [], prices: [{ key: 'x' }] }, 'aws.json')).toThrow(/aws.json: prices\[0\]/);
  });
});
