import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import type { Design } from '../../model';
import { buildGraph } from '../graph';
import { journeysAvailability } from './availability';

function design(yaml: string): Design {
  const result = loadDesign(yaml);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('\n'));
  return result.design;
}

const availability = (yaml: string) => journeysAvailability(buildGraph(design(yaml)));

const HEAD = `ninesmith: 1
name: Worked example
tier: standard
regions:
  - { id: r1, location: us-east-1, zones: [a, b, c] }
`;

// docs/reliability-reference.md §4.3, example A: Route 53 × CloudFront × WAF × ALB × ECS × RDS Multi-AZ.
const EXAMPLE_A = `${HEAD}components:
  - { id: users, kind: users }
  - { id: dns, kind: dns }
  - { id: cdn, kind: cdn }
  - { id: waf, kind: waf }
  - { id: alb, kind: load-balancer, region: r1, zones: [a, b] }
  - { id: api, kind: app-service, region: r1, zones: [a, b], replicas: 2 }
  - { id: db, kind: relational-db, region: r1, zones: [a, b], props: { ha: multi-az } }
connections:
  - { from: users, to: dns }
  - { from: dns, to: cdn }
  - { from: cdn, to: waf }
  - { from: waf, to: alb }
  - { from: alb, to: api }
  - { from: api, to: db }
journeys:
  - { id: save, name: Save, from: users, needs: [api, db] }
`;

