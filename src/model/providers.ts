import { uniqueId } from './ids';
import type { Provider } from './schema';

/**
 * What Ninesmith knows of each provider's geography, for proposing regions and zones. One entry
 * per provider (the compiler asks for a new provider's), read by the canvas's "+ Region", the
 * design panel's region suggestions and zone names.
 */
export interface ProviderFacts {
  /** How people name the provider. */
  label: string;
  /**
   * Region codes offered for a new region, in the order they are proposed: the usual home first,
   * then regions far from it (a standby belongs in another geography), then neighbours.
   */
  suggestedRegions: readonly string[];
  /** Availability zone names within a region, in order: letters on AWS and GCP, numbers on Azure. */
  zoneNames: readonly string[];
}

export const PROVIDER_FACTS: Readonly<Record<Provider, ProviderFacts>> = {
  aws: {
    label: 'AWS',
    suggestedRegions: ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-1', 'us-east-2', 'eu-north-1', 'ca-central-1', 'eu-west-2', 'ap-southeast-2', 'sa-east-1'],
    zoneNames: ['a', 'b', 'c', 'd', 'e', 'f'],
  },
  azure: {
    label: 'Azure',
    suggestedRegions: ['eastus', 'westus2', 'westeurope', 'northeurope', 'southeastasia', 'japaneast', 'eastus2', 'centralus', 'uksouth', 'germanywestcentral', 'australiaeast'],
    zoneNames: ['1', '2', '3', '4', '5', '6'],
  },
  gcp: {
    label: 'Google Cloud',
    suggestedRegions: ['us-central1', 'us-east1', 'europe-west1', 'europe-west4', 'asia-southeast1', 'asia-northeast1', 'us-west1', 'europe-west3', 'australia-southeast1'],
    zoneNames: ['a', 'b', 'c', 'd', 'e', 'f'],
  },
};

/** Zones a new region gets: three, so losing one still leaves two. */
export const NEW_REGION_ZONE_COUNT = 3;

/** The location proposed for a new region: the first suggestion the design does not use yet. */
export function nextRegionLocation(provider: Provider, usedLocations: Iterable<string>): string {
  const used = new Set(usedLocations);
  const suggestions = PROVIDER_FACTS[provider].suggestedRegions;
  return suggestions.find((code) => !used.has(code)) ?? suggestions[0]!;
}

/** The name proposed for a region's next zone: the provider's first unused one, else `zone`, `zone-2`... */
export function nextZoneName(provider: Provider, zones: readonly string[]): string {
  return PROVIDER_FACTS[provider].zoneNames.find((zone) => !zones.includes(zone)) ?? uniqueId('zone', new Set(zones));
}
