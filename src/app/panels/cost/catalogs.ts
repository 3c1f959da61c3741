import { QueryClient, useQuery } from '@tanstack/react-query';
import { parsePriceCatalog, type PriceCatalog } from '../../../engine/cost';
import type { Provider } from '../../../model';

/** The catalogs never change while the app runs: fetched once, kept for the session. */
export const costQueryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: Infinity, gcTime: Infinity, retry: 1, refetchOnWindowFocus: false } },
});

const STORAGE_PREFIX = 'ninesmith.prices.';

export interface LoadedCatalog {
  catalog: PriceCatalog;
  /** network: fetched now; offline copy: the last catalog fetched, kept in this browser. */
  origin: 'network' | 'offline copy';
}

function readStoredCatalog(provider: Provider): PriceCatalog | undefined {
  try {
    const text = localStorage.getItem(`${STORAGE_PREFIX}${provider}`);
    return text ? parsePriceCatalog(JSON.parse(text), `stored ${provider} catalog`) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fetches public/prices/<provider>.json and keeps a copy in this browser, so pricing works
 * offline with the last catalog seen. Nothing is sent anywhere: the request is a static file.
 */
async function fetchCatalog(provider: Provider): Promise<LoadedCatalog> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}prices/${provider}.json`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const data: unknown = await response.json();
    const catalog = parsePriceCatalog(data, `${provider}.json`);
    try {
      localStorage.setItem(`${STORAGE_PREFIX}${provider}`, JSON.stringify(data));
    } catch {
      // Storage full or disabled: pricing still works online.
    }
    return { catalog, origin: 'network' };
  } catch (error) {
    const stored = readStoredCatalog(provider);
    if (stored) return { catalog: stored, origin: 'offline copy' };
    throw new Error(`the ${provider} price catalog could not be loaded (${(error as Error).message}) and no copy is kept in this browser`);
  }
}

export function useCatalog(provider: Provider) {
  return useQuery({
    queryKey: ['price-catalog', provider],
    queryFn: () => fetchCatalog(provider),
    // Run even when the browser says it is offline: the query falls back to the stored copy.
    networkMode: 'always',
  });
}

/** The same catalog outside React (an export waiting for its prices), from the same cache. */
export function loadCatalog(provider: Provider): Promise<LoadedCatalog> {
  return costQueryClient.ensureQueryData({ queryKey: ['price-catalog', provider], queryFn: () => fetchCatalog(provider), networkMode: 'always' });
}
