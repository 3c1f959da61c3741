import type { Provider } from '../../model';

/**
 * Approximate locations of provider regions (latitude, longitude), to pick the nearest region
 * the catalog has a price for. Prices differ between regions, so a fallback is always noted.
 */
const REGION_COORDINATES: Readonly<Record<Provider, Readonly<Record<string, readonly [number, number]>>>> = {
  aws: {
    'us-east-1': [38.9, -77.4],
    'us-east-2': [40.0, -83.0],
    'us-west-1': [37.4, -121.9],
    'us-west-2': [45.8, -119.7],
    'ca-central-1': [45.5, -73.6],
    'ca-west-1': [51.0, -114.1],
    'sa-east-1': [-23.5, -46.6],
    'eu-west-1': [53.3, -6.3],
    'eu-west-2': [51.5, -0.1],
    'eu-west-3': [48.9, 2.4],
    'eu-central-1': [50.1, 8.7],
    'eu-central-2': [47.4, 8.5],
    'eu-north-1': [59.3, 18.1],
    'eu-south-1': [45.5, 9.2],
    'eu-south-2': [41.6, -0.9],
    'me-south-1': [26.1, 50.6],
    'me-central-1': [24.5, 54.4],
    'af-south-1': [-33.9, 18.4],
    'ap-south-1': [19.1, 72.9],
    'ap-south-2': [17.4, 78.5],
    'ap-southeast-1': [1.3, 103.8],
    'ap-southeast-2': [-33.9, 151.2],
    'ap-southeast-3': [-6.2, 106.8],
    'ap-southeast-4': [-37.8, 145.0],
    'ap-northeast-1': [35.7, 139.7],
    'ap-northeast-2': [37.6, 127.0],
    'ap-northeast-3': [34.7, 135.5],
    'ap-east-1': [22.3, 114.2],
    'il-central-1': [32.1, 34.8],
  },
  azure: {
    eastus: [37.4, -79.4],
    eastus2: [36.7, -78.4],
    centralus: [41.6, -93.6],
    northcentralus: [41.9, -87.6],
    southcentralus: [29.4, -98.5],
    westus: [37.8, -122.4],
    westus2: [47.2, -119.9],
    westus3: [33.4, -112.1],
    canadacentral: [43.7, -79.4],
    brazilsouth: [-23.6, -46.6],
    northeurope: [53.3, -6.3],
    westeurope: [52.4, 4.9],
    uksouth: [50.9, -0.8],
    francecentral: [46.3, 2.4],
    germanywestcentral: [50.1, 8.7],
    swedencentral: [60.7, 17.1],
    switzerlandnorth: [47.5, 8.6],
    norwayeast: [59.9, 10.8],
    southeastasia: [1.3, 103.8],
    eastasia: [22.3, 114.2],
    australiaeast: [-33.9, 151.2],
    japaneast: [35.7, 139.7],
    koreacentral: [37.6, 127.0],
    centralindia: [18.6, 73.9],
    uaenorth: [25.3, 55.3],
    southafricanorth: [-25.7, 28.2],
  },
  gcp: {
    'us-central1': [41.3, -95.9],
    'us-east1': [33.2, -80.0],
    'us-east4': [39.0, -77.5],
    'us-east5': [40.0, -83.0],
    'us-south1': [32.8, -96.8],
    'us-west1': [45.6, -121.2],
    'us-west2': [34.1, -118.2],
    'us-west3': [40.8, -111.9],
    'us-west4': [36.2, -115.1],
    'northamerica-northeast1': [45.5, -73.6],
    'southamerica-east1': [-23.5, -46.6],
    'europe-west1': [50.4, 3.8],
    'europe-west2': [51.5, -0.1],
    'europe-west3': [50.1, 8.7],
    'europe-west4': [53.4, 6.8],
    'europe-west6': [47.4, 8.5],
    'europe-west9': [48.9, 2.4],
    'europe-north1': [60.6, 27.0],
    'europe-central2': [52.2, 21.0],
    'asia-southeast1': [1.3, 103.8],
    'asia-east1': [24.1, 120.7],
    'asia-northeast1': [35.7, 139.7],
    'asia-south1': [19.1, 72.9],
    'australia-southeast1': [-33.9, 151.2],
    // Multi-regions, placed at a representative member.
    EU: [50.4, 3.8],
    US: [41.3, -95.9],
    ASIA: [24.1, 120.7],
  },
};

export function regionCoordinates(provider: Provider, location: string): readonly [number, number] | undefined {
  return REGION_COORDINATES[provider][location];
}

/** Great-circle distance in kilometres. */
function distanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLon = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * The candidate nearest to `location`. Unknown locations (or candidates) sort last, then by
 * name, so the choice is deterministic.
 */
export function nearestRegion(provider: Provider, location: string, candidates: readonly string[]): string | undefined {
  const from = regionCoordinates(provider, location);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of [...candidates].sort()) {
    const to = regionCoordinates(provider, candidate);
    const distance = from && to ? distanceKm(from, to) : Number.MAX_VALUE;
    if (best === undefined || distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
