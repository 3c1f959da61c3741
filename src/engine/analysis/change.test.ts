import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shippedTemplates } from '../../../templates/shipped';
import { kindOf, loadDesign, REMEDIES, syntheticDesign, type PropSpec } from '../../catalog';
import { connectionId, edits as modelEdits, type Component, type ConnectionMode, type Design } from '../../model';
import { RULES } from '../rules';
import { applyPatch, patchComponent, type AutoFix, type ComponentScope, type DesignScope, type JourneyScope, type Rule, type RuleScope } from '../rules/types';

const { addComponent, addConnection, addSuppression, removeItems, removeSuppressions, setComponentProp, setComponentRegion, setConnectionMode, toggleComponentZone, updateComponent, updateDesignFields, updateRegion, upsertJourney } = modelEdits;
import { analyzeDesign, type DesignAnalysis } from './analyze';
import { analyzeChange, analyzeChangeFigures, scenarioReuse, touchedComponents } from './change';
import { findingsChange } from './findings';
import { scenarioIndex, type EarlierScenarios } from './scenarios';
import { graphOf } from '../graph';

/**
 * The what-if of a change must say exactly what analysing the changed design from nothing says: every
 * journey's figures, every scenario's outcomes and estimates, the findings and the scorecard. The
 * analysis from nothing is of a deep copy, so no graph, plan or scenario is shared with the what-if.
 */

/** An analysis with each automatic fix named by its label (the functions differ between analyses). */
function comparable(analysis: DesignAnalysis) {
  return { ...analysis, findings: analysis.findings.map(({ autoFix, ...finding }) => ({ ...finding, autoFix: autoFix?.label })) };
}

/** What a fix does to a design: the components it replaced or added, and whatever else of the design it replaced. */
function patchOf(design: Design, fix: AutoFix) {
  const fixed = fix.apply(design);
  return {
    components: fixed.components.filter((c, k) => c !== design.components[k]),
    count: fixed.components.length,
    rest: Object.keys(fixed).filter((key) => key !== 'components' && fixed[key as keyof Design] !== design[key as keyof Design]),
  };
}

const fromNothing = (design: Design): DesignAnalysis => analyzeDesign(structuredClone(design));

interface Tally {
  changes: number;
  incremental: number;
  /** Findings taken from the analysis before the change (the same objects), over every change. */
  keptFindings: number;
  /** Changes whose findings carry the record of what went and came (`findingsChange`). */
  recorded: number;
}

const newTally = (): Tally => ({ changes: 0, incremental: 0, keptFindings: 0, recorded: 0 });

/** Counts of each object in a list. */
function countsOf<T>(items: Iterable<T>): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/**
 * Where the findings after a change record how they came from those before it, they are exactly
 * those before less the gone plus the added, object for object (the canvas's badges are counted from it).
 */
function expectRecordedChange(beforeAnalysis: DesignAnalysis, changed: DesignAnalysis, label: string, tally: Tally): void {
  const record = findingsChange(changed.findings);
  if (!record) return;
  tally.recorded += 1;
  expect(record.earlier, label).toBe(beforeAnalysis.findings);
  const counts = countsOf(beforeAnalysis.findings);
  for (const finding of record.gone) {
    expect(counts.get(finding) ?? 0, `${label}: a gone finding that was not there`).toBeGreaterThan(0);
    counts.set(finding, counts.get(finding)! - 1);
  }
  for (const finding of record.added) counts.set(finding, (counts.get(finding) ?? 0) + 1);
  for (const [finding, count] of [...counts]) if (count === 0) counts.delete(finding);
  expect(counts, label).toEqual(countsOf(changed.findings));
}