describe('the SLA floor: the worked examples of docs/reliability-reference.md §4.3', () => {
  it('A: single region, multi-AZ, CloudFront on the path: 99.780%, about 96 min a month', () => {
    const [journey] = availability(EXAMPLE_A);
    // 1.0 × 0.999 × 0.9995 × 0.9999 × 0.9999 × 0.9995 by hand = 0.997801...
    expect(journey!.percent).toBeCloseTo(99.7802, 3);
    expect(journey!.downtimeMinutesPerMonth).toBeCloseTo(96.3, 0);
    expect(journey!.nines).toBeCloseTo(2.66, 2);
    expect(journey!.terms.map((t) => [t.component, t.role, t.percent])).toEqual([
      ['dns', 'series', 100],
      ['cdn', 'series', 99.9],
      ['waf', 'series', 99.95],
      ['alb', 'series', 99.99],
      ['api', 'series', 99.99],
      ['db', 'series', 99.95],
    ]);
    expect(journey!.explanation).toContain('99.9% (cdn)');
    expect(journey!.meetsTarget).toBe(false);
  });

  it('B: the API not behind CloudFront: 99.880%, about 53 min a month', () => {
    const yaml = EXAMPLE_A.replace('  - { from: dns, to: cdn }\n  - { from: cdn, to: waf }\n', '  - { from: dns, to: waf }\n');
    const [journey] = availability(yaml);
    expect(journey!.percent).toBeCloseTo(99.88, 2);
    expect(journey!.downtimeMinutesPerMonth).toBeCloseTo(52.5, 0);
    expect(journey!.terms.map((t) => t.component)).not.toContain('cdn');
  });

  it('C: ALB, one EC2 instance and a single-AZ RDS: 98.99%, about 7.4 h a month', () => {
    const yaml = `${HEAD}components:
  - { id: users, kind: users }
  - { id: alb, kind: load-balancer, region: r1, zones: [a, b] }
  - { id: app, kind: app-service, region: r1, zones: [a], replicas: 1, props: { runtime: vm } }
  - { id: db, kind: relational-db, region: r1, zones: [a], props: { ha: single } }
connections:
  - { from: users, to: alb }
  - { from: alb, to: app }
  - { from: app, to: db }
journeys:
  - { id: save, name: Save, from: users, needs: [app, db] }
`;
    const [journey] = availability(yaml);
    // 0.9999 × 0.995 × 0.995 by hand = 0.98990...
    expect(journey!.percent).toBeCloseTo(98.99, 2);
    expect(journey!.downtimeMinutesPerMonth! / 60).toBeCloseTo(7.36, 1);
  });

  it('same-zone instances are not independent: three instances in one zone carry the instance-level SLA', () => {
    const yaml = EXAMPLE_A.replace('{ id: api, kind: app-service, region: r1, zones: [a, b], replicas: 2 }', '{ id: api, kind: app-service, region: r1, zones: [a], replicas: 3 }');
    const [journey] = availability(yaml);
    expect(journey!.terms.find((t) => t.component === 'api')!.percent).toBe(99.5);
  });

  it('D: two regions with failover keep the floor at the published SLAs: they commit per service, not per pair', () => {
    const yaml = `ninesmith: 1
name: Example D
tier: mission-critical
regions:
  - { id: east, location: us-east-1, role: active, zones: [a, b, c] }
  - { id: west, location: us-west-2, role: active, zones: [a, b, c] }
components:
  - { id: users, kind: users }
  - { id: dns, kind: dns, props: { failoverRouting: true, healthChecks: true, ttlSeconds: 60 } }
  - { id: waf, kind: waf }
  - { id: east-alb, kind: load-balancer, region: east, zones: [a, b] }
  - { id: east-api, kind: app-service, region: east, zones: [a, b], replicas: 2 }
  - { id: east-db, kind: relational-db, region: east, zones: [a, b], props: { ha: multi-az } }
  - { id: west-alb, kind: load-balancer, region: west, zones: [a, b] }
  - { id: west-api, kind: app-service, region: west, zones: [a, b], replicas: 2 }
  - { id: west-db, kind: relational-db, region: west, zones: [a, b], props: { ha: multi-az } }
connections:
  - { from: users, to: dns }
  - { from: dns, to: waf }
  - { from: waf, to: east-alb }
  - { from: east-alb, to: east-api }
  - { from: east-api, to: east-db }
  - { from: waf, to: west-alb }
  - { from: west-alb, to: west-api }
  - { from: west-api, to: west-db }
  - { from: east-api, to: west-api, mode: replication }
  - { from: east-db, to: west-db, mode: replication }
journeys:
  - { id: save, name: Save, from: users, needs: [east-api, east-db] }
`;
    const [journey] = availability(yaml);
    const db = journey!.terms.find((t) => t.component === 'east-db')!;
    expect(db).toMatchObject({ role: 'failover', partner: 'west-db', percent: 99.95 });
    // 100% (dns) × 99.95% (waf) × 99.99% (east-alb) × 99.99% (east-api) × 99.95% (east-db), each with its own SLA.
    expect(journey!.percent).toBeCloseTo(99.88, 3);
    // The modelled figure is where the second region shows: a region incident costs the failover, not the incident.
    expect(journey!.modelled!.availability).toBeGreaterThan(journey!.percent!);
    expect(journey!.modelled!.contributors.find((c) => c.scenario === 'region:east')!.minutesPerMonth).toBeLessThan(1);
  });

  it('reports unknown SLAs as unknown instead of taking them as 100%', () => {
    const yaml = EXAMPLE_A.replace('  - { id: db, kind: relational-db, region: r1, zones: [a, b], props: { ha: multi-az } }\n', '  - { id: db, kind: relational-db, region: r1, zones: [a, b], props: { ha: multi-az } }\n  - { id: erp, kind: external-system }\n')
      .replace('  - { from: api, to: db }\n', '  - { from: api, to: db }\n  - { from: api, to: erp }\n')
      .replace('needs: [api, db]', 'needs: [api, db, erp]');
    const [journey] = availability(yaml);
    expect(journey!.complete).toBe(false);
    expect(journey!.floorStatus).toBe('unknown');
    expect(journey!.percent).toBeNull();
    expect(journey!.floorReason).toContain('no vendor SLA entered');
    expect(journey!.terms.find((t) => t.component === 'erp')).toMatchObject({ role: 'unknown' });
    expect(journey!.knownTermsPercent).toBeCloseTo(99.7802, 3);
    // The modelled figure still counts the vendor's outages.
    expect(journey!.modelled!.contributors.map((c) => c.scenario)).toContain('external:erp');
  });

  it('leaves components behind a queue out of the request-path product', () => {
    const yaml = EXAMPLE_A.replace('  - { id: db, kind: relational-db, region: r1, zones: [a, b], props: { ha: multi-az } }\n', '  - { id: db, kind: relational-db, region: r1, zones: [a, b], props: { ha: multi-az } }\n  - { id: jobs, kind: queue, region: r1 }\n  - { id: erp, kind: external-system, props: { sla: 95 } }\n')
      .replace('  - { from: api, to: db }\n', '  - { from: api, to: db }\n  - { from: api, to: jobs, mode: async }\n  - { from: jobs, to: erp, mode: async }\n')
      .replace('needs: [api, db]', 'needs: [api, db, erp]');
    const [journey] = availability(yaml);
    expect(journey!.deferred).toEqual(['erp']);
    expect(journey!.terms.map((t) => t.component)).not.toContain('erp');
    expect(journey!.percent).toBeCloseTo(99.7802, 3);
  });

  it('states an Azure floor from Azure SLAs: VMs in two zones, a Standard load balancer, PostgreSQL with zone-redundant HA', () => {
    const yaml = `ninesmith: 1
name: Azure portal
provider: azure
tier: premium
regions:
  - { id: r1, location: westeurope, zones: ['1', '2', '3'] }
components:
  - { id: users, kind: users }
  - { id: lb, kind: load-balancer, region: r1, zones: ['1', '2'], props: { type: network } }
  - { id: app, kind: app-service, region: r1, zones: ['1', '2'], replicas: 2, props: { runtime: vm } }
  - { id: db, kind: relational-db, region: r1, zones: ['1', '2'], props: { ha: multi-az } }
connections:
  - { from: users, to: lb }
  - { from: lb, to: app }
  - { from: app, to: db }
journeys:
  - { id: save, name: Save, from: users, needs: [app, db] }
`;
    const [journey] = availability(yaml);
    // 99.99% (Standard load balancer) × 99.99% (VMs across zones) × 99.99% (zone-redundant HA) = 99.97%.
    expect(journey!.percent).toBeCloseTo(99.97, 3);
    expect(journey!.terms.map((t) => t.sla!.service)).toEqual([
      expect.stringContaining('Load Balancer Standard'),
      expect.stringContaining('availability zones'),
      expect.stringContaining('zone-redundant'),
    ]);
  });

  it('gives no journey 100% on any provider unless every term truly is', () => {
    for (const provider of ['aws', 'azure', 'gcp']) {
      const location = { aws: 'us-east-1', azure: 'eastus', gcp: 'us-central1' }[provider]!;
      const yaml = EXAMPLE_A.replace('tier: standard', `tier: standard\nprovider: ${provider}`).replace('location: us-east-1', `location: ${location}`);
      const [journey] = availability(yaml);
      expect(journey!.floorStatus, provider).toBe('known');
      expect(journey!.percent!, provider).toBeLessThan(100);
      expect(journey!.modelled!.availability, provider).toBeLessThan(100);
    }
  });
});
