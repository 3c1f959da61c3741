import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../catalog';
import { xmlText } from '../model';
import { bandOf, iconOf, KINDS_WITH_ICONS, placeOf } from './kinds';

describe('how kinds are drawn', () => {
  it('has a symbol for every kind of the catalog', () => {
    expect([...KINDS_WITH_ICONS].sort()).toEqual(ALL_KINDS.map((kind) => kind.id).sort());
  });

  it('draws symbols whose element names and attributes need no escaping, as shapes.ts writes them', () => {
    // Every kind's symbol and the one an unknown kind gets.
    const icons = [...KINDS_WITH_ICONS, 'not-a-kind'].map(iconOf);
    const texts = icons.flatMap((icon) => icon.flatMap(([tag, attributes]) => [tag, ...Object.entries(attributes).flatMap(([key, value]) => [key, String(value)])]));
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) expect(xmlText(text), text).toBe(text);
    for (const text of texts) expect(text).toMatch(/^[\w .,#%+-]*$/);
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
