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

const modelled = (yaml: string) => journeysAvailability(buildGraph(design(yaml)))[0]!.modelled!;

/** Expected minutes a month of `rate` events a year lasting `minutes` each, over `share` of requests. */
const monthly = (rate: number, minutes: number, share = 1) => (rate / 12) * minutes * share;
/** A month of 730 h is 43,800 minutes. */
const percent = (minutes: number) => (1 - minutes / 43800) * 100;

// The default rates (events a year) and durations the figures below are worked out with.
const INSTANCE = 0.5; // per instance
const ZONE = 0.1; // per zone, lasting up to 4 h
const REGION = 0.2; // per region, lasting up to 6 h
const GLOBAL_SERVICE = 0.1; // per global service, 3 h each
const REGIONAL_SERVICE = 0.3; // per managed service in a region, 3 h each
const RELEASES = 4 * 12 * 0.1; // 4 releases a month, 10% of them bad
const CORRUPTION = 0.1; // per store
const RESTORE = 60 + 6; // restoring 100 GB from backups: 1 h + 6 min per 100 GB

describe('modelled availability, worked by hand', () => {
  it('a single-AZ two-tier design: one instance and a single-AZ database in one zone', () => {
    const yaml = `ninesmith: 1
name: Two tiers in one zone
tier: standard
regions:
  - { id: main, location: us-east-1, zones: [a, b, c] }
components:
  - { id: users, kind: users }
  - { id: dns, kind: dns }
  - { id: web, kind: app-service, region: main, zones: [a], replicas: 1, props: { runtime: vm } }
  - { id: db, kind: relational-db, region: main, zones: [a], props: { ha: single, backup: { enabled: true, retentionDays: 7 } } }
connections:
  - { from: users, to: dns }
  - { from: dns, to: web }
  - { from: web, to: db }
journeys:
  - { id: save, name: Save, from: users, needs: [web, db] }
`;
    const result = modelled(yaml);
    const expected =
      monthly(ZONE, RESTORE) + // zone a: the database is restored from backups in another zone (66 min, under the 4 h incident)
      monthly(REGION, 360) + // the region: no copy outside it, so the journey waits out the 6 h incident
      monthly(GLOBAL_SERVICE, 180) + // Route 53 fails by itself: the provider restores it in about 3 h
      monthly(INSTANCE, 30) + // the web instance fails: redeployed by hand in 30 min
      monthly(REGIONAL_SERVICE, RESTORE) + // RDS fails by itself: restored from backups (66 min, under 3 h)
      monthly(INSTANCE, 60) + // the database's instance fails: replaced within the 1 h instance incident
      monthly(RELEASES, 60) + // a bad release, rolled back by hand in 1 h
      monthly(CORRUPTION, RESTORE); // corrupted data, restored from backups
    // 0.55 + 6 + 1.5 + 1.25 + 1.65 + 2.5 + 24 + 0.55 = 38 min a month.
    expect(expected).toBeCloseTo(38, 6);
    expect(result.downtimeMinutesPerMonth).toBeCloseTo(expected, 2);
    expect(result.availability).toBeCloseTo(percent(expected), 4);
    expect(result.contributors[0]).toMatchObject({ scenario: 'deployment:web', components: ['web'], minutesPerMonth: 24 });
    expect(result.low).toBeLessThan(result.availability);
    expect(result.high).toBeGreaterThan(result.availability);
  });

  it('a multi-AZ design with one single-zone dependency: a one-node cache in zone a', () => {
    const yaml = `ninesmith: 1
name: Multi-AZ with a one-node cache
tier: premium
regions:
  - { id: main, location: us-east-1, zones: [a, b, c] }
components:
  - { id: users, kind: users }
  - { id: dns, kind: dns }
  - { id: alb, kind: load-balancer, region: main, zones: [a, b, c] }
  - { id: web, kind: app-service, region: main, zones: [a, b, c], replicas: 6, props: { autoscaling: { enabled: true, min: 6, max: 12 } } }
  - { id: db, kind: relational-db, region: main, zones: [a, b], props: { ha: multi-az, backup: { enabled: true, pitr: true } } }
  - { id: cache, kind: cache, region: main, zones: [a], replicas: 1 }
  - { id: pipeline, kind: ci-cd, props: { strategy: canary, automatedRollback: true } }
connections:
  - { from: users, to: dns }
  - { from: dns, to: alb }
  - { from: alb, to: web }
  - { from: web, to: db }
  - { from: web, to: cache }
journeys:
  - { id: save, name: Save, from: users, needs: [web, db, cache] }
`;
    const result = modelled(yaml);
    const expected =
      monthly(ZONE, 30) + // zone a: the cache is recreated in another zone by hand (30 min)
      monthly(ZONE, 0.75 / 3) + // zone b: a third of requests fail until the lost instances are evicted (45 s)
      monthly(ZONE, 0.75 / 3) + // zone c: the same
      monthly(REGION, 360) + // the region: no copy outside it
      monthly(GLOBAL_SERVICE, 180) + // Route 53
      monthly(REGIONAL_SERVICE, 180) + // the load balancer fails by itself: the provider restores it (3 h)
      monthly(INSTANCE, 0.75) + // a web instance fails: evicted after three health checks 15 s apart (45 s)
      monthly(REGIONAL_SERVICE, RESTORE) + // RDS fails by itself: restored from backups
      monthly(INSTANCE, 2) + // the database's writer fails: the standby is promoted (120 s)
      monthly(REGIONAL_SERVICE, 180) + // ElastiCache fails by itself: the provider restores it (3 h)
      monthly(INSTANCE, 60) + // the cache's one node fails: replaced within the 1 h instance incident
      monthly(RELEASES, 10, 0.1) + // a bad canary: 10% of traffic for 10 min
      monthly(CORRUPTION, RESTORE); // corrupted data, restored to a point in time
    // 0.25 + 0.0021 + 0.0021 + 6 + 1.5 + 4.5 + 0.0313 + 1.65 + 0.0833 + 4.5 + 2.5 + 0.4 + 0.55 = 21.97 min.
    expect(expected).toBeCloseTo(21.97, 2);
    expect(result.downtimeMinutesPerMonth).toBeCloseTo(expected, 2);
    expect(result.availability).toBeCloseTo(percent(expected), 4);
    expect(result.contributors.slice(0, 3).map((c) => c.scenario)).toEqual(['region:main', 'component:alb', 'component:cache']);
  });

  it('a two-region warm standby: a region incident costs the failover, not the incident', () => {
    const yaml = `ninesmith: 1
name: Warm standby
tier: premium
regions:
  - { id: main, location: us-east-1, role: primary, zones: [a, b] }
  - { id: dr, location: us-west-2, role: secondary, strategy: warm-standby, zones: [a, b] }
components:
  - { id: users, kind: users }
  - { id: dns, kind: dns, props: { failoverRouting: true, healthChecks: true, ttlSeconds: 60 } }
  - { id: alb, kind: load-balancer, region: main, zones: [a, b] }
  - { id: web, kind: app-service, region: main, zones: [a, b], replicas: 2, props: { autoscaling: { enabled: true, min: 2, max: 6 } } }
  - { id: db, kind: relational-db, region: main, zones: [a, b], props: { ha: multi-az, backup: { enabled: true, pitr: true } } }
  - { id: dr-alb, kind: load-balancer, region: dr, zones: [a, b] }
  - { id: dr-web, kind: app-service, region: dr, zones: [a, b], replicas: 2, props: { autoscaling: { enabled: true, min: 2, max: 6 } } }
  - { id: dr-db, kind: relational-db, region: dr, zones: [a, b], props: { ha: multi-az, backup: { enabled: true, pitr: true } } }
  - { id: pipeline, kind: ci-cd, props: { strategy: blue-green, automatedRollback: true } }
connections:
  - { from: users, to: dns }
  - { from: dns, to: alb }
  - { from: dns, to: dr-alb }
  - { from: alb, to: web }
  - { from: web, to: db }
  - { from: dr-alb, to: dr-web }
  - { from: dr-web, to: dr-db }
  - { from: web, to: dr-web, mode: replication }
  - { from: db, to: dr-db, mode: replication }
journeys:
  - { id: save, name: Save, from: users, needs: [web, db] }
`;
    const result = modelled(yaml);
    // Failing over to the standby region: 30 s of health checks (3, 10 s apart, for a 60 s TTL) + 60 s TTL + 600 s warm standby = 11.5 min.
    const failover = 11.5;
    const expected =
      monthly(ZONE, 2) + // main/a: the database's writer is there, the standby is promoted (120 s)
      monthly(ZONE, 0.75 / 2) + // main/b: half the requests fail until the web tier and the load balancer evict (45 s)
      monthly(REGION, failover) + // main: the standby region takes over
      monthly(GLOBAL_SERVICE, 180) + // Route 53
      monthly(REGIONAL_SERVICE, failover) + // the load balancer fails by itself: the standby region takes over
      monthly(INSTANCE, 0.75) + // a web instance: evicted (45 s)
      monthly(REGIONAL_SERVICE, failover) + // RDS fails by itself: the standby region takes over
      monthly(INSTANCE, 2) + // the database's writer: the standby is promoted (120 s)
      monthly(RELEASES, 5) + // a bad blue-green release: switched back in 5 min
      monthly(CORRUPTION, RESTORE); // corrupted data, restored to a point in time
    // The standby region's own zones, its region and its components cost nothing: they serve no journey until failover.
    // 0.0167 + 0.0031 + 0.1917 + 1.5 + 0.2875 + 0.0313 + 0.2875 + 0.0833 + 2 + 0.55 = 4.95 min.
    expect(expected).toBeCloseTo(4.951, 3);
    expect(result.downtimeMinutesPerMonth).toBeCloseTo(expected, 2);
    expect(result.availability).toBeCloseTo(percent(expected), 4);
    expect(result.contributors.map((c) => c.scenario)).not.toContain('region:dr');
    expect(result.contributors.map((c) => c.scenario)).not.toContain('zone:dr/a');
  });

  it('takes the rates and durations a design sets, and a component its own', () => {
    const yaml = `ninesmith: 1
name: Assumptions
tier: standard
regions:
  - { id: main, location: us-east-1, zones: [a, b] }
components:
  - { id: users, kind: users }
  - { id: dns, kind: dns }
  - { id: erp, kind: external-system }
connections:
  - { from: users, to: dns }
  - { from: dns, to: erp }
journeys:
  - { id: sync, name: Sync, from: users, needs: [erp] }
`;
    const base = modelled(yaml);
    // The ERP: 2.7 outages a year of about 3 h; Route 53: 0.1 a year of 3 h.
    expect(base.downtimeMinutesPerMonth).toBeCloseTo(monthly(2.7, 180) + monthly(GLOBAL_SERVICE, 180), 2);
    const own = modelled(`${yaml}assumptions:
  rates: { globalServiceIncident: 0.2 }
  durations: { serviceIncident: 1h }
  components:
    erp: { incidentsPerYear: { low: 1, expected: 4, high: 12 }, incidentDuration: 6h }
`);
    expect(own.downtimeMinutesPerMonth).toBeCloseTo(monthly(4, 360) + monthly(0.2, 60), 2);
    expect(own.low).toBeCloseTo(percent(monthly(12, 360) + monthly(0.2 * 3, 60)), 3);
    expect(own.assumptions.find((a) => a.id === 'rate-component-erp')!.source).toContain('assumptions');
  });
});
