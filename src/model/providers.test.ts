import { describe, expect, it } from 'vitest';
import { PROVIDER_FACTS, nextRegionLocation, nextZoneName } from './providers';
import { PROVIDERS, ZONE_NAME_PATTERN } from './schema';

describe('provider facts', () => {
  it.each(PROVIDERS)('%s suggests distinct regions and valid zone names', (provider) => {
    const facts = PROVIDER_FACTS[provider];
    expect(new Set(facts.suggestedRegions).size).toBe(facts.suggestedRegions.length);
    for (const zone of facts.zoneNames) expect(zone).toMatch(ZONE_NAME_PATTERN);
  });

  it('proposes the first location the design does not use, then starts over', () => {
    expect(nextRegionLocation('aws', [])).toBe('us-east-1');
    expect(nextRegionLocation('aws', ['us-east-1'])).toBe('us-west-2');
    expect(nextRegionLocation('gcp', PROVIDER_FACTS.gcp.suggestedRegions)).toBe('us-central1');
  });

  it('names the next zone after the provider\'s, then zone, zone-2', () => {
    expect(nextZoneName('aws', ['a', 'c'])).toBe('b');
    expect(nextZoneName('azure', ['1'])).toBe('2');
    expect(nextZoneName('aws', ['a', 'b', 'c', 'd', 'e', 'f'])).toBe('zone');
    expect(nextZoneName('aws', ['a', 'b', 'c', 'd', 'e', 'f', 'zone'])).toBe('zone-2');
  });
});
