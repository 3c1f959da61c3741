import { PROVIDERS, type Provider } from '../../../model';
import type { CatalogPrice, CommitmentRate } from '../types';
import { attributeName, csvFields } from './csv';
import type { ImportedRow } from './types';

/** The columns of a price book of negotiated rates, in any order; `per`, `term`, `note` optional. */
export const NEGOTIATED_COLUMNS = ['provider', 'key', 'region', 'usd', 'unit', 'source', 'asof'] as const;

/**
 * Reads a simple CSV of negotiated rates: one price a row, under the price keys Ninesmith asks for
 * (`compute/m5.large`, `db/postgres/db.r6g.large`), with a region (or `global`), the price, its
 * unit, where it comes from and its date. A `term` of 1-year or 3-year makes the row a committed
 * price for that key instead.
 */
export function negotiatedCsv(lines: Iterable<string>, file: string): { rows: ImportedRow[]; provider: Provider | undefined; format: string } {
  let header: string[] | undefined;
  const rows: ImportedRow[] = [];
  let provider: Provider | undefined;
  let lineNumber = 0;
  for (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = csvFields(line);
    if (!header) {
      header = fields.map(attributeName);
      const missing = NEGOTIATED_COLUMNS.filter((c) => !header!.includes(c));
      if (missing.length > 0) throw new Error(`${file}: a price book CSV needs the columns ${NEGOTIATED_COLUMNS.join(', ')}; missing ${missing.join(', ')}`);
      continue;
    }
    const r: Record<string, string> = {};
    header.forEach((name, i) => {
      r[name] = (fields[i] ?? '').trim();
    });
    const where = `${file} line ${lineNumber}`;
    if (!PROVIDERS.includes(r.provider as Provider)) throw new Error(`${where}: provider must be one of ${PROVIDERS.join(', ')}; got "${r.provider}"`);
    if (provider && provider !== r.provider) throw new Error(`${where}: one price book per provider; this one starts with ${provider}`);
    provider = r.provider as Provider;
    const usd = Number(r.usd);
    if (r.usd === '' || !Number.isFinite(usd) || usd < 0) throw new Error(`${where}: usd must be a price of 0 or more; got "${r.usd}"`);
    if (!/^[a-z0-9-]+\/\S+$/.test(r.key ?? '')) throw new Error(`${where}: key must be a Ninesmith price key such as compute/m5.large; got "${r.key}"`);
    if (!r.region) throw new Error(`${where}: region is empty (use global for a price that is the same everywhere)`);
    if (!r.source) throw new Error(`${where}: every price needs a source (your contract, a quote)`);
    if (!/^\d{4}-\d{2}-\d{2}/.test(r.asof ?? '')) throw new Error(`${where}: as_of must be a date (YYYY-MM-DD); got "${r.asof}"`);
    const per = r.per ? Number(r.per) : 1;
    if (!(per > 0)) throw new Error(`${where}: per must be a positive number; got "${r.per}"`);
    const source = `${file}: ${r.source}`;
    if (r.term) {
      if (r.term !== '1-year' && r.term !== '3-year') throw new Error(`${where}: term must be 1-year or 3-year; got "${r.term}"`);
      const commitment: CommitmentRate = { term: r.term, plan: 'negotiated rate', key: r.key!, region: r.region, usd: usd / per, source, asOf: r.asof!, sourceKind: 'imported' };
      rows.push({ commitment });
      continue;
    }
    const price: CatalogPrice = { key: r.key!, serviceCode: r.key!.split('/')[0]!, service: 'negotiated', sku: r.note || r.key!, region: r.region, usd, unit: r.unit!, quantityUnit: r.unit!, per, source, asOf: r.asof!, sourceKind: 'imported' };
    rows.push({ price });
  }
  return { rows, provider, format: 'negotiated rates (CSV)' };
}
