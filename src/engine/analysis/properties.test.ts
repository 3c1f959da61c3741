import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../catalog';
import { CURRENT_FORMAT_VERSION, type Design } from '../../model';
import { analyzeDesign } from './analyze';
import { simulateFailure } from './journeys';

describe('engine properties', () => {
  it('analyses an empty design without findings about things that are not there', () => {
    const empty: Design = { ninesmith: CURRENT_FORMAT_VERSION, name: 'Empty', provider: 'aws', tier: 'standard', tenancy: 'shared', regions: [], components: [], connections: [], journeys: [] };
    const analysis = analyzeDesign(empty);
    expect(analysis.journeys).toEqual([]);
    expect(analysis.scenarios).toEqual([]);
    expect(analysis.findings.map((f) => f.rule)).toEqual(['no-observability']);
    expect(analysis.scorecard.availability).toEqual({ journey: null, percent: null, low: null, high: null, floor: null, target: 99.9, meets: null });
  });

  it('never brings a journey back by failing more (reachability is monotone)', () => {
    const design = syntheticDesign(120, 7);
    const ids = design.components.map((c) => c.id);
    const zones = design.regions.flatMap((r) => r.zones.map((z) => `${r.id}/${z}`));
    fc.assert(
      fc.property(fc.subarray(ids, { maxLength: 6 }), fc.subarray(ids, { maxLength: 6 }), fc.subarray(zones, { maxLength: 2 }), (first, more, zoneFailures) => {
        const smaller = simulateFailure(design, { components: first, zones: zoneFailures });
        const larger = simulateFailure(design, { components: [...first, ...more], zones: zoneFailures });
        smaller.journeys.forEach((journey, index) => {
          if (!journey.up) expect(larger.journeys[index]!.up).toBe(false);
        });
        for (const id of smaller.downComponents) expect(larger.downComponents).toContain(id);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic and well-formed on generated designs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 200 }), fc.integer({ min: 1, max: 1000 }), (size, seed) => {
        const design = syntheticDesign(size, seed);
        const a = analyzeDesign(design);
        const b = analyzeDesign({ ...design });
        expect(a.findings.map((f) => `${f.rule}|${f.components.join()}|${f.message}`)).toEqual(b.findings.map((f) => `${f.rule}|${f.components.join()}|${f.message}`));
        for (const journey of a.journeys) {
          if (journey.percent !== null) {
            expect(journey.percent).toBeGreaterThan(0);
            expect(journey.percent).toBeLessThanOrEqual(100);
          }
        }
        const ids = new Set(design.components.map((c) => c.id));
        for (const finding of a.findings) for (const id of finding.components) expect(ids.has(id)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
