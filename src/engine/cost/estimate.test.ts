import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../catalog';
import type { Design } from '../../model';
import { graphOf } from '../graph';
import { estimateCost } from './estimate';
import { totalCaption } from '../format';
import { fixture, loadCatalogs, regionCopyBook, template, templateNames } from './testing';
import type { CostReport } from './types';

const catalogs = loadCatalogs();
const cents = (usd: number) => Math.round(usd * 100);
const sumCents = (record: Record<string, number>) => Object.values(record).reduce((sum, value) => sum + cents(value), 0);

function expectRollupsAddUp(report: CostReport): void {
  const total = cents(report.monthly);
  expect(sumCents(report.byLayer)).toBe(total);
  expect(sumCents(report.byRegion)).toBe(total);
  expect(sumCents(report.byComponent)).toBe(total);
  const lines = report.lineItems.reduce((sum, line) => sum + line.monthlyCents[report.profile], 0);
  expect(lines).toBe(total);
  expect(cents(report.yearly)).toBe(total * 12);
  expect(report.range.low).toBeLessThanOrEqual(report.range.expected);
  expect(report.range.expected).toBeLessThanOrEqual(report.range.high);
}

describe('roll-ups', () => {
  it.each(templateNames())('per layer, region and component add up to the total: template %s', (name) => {
    expectRollupsAddUp(estimateCost(template(name), catalogs));
  });

  it('add up for generated designs of any size and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 200 }), fc.integer({ min: 1, max: 10_000 }), (size, seed) => {
        expectRollupsAddUp(estimateCost(syntheticDesign(size, seed), catalogs));
      }),
      { numRuns: 25 },
    );
  });

  it('reports every layer, every region and global components under "global"', () => {
    const report = estimateCost(template('single-region-multi-az'), catalogs);
    expect(Object.keys(report.byLayer)).toEqual(['edge', 'app', 'async', 'data', 'storage', 'security', 'operations', 'integration']);
    expect(Object.keys(report.byRegion)).toEqual(['primary', 'global']);
    // DNS, CDN and WAF have no region. Hosted zone 0.50 + queries 4.00; the CDN and WAF lines follow
    // the users' 300 req/s (x 25% x 2,628,000 s = 197.1 M requests): CDN data 197.1 M x 20 KB / 1,048,576 = 3,759 GB x 0.085 = 319.52,
    // requests 197.1 M / 10k x 0.01 = 197.10; WAF 5 + 10 rules + 2 groups + 197.1 x 0.60 = 135.26: 4.50 + 319.52 + 197.10 + 135.26.
    expect(report.byRegion.global).toBe(656.38);
    expect(report.components.find((c) => c.id === 'cdn')?.region).toBe('global');
  });
});

describe('templates', () => {
  it('cost in the expected order: multi-AZ < active-passive < active-active', () => {
    // The bundled catalog has no us-west-2 prices (the DR regions'): a test book prices them at the
    // us-east-1 figures, since the point here is the order, not the prices of a region.
    const options = { imported: regionCopyBook('us-east-1', ['us-west-2']) };
    const multiAz = estimateCost(template('single-region-multi-az'), catalogs, options);
    const activePassive = estimateCost(template('multi-region-active-passive'), catalogs, options);
    const activeActive = estimateCost(template('multi-region-active-active'), catalogs, options);
    expect(multiAz.monthly).toBeLessThan(activePassive.monthly);
    expect(activePassive.monthly).toBeLessThan(activeActive.monthly);
    expect(multiAz.range.high).toBeLessThan(activeActive.range.high);
  });

  it('price every AWS template without a silent zero: unpriced lines carry a reason', () => {
    for (const name of templateNames()) {
      const report = estimateCost(template(name), catalogs);
      for (const item of report.unpriced) expect(item.reason.length, `${name} ${item.componentId} ${item.what}`).toBeGreaterThan(10);
    }
  });

  it('is deterministic', () => {
    const design = template('multi-region-active-active');
    expect(JSON.stringify(estimateCost(design, catalogs))).toBe(JSON.stringify(estimateCost(design, catalogs)));
  });
});

