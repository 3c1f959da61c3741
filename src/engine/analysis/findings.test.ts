import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../catalog';
import { graphOf } from '../graph';
import { ALL_RULES } from '../rules';
import type { Finding, Severity } from '../rules/types';
import { mergeFindings, sortFindings, type Placed } from './findings';

/**
 * The findings after a change, merged into the sorted findings before it, must be those sorted in
 * full: generated findings, a few messages and components so that many are alike in all but their
 * place, and a change that finds some rules' units again (as rerunRules does).
 */

const graph = graphOf(syntheticDesign(40, 1));
const ids = graph.components.map((c) => c.id);
const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

const findingOf = (rule: number, severity: number, component: number, message: number): Finding => ({
  rule: ALL_RULES[rule]!.id,
  title: 'generated',
  category: 'availability',
  severity: SEVERITIES[severity]!,
  components: component < 0 ? [] : [ids[component]!],
  connections: [],
  message: `message ${message}`,
  fix: 'generated',
});

/** A finding where flatten puts it: rule, unit, place in the unit. */
const placedArb = fc.record({
  rule: fc.integer({ min: 0, max: 3 }),
  unit: fc.integer({ min: 0, max: 6 }),
  severity: fc.integer({ min: 0, max: 4 }),
  component: fc.integer({ min: -1, max: 3 }),
  message: fc.integer({ min: 0, max: 2 }),
});

type Raw = { readonly rule: number; readonly unit: number; readonly severity: number; readonly component: number; readonly message: number };

/** The generated findings in flatten's order, each with its place. */
function placedOf(raws: readonly Raw[]): Placed[] {
  const sorted = [...raws].sort((a, b) => a.rule - b.rule || a.unit - b.unit);
  const count = new Map<string, number>();
  return sorted.map((raw) => {
    const unit = `${raw.rule}:${raw.unit}`;
    const at = count.get(unit) ?? 0;
    count.set(unit, at + 1);
    return { finding: findingOf(raw.rule, raw.severity, raw.component, raw.message), rule: raw.rule, unit: raw.unit, at };
  });
}

describe('the findings of a change merged into those before it', () => {
  it('are those sorted in full, or left to the full sort', () => {
    let merged = 0;
    fc.assert(
      fc.property(fc.array(placedArb, { maxLength: 40 }), fc.array(placedArb, { maxLength: 8 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 6 })), { maxLength: 4 }), (before, fresh, refound) => {
        const isRefound = (p: { rule: number; unit: number }) => refound.some(([rule, unit]) => rule === p.rule && unit === p.unit);
        const earlier = placedOf(before);
        const kept = earlier.filter((p) => !isRefound(p));
        const gone = earlier.filter(isRefound).map((p) => p.finding);
        const added = placedOf(fresh.filter(isRefound));
        const after = [...kept, ...added].sort((a, b) => a.rule - b.rule || a.unit - b.unit || a.at - b.at).map((p) => p.finding);
        const result = mergeFindings(sortFindings(earlier.map((p) => p.finding), graph), gone, added, graph);
        if (result === undefined) return;
        merged += 1;
        expect(result).toEqual(sortFindings(after, graph));
        // The same objects, in the same order.
        sortFindings(after, graph).forEach((finding, k) => expect(result[k]).toBe(finding));
      }),
      { numRuns: 600, seed: 15 },
    );
    expect(merged).toBeGreaterThan(300);
  });

  it('leaves to the full sort a new finding alike to a kept one in all but its place, which only flatten can order', () => {
    // Both on the same component with the same message: the kept one is of unit 1, the new one of unit 2, so the kept comes first.
    const kept: Placed = { finding: findingOf(0, 1, 0, 0), rule: 0, unit: 1, at: 0 };
    const refound: Placed = { finding: findingOf(0, 1, 0, 0), rule: 0, unit: 2, at: 0 };
    const earlier = sortFindings([kept.finding, findingOf(0, 1, 0, 1)], graph);
    expect(mergeFindings(earlier, [], [refound], graph)).toBeUndefined();
    // Where it would go by key and message alone (before the kept one) is not where the full sort puts it.
    const full = sortFindings([kept.finding, refound.finding, earlier[1]!], graph);
    expect(full.indexOf(refound.finding)).toBe(1);
  });
});
