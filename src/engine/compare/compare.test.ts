import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import type { Design } from '../../model';
import { analyzeDesign } from '../analysis/analyze';
import { estimateCost } from '../cost/estimate';
import { loadCatalogs, regionCopyBook, template } from '../cost/testing';
import { SEVERITIES } from '../rules/types';
import { compareDesigns, matchJourneys } from './compare';
import { describeCostPerNine } from './describe';
import type { DesignComparison } from './types';

const fixtures = import.meta.glob<string>('./fixtures/*.yaml', { query: '?raw', import: 'default', eager: true });
function fixture(name: string): Design {
  const text = fixtures[`./fixtures/${name}.yaml`];
  if (text === undefined) throw new Error(`no fixture ${name}`);
  const result = loadDesign(text, { fileName: `${name}.yaml` });
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.problems)}`);
  return result.design;
}

const catalogs = loadCatalogs();
// The bundled catalog has no us-west-2 prices (the templates' second region): a test book prices it at
// the us-east-1 figures, since these tests are about comparing, not about a region's prices.
const estimate = { imported: regionCopyBook('us-east-1', ['us-west-2']) };
const TEMPLATES = ['single-region-multi-az', 'multi-region-active-passive', 'multi-region-active-active'] as const;
const templates = TEMPLATES.map((name) => ({ label: name, design: template(name) }));
const comparison = compareDesigns(templates, { catalogs, estimate });

const row = (c: DesignComparison, id: string) => {
  const found = c.journeys.find((r) => r.id === id);
  if (!found) throw new Error(`no journey row ${id}`);
  return found;
};

describe('the three reference templates side by side', () => {
  it('cost more the more regions they run actively: multi-AZ < active-passive < active-active', () => {
    const [multiAz, activePassive, activeActive] = comparison.designs;
    for (const profile of ['low', 'expected', 'high'] as const) {
      expect(multiAz!.cost.monthly[profile]).toBeLessThan(activePassive!.cost.monthly[profile]);
      expect(activePassive!.cost.monthly[profile]).toBeLessThan(activeActive!.cost.monthly[profile]);
    }
    expect(comparison.designs.map((d) => d.delta?.monthlyTrend ?? 'baseline')).toEqual(['baseline', 'worse', 'worse']);
  });

  it('are more available in that same order on the journeys a second region protects', () => {
    for (const id of ['submit-timesheet', 'download-document']) {
      const percents = row(comparison, id).cells.map((cell) => cell!.percent!);
      expect(percents[0]).toBeLessThan(percents[1]!);
      expect(percents[1]).toBeLessThan(percents[2]!);
      expect(row(comparison, id).cells.map((cell) => cell!.delta?.trend ?? 'baseline')).toEqual(['baseline', 'better', 'better']);
    }
  });

  it('prices each added nine of the second region by the modelled figure, beside an SLA floor a warm standby does not move', () => {
    const [multiAz, activePassive, activeActive] = comparison.designs;
    // The modelled figure counts region incidents, which a second region turns into a failover.
    for (const d of [activePassive!, activeActive!]) {
      expect(d.costPerNine.kind).toBe('per-nine');
      expect(d.delta!.weakest.trend).toBe('better');
      expect(d.weakest!.percent!).toBeGreaterThan(multiAz!.weakest!.percent!);
    }
    // The SLA floor is what the providers commit to per service: the standby region adds no term to it.
    expect(activePassive!.weakest!.floor).toBe(99.720278);
    expect(multiAz!.weakest!.floor).toBeLessThan(multiAz!.weakest!.percent!);
    expect(comparison.notes.some((n) => n.includes('use the modelled figure'))).toBe(true);
  });

  it('computes every difference against the first design from the figures of each', () => {
    const reports = templates.map((t) => estimateCost(t.design, catalogs, estimate));
    const analyses = templates.map((t) => analyzeDesign(t.design));
    for (const i of [1, 2]) {
      const d = comparison.designs[i]!;
      const cents = (x: number) => Math.round(x * 100);
      expect(cents(d.delta!.monthly.expected)).toBe(cents(reports[i]!.range.expected) - cents(reports[0]!.range.expected));
      expect(cents(d.delta!.monthly.low)).toBe(cents(reports[i]!.range.low) - cents(reports[0]!.range.low));
      expect(cents(d.delta!.yearly.high)).toBe((cents(reports[i]!.range.high) - cents(reports[0]!.range.high)) * 12);
      expect(d.delta!.components).toBe(templates[i]!.design.components.length - templates[0]!.design.components.length);
      expect(d.delta!.regions).toBe(templates[i]!.design.regions.length - templates[0]!.design.regions.length);
      for (const severity of SEVERITIES) expect(d.delta!.findings[severity]).toBe(analyses[i]!.scorecard.findings[severity] - analyses[0]!.scorecard.findings[severity]);
      const submit = row(comparison, 'submit-timesheet').cells[i]!;
      const base = analyses[0]!.journeys.find((j) => j.id === 'submit-timesheet')!.modelled!;
      const own = analyses[i]!.journeys.find((j) => j.id === 'submit-timesheet')!.modelled!;
      expect(submit.percent).toBe(own.availability);
      expect(submit.delta!.percent).toBeCloseTo(own.availability - base.availability, 6);
      expect(submit.delta!.downtimeMinutesPerMonth).toBeCloseTo(own.downtimeMinutesPerMonth - base.downtimeMinutesPerMonth, 2);
      // Per journey: the design's whole extra cost over that journey's gain in modelled nines.
      const perNine = submit.costPerNine;
      expect(perNine.kind).toBe('per-nine');
      if (perNine.kind === 'per-nine') {
        const gain = -Math.log10(1 - own.availability / 100) + Math.log10(1 - base.availability / 100);
        expect(perNine.monthlyPerNine).toBeCloseTo(d.delta!.monthly.expected / gain, 0);
      }
    }
    expect(comparison.designs[0]!.delta).toBeNull();
  });

  it('shows a journey that only the first design has as missing elsewhere', () => {
    const report = row(comparison, 'monthly-report');
    expect(report.cells[0]).not.toBeNull();
    expect(report.cells.slice(1)).toEqual([null, null]);
  });

  it('lines recovery up by scenario class: a second region bounds the primary region loss', () => {
    const region = comparison.scenarios.find((s) => s.class === 'primary-region')!;
    expect(region.cells.map((c) => c?.rto.scenario)).toEqual(['region:primary', 'region:primary', 'region:east']);
    expect(region.cells[0]!.rto.seconds).toBeNull();
    expect(region.cells[1]!.rto.seconds).not.toBeNull();
    expect(region.cells[2]!.rto.seconds!).toBeLessThan(region.cells[1]!.rto.seconds!);
    expect(region.cells[1]!.delta).toMatchObject({ rtoSeconds: null, rtoTrend: 'better', rpoTrend: 'better' });
    expect(comparison.scenarios.map((s) => s.class)).toEqual(['zone', 'component', 'primary-region', 'corruption']);
  });
});

describe('journeys across designs', () => {
  const a = fixture('api-single-zone');
  const b = fixture('api-two-zones');
  const c = fixture('static-site');
  const result = compareDesigns([{ design: a }, { design: b }, { design: c }], { catalogs });

  it('match by id first, then by name with case and spacing ignored', () => {
    expect(result.journeys.map((r) => [r.id, r.cells.map((cell) => cell?.id ?? null), r.matchedBy])).toEqual([
      ['place-order', ['place-order', 'checkout', 'place-order'], ['id', 'name', 'id']],
      ['health', ['health', null, null], ['id', null, null]],
      ['browse', [null, 'browse', null], [null, 'id', null]],
    ]);
    expect(result.notes.some((n) => n.includes('matched by name'))).toBe(true);
  });

  it('never lets a name match take a row that another journey of the design matches by id', () => {
    const rows = matchJourneys([
      [{ id: 'x', name: 'Shared' }, { id: 'y', name: 'Other' }],
      [{ id: 'z', name: 'Shared' }, { id: 'x', name: 'Renamed' }],
    ]);
    expect(rows.map((r) => [r.id, r.members])).toEqual([
      ['x', [0, 1]],
      ['y', [1, null]],
      ['z', [null, 0]],
    ]);
  });

  it('leave the per-journey cost per nine of a journey the first design lacks unanswered', () => {
    const browse = result.journeys.find((r) => r.id === 'browse')!;
    expect(browse.cells[1]!.delta).toBeNull();
    expect(browse.cells[1]!.costPerNine).toEqual({ kind: 'unknown', reason: 'journey-missing' });
  });

  it('price the two-zone design higher and make its order journey better', () => {
    const order = result.journeys[0]!.cells[1]!;
    expect(result.designs[1]!.delta!.monthly.expected).toBeGreaterThan(0);
    expect(order.delta!.trend).toBe('better');
    expect(order.costPerNine.kind).toBe('per-nine');
    expect(describeCostPerNine(order.costPerNine)).toMatch(/^\$[\d,]+\.\d\d a month per added nine/);
  });

  it('has no corruption scenario for a design without stores, and says so with an empty cell', () => {
    const corruption = result.scenarios.find((s) => s.class === 'corruption')!;
    expect(corruption.cells[2]).toBeNull();
    expect(corruption.cells[0]!.rpo.scenario).toBe('corruption:db');
  });
});

describe('the comparison itself', () => {
  it('takes two to four designs', () => {
    const one = [{ design: template('single-region-multi-az') }];
    expect(() => compareDesigns(one, { catalogs })).toThrow(/2 to 4 designs; got 1/);
    expect(() => compareDesigns([...one, ...one, ...one, ...one, ...one], { catalogs })).toThrow(/got 5/);
  });

  it('finds no difference between a design and itself', () => {
    const design = template('multi-region-active-passive');
    const same = compareDesigns([{ design }, { design }], { catalogs });
    const second = same.designs[1]!;
    expect(second.delta!.monthly).toEqual({ low: 0, expected: 0, high: 0 });
    expect(second.delta!.monthlyTrend).toBe('same');
    expect(second.delta!.findingsTrend).toBe('same');
    expect(second.costPerNine).toEqual({ kind: 'no-gain', extraMonthly: 0, ninesGained: 0 });
    for (const scenario of same.scenarios) expect(scenario.cells[1]?.delta).toMatchObject({ rtoTrend: 'same', rpoTrend: 'same' });
  });

  it('uses the cost reports and analyses it is given rather than computing its own', () => {
    const design = template('single-region-multi-az');
    const report = estimateCost(design, catalogs);
    const doubled = { ...report, range: { low: report.range.low * 2, expected: report.range.expected * 2, high: report.range.high * 2 } };
    const result = compareDesigns([{ design, cost: report }, { design, cost: doubled }]);
    expect(result.designs[1]!.delta!.monthly.expected).toBeCloseTo(report.range.expected, 2);
  });

  it('does not compare costs priced in different currencies', () => {
    const design = template('single-region-multi-az');
    const report = estimateCost(design, catalogs);
    const result = compareDesigns([{ design, cost: report }, { design, label: 'in euros', cost: { ...report, currency: 'EUR' } }]);
    expect(result.designs[1]!.costPerNine).toEqual({ kind: 'unknown', reason: 'currency-differs' });
    expect(result.designs[1]!.delta!.monthlyTrend).toBe('n/a');
    expect(result.notes.some((n) => n.startsWith('in euros is priced in EUR'))).toBe(true);
  });

  it('gives no cost per nine when a region of one design has nothing priced, and names the region', () => {
    const unpricedRegion = compareDesigns(templates.slice(0, 2), { catalogs });
    const [first, second] = unpricedRegion.designs;
    expect(second!.cost.excludedLines).toBeGreaterThan(first!.cost.excludedLines);
    expect(unpricedRegion.notes.some((note) => note.includes('nothing in region dr could be priced'))).toBe(true);
    expect(second!.costPerNine).toEqual({ kind: 'unknown', reason: 'prices-incomplete' });
    for (const journey of unpricedRegion.journeys) {
      const cell = journey.cells[1];
      if (cell) expect(cell.costPerNine).toEqual({ kind: 'unknown', reason: 'prices-incomplete' });
    }
    expect(describeCostPerNine(second!.costPerNine)).toMatch(/^not comparable: a region of one design has no prices/);
    // With the second region priced, the same pair has a figure again.
    expect(comparison.designs[1]!.costPerNine.kind).not.toBe('unknown');
  });
});