describe('usage inputs and profiles', () => {
  it('reads usage from the design, over props and defaults, and follows autoscaling for the range', () => {
    const report = estimateCost(fixture('usage-inputs'), catalogs);
    const requests = report.assumptions.find((a) => a.componentId === 'jobs' && a.name === 'requestsPerMonth');
    expect(requests).toMatchObject({ value: 50_000_000, origin: 'design usage', nature: 'usage' });
    // 50M requests x $0.40 per 1M = 20.00 expected; low 10.00, high 40.00.
    const queue = report.lineItems.find((l) => l.componentId === 'jobs')!;
    expect(queue.monthlyCents).toEqual({ low: 1000, expected: 2000, high: 4000 });
    // Autoscaling 2 / 4 / 8 instances of m5.large: 2 x 730 x 0.096 = 140.16, 280.32, 560.64.
    const web = report.lineItems.find((l) => l.componentId === 'web')!;
    expect(web.monthlyCents).toEqual({ low: 14016, expected: 28032, high: 56064 });
    // Egress 1000 GB x $0.09 (first 10 TB) = 90.00 expected.
    const egress = report.lineItems.find((l) => l.componentId === 'lb' && /internet/.test(l.what))!;
    expect(egress.status).toBe('priced');
    expect(egress.monthlyCents.expected).toBe(9000);
    // The design asks for the high profile: headline figures follow it.
    expect(report.profile).toBe('high');
    expect(report.monthly).toBe(report.range.high);
  });

  it('lets local usage settings win over the design', () => {
    const report = estimateCost(fixture('usage-inputs'), catalogs, { usage: { jobs: { requestsPerMonth: 100_000_000 } }, profile: 'expected' });
    expect(report.assumptions.find((a) => a.componentId === 'jobs' && a.name === 'requestsPerMonth')?.origin).toBe('local usage');
    expect(report.lineItems.find((l) => l.componentId === 'jobs')?.monthlyCents.expected).toBe(4000);
  });

  it('records where each assumption came from', () => {
    const report = estimateCost(template('single-region-multi-az'), catalogs);
    const documents = report.assumptions.find((a) => a.componentId === 'documents' && a.name === 'storageGb');
    expect(documents).toMatchObject({ value: 2000, origin: 'prop' });
    const queries = report.assumptions.find((a) => a.componentId === 'dns' && a.name === 'queriesPerMonth');
    expect(queries?.origin).toBe('default');
  });
});

describe('adjustments', () => {
  it('apply per provider and per service, compounding, and say what they changed', () => {
    const report = estimateCost(fixture('discounted'), catalogs);
    // EC2: 210.24 list, -10% -> 189.22 (cents rounded), then -20% -> 151.38.
    const ec2 = report.lineItems.find((l) => l.componentId === 'api')!;
    expect(ec2.listCents.expected).toBe(21024);
    expect(ec2.monthlyCents.expected).toBe(Math.round(Math.round(21024 * 0.9) * 0.8));
    expect(ec2.adjustments).toEqual(['aws -10%', 'aws/ec2 -20%']);
    // SQS: 10M x 0.40/1M = 4.00, only the provider discount: 3.60.
    const sqs = report.lineItems.find((l) => l.componentId === 'jobs')!;
    expect(sqs.monthlyCents.expected).toBe(360);
    expect(report.adjustments.map((a) => [a.scope, a.effectCents])).toEqual([
      ['aws', -2102 - 40],
      ['aws/ec2', cents(151.38) - 18922],
    ]);
    expectRollupsAddUp(report);
  });

  it('apply a local setting after the design, without changing the design', () => {
    const design = fixture('three-m5-large');
    const report = estimateCost(design, catalogs, { adjustments: [{ scope: '*', percent: 15, note: 'reseller markup' }] });
    expect(report.monthly).toBe(Math.round(21024 * 1.15) / 100);
    expect(report.adjustments[0]).toMatchObject({ origin: 'local', scope: '*' });
    expect(design.pricing).toBeUndefined();
  });
});