/** Analyses `after` from `before` and from nothing, and expects the same analysis. */
function expectSame(before: Design, beforeAnalysis: DesignAnalysis, after: Design, label: string, tally: Tally): DesignAnalysis {
  const changed = analyzeChange(before, beforeAnalysis, after);
  const fresh = fromNothing(after);
  expect(comparable(changed), label).toStrictEqual(comparable(fresh));
  expectRecordedChange(beforeAnalysis, changed, label, tally);
  tally.changes += 1;
  if (analyzeChangeFigures(before, beforeAnalysis, after).incremental) tally.incremental += 1;
  // A finding taken from before the change must fix the design after it as a fresh one does.
  const earlier = new Set(beforeAnalysis.findings);
  changed.findings.forEach((finding, k) => {
    if (!earlier.has(finding)) return;
    tally.keptFindings += 1;
    if (finding.autoFix) expect(patchOf(after, finding.autoFix), `${label}: ${finding.autoFix.label}`).toStrictEqual(patchOf(after, fresh.findings[k]!.autoFix!));
  });
  return changed;
}

/** At most `limit` of the items, spread evenly over the list. */
function spread<T>(items: readonly T[], limit = Number.POSITIVE_INFINITY): T[] {
  const step = Math.max(1, Math.ceil(items.length / limit));
  return items.filter((_, k) => k % step === 0);
}

/** Every automatic fix the analysis offers. */
function fixes(design: Design, analysis: DesignAnalysis): [string, Design][] {
  return analysis.findings.filter((f) => f.autoFix).map((f) => [`${f.rule}: ${f.autoFix!.label}`, f.autoFix!.apply(design)]);
}

/** Every remedy of every component's kind, applied as the automatic fixes apply them. */
function remedies(design: Design): [string, Design][] {
  const zones = design.regions[0]?.zones ?? [];
  const regions = design.regions.slice(1).map((r) => r.id);
  const changes: [string, Design][] = [];
  for (const component of design.components) {
    for (const remedy of REMEDIES) {
      const patch = kindOf(component).remedy(remedy, component, { zones, regions, hours: 72 });
      if (patch) changes.push([`${remedy} on ${component.id}`, patchComponent(design, component.id, (c) => applyPatch(c, patch))]);
    }
  }
  return changes;
}

/** Another value for a setting than the one it has: what the inspector lets a user pick. */
function otherValue(spec: PropSpec, value: unknown, design: Design, component: Component): unknown {
  switch (spec.type) {
    case 'number':
    case 'integer': {
      if (spec.nullable && value !== null) return null;
      const now = typeof value === 'number' ? value : (spec.default ?? spec.min ?? 1);
      return spec.max !== undefined && now >= spec.max ? (spec.min ?? 0) : Math.min(spec.max ?? Number.POSITIVE_INFINITY, now * 2 + 1);
    }
    case 'boolean':
      return !value;
    case 'choice':
      return spec.choices[(spec.choices.findIndex((c) => c.value === value) + 1) % spec.choices.length]!.value;
    case 'region':
      return value !== undefined ? undefined : design.regions.find((r) => r.id !== component.region)?.id;
    default:
      return undefined;
  }
}

/** Every setting of every component set to another value, one at a time. */
function settings(design: Design): [string, Design][] {
  const changes: [string, Design][] = [];
  const visit = (component: Component, specs: readonly PropSpec[], values: Readonly<Record<string, unknown>>, path: string[]) => {
    for (const spec of specs) {
      const value = values[spec.key];
      if (spec.type === 'group') visit(component, spec.fields, (value ?? {}) as Record<string, unknown>, [...path, spec.key]);
      else if (spec.type !== 'text') changes.push([`${component.id} ${[...path, spec.key].join('.')}`, setComponentProp(design, component.id, [...path, spec.key], otherValue(spec, value, design, component))]);
    }
  };
  for (const component of design.components) {
    const kind = kindOf(component);
    visit(component, kind.props, kind.propsOf(component), []);
  }
  return changes;
}

