import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPLOYMENTS_PER_MONTH, DEFAULT_DURATIONS, DEFAULT_RATES } from './rates';

const docs = readFileSync(new URL('../../../docs/assumptions.md', import.meta.url), 'utf8');
const row = (key: string) => docs.split('\n').find((line) => line.startsWith(`| \`${key}\``));

describe('the documented defaults of the modelled availability', () => {
  it('lists every rate with its low, expected and high figure and a source', () => {
    for (const [key, rate] of Object.entries(DEFAULT_RATES)) {
      const line = row(rate.override ?? key);
      expect(line, key).toBeDefined();
      const cells = line!.split('|').map((c) => c.trim());
      expect(cells.slice(2, 5).map(Number), key).toEqual([rate.rate.low, rate.rate.expected, rate.rate.high]);
      expect(cells[6], key).toBe(rate.heuristic ? 'yes' : 'no');
      expect(rate.source.length, key).toBeGreaterThan(20);
    }
    expect(row('deploymentsPerMonth')).toContain(`| ${DEFAULT_DEPLOYMENTS_PER_MONTH} |`);
  });

  it('lists every duration with its default', () => {
    for (const [key, duration] of Object.entries(DEFAULT_DURATIONS)) {
      // The durations table names the key alone in its first cell (the rates table adds what it counts).
      const line = docs.split('\n').find((l) => l.startsWith(`| \`${key}\` |`));
      expect(line, key).toBeDefined();
      const hours = duration.seconds / 3600;
      expect(line, key).toContain(hours === 24 ? '| 1 d |' : `| ${hours} h |`);
    }
  });
});
