import { describe, expect, it } from 'vitest';
import { CURRENT_FORMAT_VERSION, type Design } from '../../../model';
import { setCommitment, setDesignAdjustments, setUsageInput } from './patches';

const base: Design = {
  ninesmith: CURRENT_FORMAT_VERSION,
  name: 'Patches',
  provider: 'aws',
  tier: 'standard',
  tenancy: 'shared',
  regions: [],
  components: [],
  connections: [],
  journeys: [],
};

describe('cost panel patches', () => {
  it('set and remove a usage input, leaving no empty pricing behind', () => {
    const withUsage = setUsageInput(base, 'lb', 'internetEgressGbPerMonth', 500);
    expect(withUsage.pricing).toEqual({ usage: { lb: { internetEgressGbPerMonth: 500 } } });
    expect(base.pricing).toBeUndefined();
    expect(setUsageInput(withUsage, 'lb', 'internetEgressGbPerMonth', undefined).pricing).toBeUndefined();
  });

  it('keep other pricing settings when adjustments change', () => {
    const design = setUsageInput(base, 'db', 'backupStorageGb', 300);
    const adjusted = setDesignAdjustments(design, [{ scope: 'aws', percent: -10 }]);
    expect(adjusted.pricing).toEqual({ usage: { db: { backupStorageGb: 300 } }, adjustments: [{ scope: 'aws', percent: -10 }] });
    expect(setDesignAdjustments(adjusted, []).pricing).toEqual({ usage: { db: { backupStorageGb: 300 } } });
  });

  it('set a commitment profile, and remove it for on-demand (the default), keeping other pricing', () => {
    const committed = setCommitment(setUsageInput(base, 'lb', 'internetEgressGbPerMonth', 500), '3-year');
    expect(committed.pricing).toEqual({ usage: { lb: { internetEgressGbPerMonth: 500 } }, commitment: '3-year' });
    expect(setCommitment(committed, 'on-demand').pricing).toEqual({ usage: { lb: { internetEgressGbPerMonth: 500 } } });
    expect(setCommitment(base, 'on-demand').pricing).toBeUndefined();
  });
});
