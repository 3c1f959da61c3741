import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../../catalog';
import { KNOWN_ICON_KINDS } from './KindIcon';

describe('kind icons', () => {
  it('has an icon for every kind of the catalog', () => {
    expect([...KNOWN_ICON_KINDS].sort()).toEqual(ALL_KINDS.map((kind) => kind.id).sort());
  });
});