/** Edits as the app makes them: zones, regions, names, connections, new components, journeys, suppressions. */
function edits(design: Design, analysis: DesignAnalysis): [string, Design][] {
  const changes: [string, Design][] = [];
  // A name is in the messages of the findings of the components around it.
  for (const component of spread(design.components, 12)) changes.push([`rename ${component.id}`, updateComponent(design, component.id, (c) => ({ ...c, name: `Renamed ${c.id}` }))]);
  for (const component of design.components) {
    const region = design.regions.find((r) => r.id === component.region);
    if (region) changes.push([`toggle zone ${region.zones.at(-1)} of ${component.id}`, toggleComponentZone(design, component.id, region.zones.at(-1)!)]);
    for (const other of design.regions) if (other.id !== component.region) changes.push([`move ${component.id} to ${other.id}`, setComponentRegion(design, component.id, other.id)]);
  }
  for (const connection of design.connections) {
    const id = connectionId(connection);
    changes.push([`remove ${id}`, removeItems(design, [], [id])]);
    for (const mode of ['sync', 'async', 'replication', 'backup'] as const) if (mode !== connection.mode) changes.push([`${id} as ${mode}`, setConnectionMode(design, id, mode)]);
  }
  const [first, second, third] = design.components;
  if (first && second && third) {
    changes.push([`connect ${third.id} to ${first.id}`, addConnection(design, { from: third.id, to: first.id, mode: 'sync' })]);
    changes.push([`replicate ${second.id} to ${third.id}`, addConnection(design, { from: second.id, to: third.id, mode: 'replication' })]);
    const added = addComponent(design, { id: 'added-db', kind: 'relational-db', region: second.region, zones: second.zones });
    changes.push(['add a database behind the second component', addConnection(added, { from: second.id, to: 'added-db', mode: 'sync' })]);
    changes.push([`remove ${second.id}`, removeItems(design, [second.id])]);
    changes.push([`accept a risk on ${first.id}`, addSuppression(design, { rule: 'single-point-of-failure', component: first.id, reason: 'accepted' })]);
  }
  for (const finding of analysis.findings.slice(0, 3)) {
    const component = finding.components[0];
    if (component) changes.push([`accept ${finding.rule} on ${component}`, addSuppression(design, { rule: finding.rule, component, reason: 'accepted' })]);
    changes.push([`accept ${finding.rule} everywhere`, addSuppression(design, { rule: finding.rule, reason: 'accepted everywhere' })]);
  }
  for (const suppression of design.suppressions ?? []) changes.push([`stop accepting ${suppression.rule}`, removeSuppressions(design, suppression.rule, suppression.component ? [suppression.component] : [])]);
  changes.push(['switch tenancy', updateDesignFields(design, { tenancy: design.tenancy === 'shared' ? 'dedicated' : 'shared' })]);
  const journey = design.journeys[0];
  if (journey && third) {
    changes.push([`${journey.id} needs ${third.id} too`, upsertJourney(design, { ...journey, needs: [...journey.needs, third.id] })]);
    changes.push([`${journey.id} with its own target`, upsertJourney(design, { ...journey, target: 99.5 })]);
    changes.push(['a new journey', upsertJourney(design, { id: 'added-journey', name: 'Added', from: journey.from, needs: [third.id] })]);
  }
  const region = design.regions[0];
  if (region) changes.push([`rename region ${region.id}`, updateRegion(design, region.id, (r) => ({ ...r, name: 'Renamed' }))]);
  return changes;
}

/** Every automatic fix, remedy, setting and edit of a small design, each analysed from the design's analysis. */
function expectSameForEveryChange(design: Design): void {
  const analysis = analyzeDesign(design);
  const tally = newTally();
  for (const [label, after] of [...fixes(design, analysis), ...remedies(design), ...settings(design), ...edits(design, analysis)]) expectSame(design, analysis, after, label, tally);
  // Most changes are bounded: the test exercises the reuse, not only the fallback.
  expect(tally.incremental).toBeGreaterThan(tally.changes / 2);
  if (analysis.findings.length > 0) expect(tally.keptFindings).toBeGreaterThan(0);
  expect(tally.recorded).toBeGreaterThan(tally.changes / 2);
}

