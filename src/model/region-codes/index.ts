import type { Provider } from '../schema';
import { AWS_REGIONS } from './aws';
import { AZURE_REGIONS } from './azure';
import { GCP_REGIONS } from './gcp';

export { AWS_REGIONS, AZURE_REGIONS, GCP_REGIONS };

/** Every region code of each provider, for checking and suggesting a design's locations. */
export const PROVIDER_REGIONS: Readonly<Record<Provider, readonly string[]>> = { aws: AWS_REGIONS, azure: AZURE_REGIONS, gcp: GCP_REGIONS };

const regionSets = new Map<Provider, ReadonlySet<string>>(Object.entries(PROVIDER_REGIONS).map(([provider, codes]) => [provider as Provider, new Set(codes)]));

export function isProviderRegion(provider: Provider, location: string): boolean {
  return regionSets.get(provider)!.has(location);
}

/** Edits (insert, delete, replace, swap neighbours) between two short strings. */
function editDistance(a: string, b: string): number {
  // Region codes are a few dozen characters: the plain dynamic programme is the right size.
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The provider's region code nearest to what was written, when it is close enough to be a typo
 * (`eu-westt-1` -> `eu-west-1`, `US-EAST-1` -> `us-east-1`, `west europe` -> `westeurope`).
 */
export function suggestRegion(provider: Provider, location: string): string | undefined {
  const written = location.trim().toLowerCase();
  const squeezed = written.replace(/[\s_]+/g, provider === 'azure' ? '' : '-');
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const code of PROVIDER_REGIONS[provider]) {
    const distance = Math.min(editDistance(written, code), editDistance(squeezed, code));
    if (distance < bestDistance) {
      best = code;
      bestDistance = distance;
    }
  }
  // A third of the code's length (at least 2 edits) is a typo; more is a different name.
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

const PROVIDER_NAMES: Readonly<Record<Provider, string>> = { aws: 'an AWS', azure: 'an Azure', gcp: 'a Google Cloud' };

/** Why a location is not one of the provider's regions, with the nearest valid name when there is one. */
export function locationProblem(provider: Provider, location: string): string | undefined {
  if (isProviderRegion(provider, location)) return undefined;
  const suggestion = suggestRegion(provider, location);
  const example = PROVIDER_REGIONS[provider][0]!;
  return suggestion
    ? `"${location}" is not ${PROVIDER_NAMES[provider]} region; did you mean "${suggestion}"?`
    : `"${location}" is not ${PROVIDER_NAMES[provider]} region: expected a region code such as "${example}"`;
}
