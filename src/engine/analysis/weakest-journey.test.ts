import { describe, expect, it } from 'vitest';
import { weakestJourney } from './weakest-journey';

const journey = (id: string, percent: number | null, target: number) => ({ id, modelled: percent === null ? null : { availability: percent }, target });

describe('weakestJourney', () => {
  it('is the least available journey by its modelled figure when all share one target', () => {
    expect(weakestJourney([journey('a', 99.95, 99.9), journey('b', 99.91, 99.9), journey('c', 99.99, 99.9)])?.id).toBe('b');
  });

  it('is the journey furthest below its own target, not the least available one, when targets differ', () => {
    // Reports meets its lower target at 99.5%; checkout misses 99.99% at 99.9%.
    expect(weakestJourney([journey('reports', 99.5, 99), journey('checkout', 99.9, 99.99)])?.id).toBe('checkout');
  });

  it('puts a journey that cannot work first, and keeps the design\'s order on ties', () => {
    expect(weakestJourney([journey('a', 90, 99.9), journey('b', null, 99.9)])?.id).toBe('b');
    expect(weakestJourney([journey('a', 99.9, 99.9), journey('b', 99.9, 99.9)])?.id).toBe('a');
    expect(weakestJourney([])).toBeUndefined();
  });
});
