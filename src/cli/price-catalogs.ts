import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Provider } from '../model';
import { parsePriceCatalog, type PriceCatalog } from '../engine/cost';

export type CatalogLoad = { ok: true; catalogs: PriceCatalog[]; missing: Provider[] } | { ok: false; provider: Provider; message: string };

/**
 * Reads `<provider>.json` from a directory of price catalogs for each provider, once each, in a
 * stable order. A missing file is reported in `missing` (its designs are priced at nothing, and
 * say so); a file that cannot be read or parsed stops the load with a message naming it.
 */
export async function loadPriceCatalogs(dir: string, providers: Iterable<Provider>): Promise<CatalogLoad> {
  const catalogs: PriceCatalog[] = [];
  const missing: Provider[] = [];
  for (const provider of [...new Set(providers)].sort()) {
    const path = join(dir, `${provider}.json`);
    try {
      catalogs.push(parsePriceCatalog(JSON.parse(await readFile(path, 'utf8')), path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') missing.push(provider);
      else return { ok: false, provider, message: (error as Error).message };
    }
  }
  return { ok: true, catalogs, missing };
}