describe('the analysis of a change, from the analysis before it', () => {
  describe.each(shippedTemplates())('on the template %s', (_file, design) => {
    // Hundreds of changes, each analysed twice: about 10 s on a quiet machine, twice that on a busy one.
    it('equals the analysis from nothing for every automatic fix, every remedy, every setting and the edits the app makes', () => expectSameForEveryChange(design), 60_000);
  });

  it('equals the analysis from nothing where a journey reads components off its route (a load balancer in front, a backup vault)', () => {
    const loaded = loadDesign(readFileSync(join(import.meta.dirname, 'fixtures', 'read-off-route.yaml'), 'utf8'));
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
    const design = loaded.design;
    expectSameForEveryChange(design);
    // Both changes are worked out from the analysis before them, and both move a figure of the journey.
    const analysis = analyzeDesign(design);
    const networkBalancer = setComponentProp(design, 'admin-lb', ['type'], 'network');
    const vaultAtHome = setComponentRegion(design, 'vault', 'primary');
    for (const after of [networkBalancer, vaultAtHome]) {
      const changed = analyzeChangeFigures(design, analysis, after);
      expect(changed.incremental).toBe(true);
      expect(changed.scenarios).not.toEqual(analysis.scenarios);
    }
  });

  it.each([
    [40, 1, 30],
    [120, 2, 20],
    [260, 3, 12],
  ])('equals the analysis from nothing for automatic fixes and edits of a generated design of %i components (seed %i)', (size, seed, each) => {
    const design = syntheticDesign(size, seed);
    const analysis = analyzeDesign(design);
    const tally = newTally();
    const all = [...spread(fixes(design, analysis), each), ...spread(remedies(design), each), ...spread(settings(design), each), ...spread(edits(design, analysis), each)];
    for (const [label, after] of all) expectSame(design, analysis, after, label, tally);
    expect(tally.incremental).toBeGreaterThan(tally.changes / 2);
    expect(tally.keptFindings).toBeGreaterThan(analysis.findings.length * tally.incremental * 0.5);
  });

  it('equals the analysis from nothing after a run of edits, each analysed from the one before', () => {
    const modes: ConnectionMode[] = ['sync', 'async', 'replication', 'backup'];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(fc.tuple(fc.nat(8), fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }), (seed, steps) => {
        let design = syntheticDesign(30 + (seed % 40), seed);
        let analysis = analyzeDesign(design);
        const tally = newTally();
        for (const [what, a, b] of steps) {
          const components = design.components;
          const x = components[a % components.length]!;
          const y = components[b % components.length]!;
          const region = design.regions.find((r) => r.id === x.region);
          let after: Design;
          if (what === 0 && region) after = toggleComponentZone(design, x.id, region.zones[b % region.zones.length]!);
          else if (what === 1) after = addConnection(design, { from: x.id, to: y.id, mode: modes[b % modes.length]! });
          else if (what === 2 && design.connections.length > 0) after = removeItems(design, [], [connectionId(design.connections[a % design.connections.length]!)]);
          else if (what === 3) after = patchComponent(design, x.id, (c) => ({ ...c, replicas: 1 + (b % 4) }));
          else if (what === 4) {
            const patch = kindOf(x).remedy(REMEDIES[b % REMEDIES.length]!, x, { zones: region?.zones ?? [], regions: design.regions.map((r) => r.id), hours: 48 });
            after = patch ? patchComponent(design, x.id, (c) => applyPatch(c, patch)) : design;
          } else if (what === 6) after = updateComponent(design, x.id, (c) => ({ ...c, name: `Renamed ${b}` }));
          else if (what === 7) {
            const finding = analysis.findings[b % Math.max(1, analysis.findings.length)];
            after = finding ? addSuppression(design, { rule: finding.rule, ...(a % 2 === 0 && finding.components[0] ? { component: finding.components[0] } : {}), reason: `step ${a}` }) : design;
          } else if (what === 8 && design.suppressions?.length) {
            const suppression = design.suppressions[a % design.suppressions.length]!;
            after = removeSuppressions(design, suppression.rule, suppression.component ? [suppression.component] : []);
          } else after = addConnection(addComponent(design, { id: `added-${design.components.length}`, kind: 'cache', region: x.region, zones: x.zones }), { from: x.id, to: `added-${design.components.length}`, mode: 'sync' });
          analysis = expectSame(design, analysis, after, `step ${what} ${x.id} ${y.id}`, tally);
          design = after;
        }
      }),
      { numRuns: 25 },
    );
  });

  it('analyses in full what it cannot bound: regions, and an analysis that is not the design’s', () => {
    const design = syntheticDesign(40, 1);
    const analysis = analyzeDesign(design);
    const zoneAdded = updateRegion(design, design.regions[0]!.id, (r) => ({ ...r, zones: [...r.zones, 'd'] }));
    expect(analyzeChangeFigures(design, analysis, zoneAdded).incremental).toBe(false);
    const other = analyzeDesign(syntheticDesign(60, 2));
    const fixed = fixes(design, analysis)[0]![1];
    expect(analyzeChangeFigures(design, other, fixed).incremental).toBe(false);
    expect(analyzeChangeFigures(design, analysis, fixed).incremental).toBe(true);
  });
});

