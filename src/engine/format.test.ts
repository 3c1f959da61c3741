import { describe, expect, it } from 'vitest';
import { formatModelled, formatModelledRange } from './format';

describe('a modelled availability in words', () => {
  it('keeps the digits its range supports: one past the first the range spans', () => {
    // Spans 0.13 points: hundredths are the first digit that moves, the figure stops at hundredths.
    expect(formatModelled(99.9533, 99.8539, 99.9858)).toEqual({ value: '99.95%', low: '99.85%', high: '99.98%' });
    // Spans 0.004 points (a five-nines design): thousandths move, so it reads to ten-thousandths.
    expect(formatModelled(99.99953, 99.9971, 99.99991)).toEqual({ value: '99.9995%', low: '99.9971%', high: '99.9999%' });
    // A wide range never goes below two decimals.
    expect(formatModelledRange(99.2, 97.1, 99.8)).toBe('97.10% to 99.80%');
  });

  it('truncates rather than rounds: never 100%, never across a target it misses', () => {
    expect(formatModelled(99.99999, 99.9999, 99.999999).value).toBe('99.9999%');
    expect(formatModelled(99.9499, 99.8, 99.99).value).toBe('99.94%');
    expect(formatModelled(99.95, 99.8, 99.99).value).toBe('99.95%');
  });

  it('says so when the journey cannot work, and uses two decimals without a range', () => {
    expect(formatModelled(null, null, null).value).toBe('cannot work');
    expect(formatModelled(99.98765).value).toBe('99.98%');
  });
});
