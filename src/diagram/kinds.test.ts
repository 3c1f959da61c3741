import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../catalog';
import { bandOf, KINDS_WITH_ICONS, placeOf } from './kinds';

describe('how kinds are drawn', () => {
  it('has a symbol for every kind of the catalog', () => {
    expect([...KINDS_WITH_ICONS].sort()).toEqual(ALL_KINDS.map((kind) => kind.id).sort());
  });

  it('places kinds where reference architectures do', () => {
    expect(placeOf({ kind: 'app-service', region: 'r' })).toBe('network');
    expect(placeOf({ kind: 'object-storage', region: 'r' })).toBe('service');
    expect(placeOf({ kind: 'key-management', region: 'r' })).toBe('region-side');
    expect(placeOf({ kind: 'cdn', region: undefined })).toBe('top');
    expect(placeOf({ kind: 'ci-cd', region: undefined })).toBe('side');
    expect(placeOf({ kind: 'external-system', region: undefined })).toBe('external');
    expect(bandOf('load-balancer')).toBeLessThan(bandOf('app-service'));
    expect(bandOf('app-service')).toBeLessThan(bandOf('relational-db'));
    expect(bandOf('relational-db')).toBeLessThan(bandOf('object-storage'));
  });
});