describe('catalogs and regions', () => {
  it('never prices a region at another region\'s price: the line says so and the total excludes it', () => {
    const report = estimateCost(fixture('azure-portal'), catalogs);
    const eu = report.lineItems.find((l) => l.componentId === 'db-eu' && /Primary/.test(l.what))!;
    // B_Standard_B1ms is priced for eastus and westus only: nothing for northeurope.
    expect(eu.status).toBe('not-in-region');
    expect(eu.monthlyCents.expected).toBe(0);
    expect(eu.notes[0]).toContain('no AZURE price for "db/postgres/B_Standard_B1ms" in northeurope (the catalog has it for eastus, westus');
    expect(report.notes.join('\n')).toContain('northeurope: no price in the catalog for db/postgres/B_Standard_B1ms');
    expect(report.excluded.byStatus['not-in-region']).toBeGreaterThan(0);
    const us = report.lineItems.find((l) => l.componentId === 'db' && /Primary/.test(l.what))!;
    expect(us.status).toBe('priced');
    expect(us.priceRegion).toBe('eastus');
  });

  it('never shows a total for a region without bundled prices without saying what it excludes', () => {
    for (const location of ['eu-central-1', 'ap-southeast-2', 'ca-central-1']) {
      const design = fixture('six-m5-large');
      const report = estimateCost({ ...design, regions: design.regions.map((r) => ({ ...r, location })) }, catalogs);
      expect(report.excluded.lines, location).toBeGreaterThan(0);
      expect(totalCaption(report), location).toMatch(/^excludes 1 line: 1 no price for this region \(the total is a lower bound\)/);
    }
  });

  it('says "price not in catalog" for a SKU the reference lacks, rather than inventing one', () => {
    const design: Design = { ...fixture('three-m5-large') };
    design.components = [{ ...design.components[0]!, props: { runtime: 'vm', size: 'm7g.large' } }];
    const report = estimateCost(design, catalogs);
    expect(report.monthly).toBe(0);
    expect(report.unpriced).toEqual([expect.objectContaining({ componentId: 'api', status: 'not-in-catalog' })]);
  });

  it('prices nothing, visibly, when the provider has no catalog', () => {
    const report = estimateCost(fixture('three-m5-large'), []);
    expect(report.monthly).toBe(0);
    expect(report.notes[0]).toMatch(/No price catalog for aws/);
    expect(report.unpriced[0]?.status).toBe('not-in-catalog');
  });

  it('dates the report by the oldest price it used', () => {
    const report = estimateCost(fixture('three-m5-large'), catalogs);
    expect(report.asOf).toBe('2025-07-07');
    expect(report.lineItems[0]?.asOf).toMatch(/^2025-07-07/);
  });
});

describe("the analysis's graph", () => {
  it('gives the same report as pricing without it, also from a graph carried over an edit, and is not used for another design', () => {
    for (const design of [...templateNames().map(template), syntheticDesign(300, 3)]) {
      const alone = JSON.stringify(estimateCost(design, catalogs));
      expect(JSON.stringify(estimateCost(design, catalogs, { graph: graphOf(design) }))).toBe(alone);
      // An edit of one component: the new graph borrows the other components' answers from the one before.
      const edited = { ...design, components: design.components.map((c, i) => (i === 0 ? { ...c, replicas: (c.replicas ?? 1) + 2 } : c)) };
      const graph = graphOf(edited, graphOf(design));
      expect(JSON.stringify(estimateCost(edited, catalogs, { graph }))).toBe(JSON.stringify(estimateCost(edited, catalogs)));
      expect(JSON.stringify(estimateCost(edited, catalogs, { graph: graphOf(design) }))).toBe(JSON.stringify(estimateCost(edited, catalogs)));
    }
  });
});