describe('the failure scenarios of a change, taken from before it where the change cannot move them', () => {
  const design = syntheticDesign(120, 2);
  const analysis = analyzeDesign(design);
  // A component on a journey's route that runs in some zones of its region and not in others.
  const component = design.components.find((c) => {
    const region = design.regions.find((r) => r.id === c.region);
    return region && c.zones && c.zones.length > 0 && c.zones.length < region.zones.length && analysis.scenarios.some((s) => s.kind === 'component' && s.failure.components![0] === c.id && s.journeys.length > 0);
  })!;
  const region = design.regions.find((r) => r.id === component.region)!;
  const zone = region.zones.find((z) => !component.zones!.includes(z))!;
  /** The component runs in one more zone: that zone's scenario and its journey outcomes move, the other zones' do not. */
  const widened = toggleComponentZone(design, component.id, zone);

  /** The scenarios of `after` worked out from before it with `change` applied to what the analysis says can be reused. */
  function scenariosWith(before: DesignAnalysis, change: (earlier: EarlierScenarios) => EarlierScenarios) {
    const reuse = scenarioReuse(design, before, { ...widened })!;
    return scenarioIndex(reuse.graph, change(reuse.earlier)).scenarios;
  }

  it('equal those from nothing, from an analysis found by position and from one found by id', () => {
    const fresh = fromNothing(widened).scenarios;
    expect(scenariosWith(analysis, (earlier) => earlier)).toStrictEqual(fresh);
    // An analysis of a copy of the design: its scenarios are not those of the design's graph.
    expect(scenariosWith(fromNothing(design), (earlier) => earlier)).toStrictEqual(fresh);
    for (const [label, after] of [...spread(edits(design, analysis), 20), ['widened', widened] as [string, Design]]) expectSame(design, fromNothing(design), after, `${label}, by id`, newTally());
  });

  it('would be wrong if a zone or region where the change runs were taken as unchanged', () => {
    const fresh = fromNothing(widened).scenarios;
    const wrong = scenariosWith(analysis, (earlier) => ({ ...earlier, placeUnchanged: () => true }));
    expect(wrong).not.toStrictEqual(fresh);
    expect(wrong.find((s) => s.id === `zone:${region.id}/${zone}`)).not.toStrictEqual(fresh.find((s) => s.id === `zone:${region.id}/${zone}`));
  });

  it('would be wrong if a zone or region scenario kept the outcome of a journey the change moved', () => {
    const fresh = fromNothing(widened).scenarios;
    const wrong = scenariosWith(analysis, (earlier) => ({ ...earlier, journeyUnchanged: (p) => earlier.planUnchanged(p) }));
    expect(wrong.filter((s) => s.kind === 'zone' || s.kind === 'region')).not.toStrictEqual(fresh.filter((s) => s.kind === 'zone' || s.kind === 'region'));
  });

  it('keep the positions of each component’s scenarios as from nothing, where the change moves how many come before them', () => {
    // The next edit's analysis finds the scenarios it takes over by these positions.
    const added = addConnection(addComponent(design, { id: 'added-db', kind: 'relational-db', region: component.region, zones: component.zones }), { from: component.id, to: 'added-db', mode: 'sync' });
    for (const [label, after] of [...spread(fixes(design, analysis), 10), ...spread(edits(design, analysis), 20), ['add a database', added] as [string, Design]]) {
      const reuse = scenarioReuse(design, analysis, after);
      if (!reuse) continue;
      const changed = scenarioIndex(reuse.graph, reuse.earlier);
      const fresh = scenarioIndex(graphOf(structuredClone(after)));
      expect(changed.scenarios, label).toStrictEqual(fresh.scenarios);
      for (const kind of ['componentScenario', 'releaseScenario', 'corruptionScenario'] as const) expect([...changed[kind]], `${label}: ${kind}`).toEqual([...fresh[kind]]);
    }
  });
});

