import { describe, expect, it } from 'vitest';
import { emptyDesign } from './empty-design';
import { primaryRegion } from './regions';
import { designSchema } from './schema';

describe('empty design and primary region', () => {
  it('an empty design is a valid document, new each time', () => {
    expect(designSchema.safeParse(emptyDesign()).success).toBe(true);
    expect(emptyDesign()).not.toBe(emptyDesign());
  });

  it('the primary region is the primary, else the first active, else the first', () => {
    const region = (id: string, role: 'primary' | 'secondary' | 'active') => ({ id, location: 'us-east-1', role, zones: ['a'] });
    expect(primaryRegion({ regions: [region('a', 'secondary'), region('b', 'primary')] })?.id).toBe('b');
    expect(primaryRegion({ regions: [region('a', 'secondary'), region('b', 'active')] })?.id).toBe('b');
    expect(primaryRegion({ regions: [region('a', 'secondary'), region('b', 'secondary')] })?.id).toBe('a');
    expect(primaryRegion({ regions: [] })).toBeUndefined();
  });
});
