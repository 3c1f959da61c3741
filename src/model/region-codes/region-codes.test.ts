import { describe, expect, it } from 'vitest';
import { formatProblem, readDesignText } from '../index';
import { PROVIDER_REGIONS, isProviderRegion, suggestRegion } from './index';

const design = (provider: string, location: string) => `ninesmith: 1
name: Locations
provider: ${provider}
regions:
  - { id: primary, location: ${location}, zones: [a, b] }
`;

const problems = (text: string) => {
  const result = readDesignText(text);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe("a design's locations are the provider's regions", () => {
  it('refuses a misspelt region with the nearest valid name', () => {
    expect(problems(design('aws', 'eu-westt-1'))).toEqual(['regions[0].location: "eu-westt-1" is not an AWS region; did you mean "eu-west-1"?']);
    expect(problems(design('aws', 'US-EAST-1'))).toEqual(['regions[0].location: "US-EAST-1" is not an AWS region; did you mean "us-east-1"?']);
    expect(problems(design('azure', 'west-europe'))).toEqual(['regions[0].location: "west-europe" is not an Azure region; did you mean "westeurope"?']);
    expect(problems(design('gcp', 'europe-west-1'))).toEqual(['regions[0].location: "europe-west-1" is not a Google Cloud region; did you mean "europe-west1"?']);
  });

  it('refuses a region of another provider, suggesting nothing when nothing is close', () => {
    expect(problems(design('azure', 'us-east-1'))[0]).toMatch(/^regions\[0\]\.location: "us-east-1" is not an Azure region/);
    expect(problems(design('aws', 'mars-north-1'))).toEqual(['regions[0].location: "mars-north-1" is not an AWS region: expected a region code such as "us-east-1"']);
  });

  it("accepts every region of each provider's list, and the lists hold no duplicates", () => {
    for (const [provider, codes] of Object.entries(PROVIDER_REGIONS)) {
      expect(new Set(codes).size, provider).toBe(codes.length);
      for (const code of codes) {
        expect(isProviderRegion(provider as 'aws', code), code).toBe(true);
        expect(suggestRegion(provider as 'aws', code)).toBe(code);
      }
    }
    expect(problems(design('azure', 'westeurope'))).toEqual([]);
    expect(problems(design('gcp', 'us-central1'))).toEqual([]);
  });
});