describe('the components a change touched', () => {
  it('are those it replaced, added or removed and the ends of the connections it changed, found by identity', () => {
    const design = syntheticDesign(40, 1);
    const [first, second, third] = design.components;
    expect(touchedComponents(design, design)).toEqual(new Set());
    expect(touchedComponents(design, patchComponent(design, second!.id, (c) => ({ ...c, replicas: 3 })))).toEqual(new Set([second!.id]));
    expect(touchedComponents(design, addConnection(design, { from: first!.id, to: third!.id, mode: 'backup' }))).toEqual(new Set([first!.id, third!.id]));
    expect(touchedComponents(design, removeItems(design, [third!.id]))).toEqual(new Set([third!.id, ...design.connections.filter((c) => c.from === third!.id || c.to === third!.id).flatMap((c) => [c.from, c.to])]));
    expect(touchedComponents(design, updateRegion(design, design.regions[0]!.id, (r) => ({ ...r, zones: ['a'] })))).toBe('regions');
    // Connections changed in the middle of the list, and one added twice over: the ends of those alone.
    const middle = design.connections[Math.floor(design.connections.length / 2)]!;
    const ends = new Set([middle.from, middle.to]);
    expect(touchedComponents(design, setConnectionMode(design, connectionId(middle), middle.mode === 'async' ? 'sync' : 'async'))).toEqual(ends);
    expect(touchedComponents(design, removeItems(design, [], [connectionId(middle)]))).toEqual(ends);
    expect(touchedComponents(design, { ...design, connections: [...design.connections, { ...middle }] })).toEqual(ends);
    expect(touchedComponents(design, { ...design, connections: design.connections.map((c) => ({ ...c })) })).toEqual(new Set());
    expect(touchedComponents(design, { ...design, connections: [...design.connections].reverse() })).toEqual(new Set());
  });
});

