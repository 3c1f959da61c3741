import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePriceCatalog } from '../../src/engine/cost';
import { PROVIDERS } from '../../src/model';
import { buildCatalogs, CATALOG_DIR, catalogText, FIRST_PARTY, readableNote, REFERENCE_PATH, SOURCE_KINDS, type ReferenceFile } from './build';

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
        expect(price.note, price.key).toBe(origin?.note === undefined ? undefined : readableNote(origin.note));
        expect(price.sourceKind, price.key).toBe(origin?.sourceKind);
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

describe('sources', () => {
  const legacy = new Set(
    readFileSync(join(import.meta.dirname, 'legacy-secondary-sources.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#')),
  );

  it('classify every reference entry by the kind of its source', () => {
    for (const entry of reference.entries) expect(SOURCE_KINDS, `${entry.provider} ${entry.sku}`).toContain(entry.sourceKind);
  });

  it('admit no new test fixture or third-party source: the legacy list can only shrink', () => {
    const secondary = reference.entries.filter((e) => !FIRST_PARTY.has(e.sourceKind)).map((e) => `${e.provider} | ${e.service} | ${e.sku} | ${e.region}`);
    for (const id of secondary) expect(legacy.has(id), `${id} is not first-party and not a legacy entry`).toBe(true);
    // A replaced entry leaves the list too, so the list says what is left to do.
    expect(legacy.size).toBe(secondary.length);
  });

  it('take commitment rates only from first-party sources', () => {
    for (const rate of reference.commitments ?? []) expect(FIRST_PARTY.has(rate.sourceKind), rate.plan).toBe(true);
  });

  it('date each catalog by its oldest price', () => {
    for (const data of committed) {
      const catalog = parsePriceCatalog(data);
      const oldest = catalog.prices.map((p) => p.asOf.slice(0, 10)).sort()[0];
      expect(catalog.asOf).toBe(oldest);
    }
  });
});

describe('parsePriceCatalog', () => {
  it('names what is wrong', () => {
    expect(() => parsePriceCatalog({ format: 1, provider: 'aws', currency: 'USD', hoursPerMonth: 730, asOf: '', notFound: [], prices: [{ key: 'x' }] }, 'aws.json')).toThrow(/aws.json: prices\[0\]/);
  });
});
