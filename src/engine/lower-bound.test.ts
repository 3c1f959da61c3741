import { describe, expect, it } from 'vitest';
import { lowerBound } from './lower-bound';

describe('lowerBound', () => {
  it('finds the first place not before the value, as a scan from the start would, in sorted lists with repeats', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 500; trial += 1) {
      const list = Array.from({ length: Math.floor(next() * 12) }, () => Math.floor(next() * 8)).sort((a, b) => a - b);
      const value = Math.floor(next() * 10) - 1;
      const scanned = list.findIndex((item) => item >= value);
      expect(lowerBound(list.length, (k) => list[k]! < value)).toBe(scanned === -1 ? list.length : scanned);
    }
  });

  it('is 0 for an empty list and the length when everything is before the value', () => {
    expect(lowerBound(0, () => true)).toBe(0);
    expect(lowerBound(3, () => true)).toBe(3);
    expect(lowerBound(3, () => false)).toBe(0);
  });
});