describe('the findings of a change, taken from before it where the change cannot move them', () => {
  /** Runs `test` with a rule's scope replaced, and puts it back. */
  function withScope(rule: Rule, scope: RuleScope, test: () => void): void {
    const kept = rule.scope;
    rule.scope = scope;
    try {
      test();
    } finally {
      rule.scope = kept;
    }
  }

  const design = syntheticDesign(120, 2);
  const analysis = analyzeDesign(design);

  it('would be wrong if a rule kept the findings of a component the change touched', () => {
    const rule = RULES['single-zone'];
    const scope = rule.scope as ComponentScope;
    const finding = analysis.findings.find((f) => f.rule === rule.id && f.autoFix)!;
    const fixed = finding.autoFix!.apply(design);
    expectSame(design, analysis, fixed, 'as scoped', newTally());
    // The same rule, checking every component the change reaches except the one it touched.
    const skipping: ComponentScope = { ...scope, checkEach: (context, indices, found) => scope.checkEach(context, indices.filter((i) => context.graph.components[i]!.id !== finding.components[0]), found) };
    withScope(rule, skipping, () => expect(() => expectSame(design, analysis, fixed, 'skipping the touched component', newTally())).toThrow(/to strictly equal/));
  });

  it('would be wrong if a rule did not say that it reads the components next to one', () => {
    // A NAT gateway's finding names the components that send through it (its sync sources).
    const rule = RULES['nat-single-zone'];
    const finding = analysis.findings.find((f) => f.rule === rule.id)!;
    const renamed = updateComponent(design, finding.components[1]!, (c) => ({ ...c, name: 'Renamed consumer' }));
    expectSame(design, analysis, renamed, 'as scoped', newTally());
    withScope(rule, { ...(rule.scope as ComponentScope), reads: [] }, () => expect(() => expectSame(design, analysis, renamed, 'reads nothing around it', newTally())).toThrow(/to strictly equal/));
  });

  it('would be wrong if a journey rule kept the findings of a journey whose figures moved', () => {
    const rule = RULES['availability-below-target'];
    const scope = rule.scope as JourneyScope;
    const finding = analysis.findings.find((f) => f.rule === rule.id && f.components.length > 0)!;
    const spread = analysis.findings.find((f) => f.rule === 'single-point-of-failure' && f.autoFix && (f.details?.journeys as readonly string[]).includes(finding.details!.journey as string))!;
    const fixed = spread.autoFix!.apply(design);
    expectSame(design, analysis, fixed, 'as scoped', newTally());
    withScope(rule, { ...scope, checkEach: (context, _indices, found) => scope.checkEach(context, [], found) }, () => expect(() => expectSame(design, analysis, fixed, 'keeping every journey', newTally())).toThrow(/to strictly equal/));
  });

  it('keeps the findings of a whole-design rule that ignores zones and replicas when only those of what it concerns changed', () => {
    const rules = Object.values(RULES).filter((rule) => rule.scope?.kind === 'design' && rule.scope.ignores?.includes('zones'));
    expect(rules.map((rule) => rule.id)).toEqual(expect.arrayContaining(['active-active-single-writer', 'registry-single-region', 'no-progressive-delivery']));
    const found = rules.filter((rule) => analysis.findings.some((f) => f.rule === rule.id));
    // The design gives some of them findings: keeping them is then a choice, not an accident of none.
    expect(found.length).toBeGreaterThan(0);
    const service = design.components.find((c) => c.kind === 'app-service' && (c.zones?.length ?? 0) > 1)!;
    const moved = updateComponent(design, service.id, (c) => ({ ...c, zones: ['a'], replicas: 1 }));
    const changed = expectSame(design, analysis, moved, 'one zone, one instance', newTally());
    for (const rule of found) {
      const before = analysis.findings.filter((f) => f.rule === rule.id);
      const after = changed.findings.filter((f) => f.rule === rule.id);
      expect(after.length, rule.id).toBe(before.length);
      // The same objects: the rule was not run again.
      after.forEach((finding, k) => expect(finding, rule.id).toBe(before[k]));
    }
    // Renamed, the service is named in what they find: they run again.
    const renamed = updateComponent(design, service.id, (c) => ({ ...c, name: 'Renamed service' }));
    expectSame(design, analysis, renamed, 'renamed', newTally());
  });

  it('would be wrong if a whole-design rule said it ignores a field it reads', () => {
    // The rule, made to name the zones of each deployed service, finds otherwise when one moves zone.
    const rule = RULES['no-progressive-delivery'];
    const kept = { scope: rule.scope, check: rule.check };
    const service = design.components.find((c) => c.kind === 'app-service' && (c.zones?.length ?? 0) > 1)!;
    const moved = updateComponent(design, service.id, (c) => ({ ...c, zones: ['a'] }));
    const readsZones: Rule['check'] = ({ graph }) => [{ components: [service.id], message: `in ${graph.zones[graph.indexById.get(service.id)!]!.join(', ')}` }];
    try {
      rule.check = readsZones;
      rule.scope = { ...(kept.scope as DesignScope), ignores: [] };
      const before = analyzeDesign(design);
      expectSame(design, before, moved, 'reads zones, ignores none', newTally());
      rule.scope = { ...(kept.scope as DesignScope), ignores: ['zones'] };
      const wrong = analyzeDesign(design);
      expect(() => expectSame(design, wrong, moved, 'reads zones, says it ignores them', newTally())).toThrow(/to strictly equal/);
    } finally {
      rule.scope = kept.scope;
      rule.check = kept.check;
    }
  });

  it('would be wrong if a whole-design rule ignored a component it reads', () => {
    // The rule names every shared service on the request paths: renaming one moves its finding.
    const rule = RULES['no-tenant-isolation'];
    const finding = analysis.findings.find((f) => f.rule === rule.id)!;
    const renamed = updateComponent(design, finding.components[0]!, (c) => ({ ...c, name: 'Renamed service' }));
    expectSame(design, analysis, renamed, 'as scoped', newTally());
    withScope(rule, { ...(rule.scope as DesignScope), concerns: () => false }, () => expect(() => expectSame(design, analysis, renamed, 'concerned by nothing', newTally())).toThrow(/to strictly equal/));
  });
});
