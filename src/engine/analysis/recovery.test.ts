import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import type { Design } from '../../model';
import { buildGraph } from '../graph';
import { simulateFailure } from './journeys';
import { analyzeDesign } from './analyze';
import { failureScenarios } from './scenarios';

const fixtures = join(import.meta.dirname, '..', 'rules', '__fixtures__');

function load(name: string, edit: (text: string) => string = (t) => t): Design {
  const result = loadDesign(edit(readFileSync(join(fixtures, name), 'utf8')));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.design;
}

const scenario = (design: Design, id: string) => failureScenarios(buildGraph(design)).find((s) => s.id === id)!;

describe('simulateFailure', () => {
  it('keeps a multi-AZ journey up through a zone loss, after the database fails over', () => {
    // db runs in a and b, writer in a: losing a promotes the standby (RDS Multi-AZ: 120 s assumed).
    const result = simulateFailure(load('single-point-of-failure.pass.yaml'), { zones: ['main/a'] });
    expect(result.downComponents).toEqual([]);
    expect(result.degradedComponents).toEqual(['alb', 'web', 'db']);
    expect(result.journeys).toEqual([expect.objectContaining({ id: 'sign-in', up: true, servedByFailover: false, rtoSeconds: 120 })]);
  });

  it('breaks the journey when a single-AZ database loses its zone, until a restore', () => {
    const result = simulateFailure(load('zone-failure-breaks-journey.fail.yaml'), { zones: [{ region: 'main', zone: 'a' }] });
    expect(result.downComponents).toEqual(['db']);
    const [journey] = result.journeys;
    expect(journey).toMatchObject({ up: false, missing: ['db'] });
    // Restore: 1 h + 6 min per 100 GB (default 100 GB) = 3,960 s.
    expect(journey!.rtoSeconds).toBe(3960);
  });

  it('serves a journey from the standby region after a region loss, after detection, DNS and warm standby', () => {
    const result = simulateFailure(load('region-failure-exceeds-rto.pass.yaml'), { regions: ['main'] });
    const [journey] = result.journeys;
    expect(journey).toMatchObject({ up: true, servedByFailover: true });
    expect(journey!.failovers).toEqual([
      { component: 'web', partner: 'dr-web' },
      { component: 'db', partner: 'dr-db' },
    ]);
    // 30 s of health checks (3, 10 s apart, for a TTL of 60 s) + 60 s TTL + 600 s warm standby = 690 s.
    expect(journey!.rtoSeconds).toBe(690);
  });

  it('detects a lost region as the exported DNS checks do: 10 s checks up to a 60 s TTL, 30 s above, an alarm behind a CDN', () => {
    const slow = load('region-failure-exceeds-rto.pass.yaml', (t) => t.replace('ttlSeconds: 60', 'ttlSeconds: 120'));
    // 3 checks 30 s apart (90 s) + 120 s TTL + 600 s warm standby.
    expect(simulateFailure(slow, { regions: ['main'] }).journeys[0]!.rtoSeconds).toBe(90 + 120 + 600);
    const cdn = load('region-failure-exceeds-rto.pass.yaml', (t) => t.replace('- id: waf\n', '- {id: cdn, kind: cdn}\n- id: waf\n'));
    // One 60 s alarm period + 60 s TTL + 600 s warm standby.
    expect(simulateFailure(cdn, { regions: ['main'] }).journeys[0]!.rtoSeconds).toBe(60 + 60 + 600);
  });

  it("evicts a lost zone's instances after the checks of the load balancer in front: 45 s (application), 20 s (network)", () => {
    const lostZone = (design: Design) => simulateFailure(design, { zones: ['main/c'] }).journeys[0]!.rtoSeconds;
    expect(lostZone(load('single-point-of-failure.pass.yaml'))).toBe(45);
    expect(lostZone(load('single-point-of-failure.pass.yaml', (t) => t.replace('kind: load-balancer\n', 'kind: load-balancer\n  props: {type: network}\n')))).toBe(20);
  });

  it('takes longer with a pilot light and with manual DNS', () => {
    const pilot = load('region-failure-exceeds-rto.pass.yaml', (t) => t.replace('strategy: warm-standby', 'strategy: pilot-light'));
    expect(simulateFailure(pilot, { regions: ['main'] }).journeys[0]!.rtoSeconds).toBe(30 + 60 + 2700);
    const manual = load('region-failure-exceeds-rto.pass.yaml', (t) => t.replace('failoverRouting: true', 'failoverRouting: false'));
    expect(simulateFailure(manual, { regions: ['main'] }).journeys[0]!.rtoSeconds).toBe(1800 + 60 + 600);
  });

  it('is unbounded when a single-region design loses its region', () => {
    const [journey] = simulateFailure(load('region-failure-exceeds-rto.fail.yaml'), { regions: ['main'] }).journeys;
    expect(journey).toMatchObject({ up: false, rtoSeconds: null });
  });

  it('rejects failures that name nothing in the design', () => {
    const design = load('single-zone.pass.yaml');
    expect(() => simulateFailure(design, { zones: ['main/d'] })).toThrow(/no zone "main\/d"/);
    expect(() => simulateFailure(design, { components: ['nope'] })).toThrow(/no component with id "nope"/);
  });
});

describe('failure scenarios', () => {
  it('covers each zone, region, component, external dependency and store corruption', () => {
    const design = load('sync-external-dependency.fail.yaml');
    const ids = failureScenarios(buildGraph(design)).map((s) => s.id);
    expect(ids).toEqual([
      'zone:main/a', 'zone:main/b', 'zone:main/c', 'region:main',
      'component:dns', 'component:waf', 'component:alb', 'component:web', 'component:db', 'external:erp', 'component:monitoring', 'component:pipeline',
      'deployment:web',
      'corruption:db',
    ]);
  });

  it('estimates the data lost: none for a synchronous standby; after corruption, the writes until it is noticed', () => {
    const withPitr = load('rpo-exceeds-target.pass.yaml');
    expect(scenario(withPitr, 'zone:main/a').rpoSeconds).toBe(0);
    // Restored to the second before the corruption; the writes of the hour it takes to notice are lost.
    expect(scenario(withPitr, 'corruption:db').rpoSeconds).toBe(3600);
    expect(scenario(withPitr, 'corruption:db').assumptions.map((a) => a.id)).toContain('duration-corruptionDetection');
    // Daily snapshots: up to a day before the corruption, plus the hour until it is noticed.
    const daily = load('rpo-exceeds-target.fail.yaml');
    expect(scenario(daily, 'corruption:db').rpoSeconds).toBe(86400 + 3600);
    expect(scenario(daily, 'corruption:db').brokenJourneys).toEqual(['sign-in']);
  });

  it('gives RDS with automated backups a 5-minute recovery point though the design does not ask for point-in-time recovery', () => {
    const rds = load('zone-failure-breaks-journey.fail.yaml', (t) => t.replace(/pitr: true/g, 'pitr: false'));
    const zone = scenario(rds, 'zone:main/a');
    expect(zone.rpoSeconds).toBe(300);
    expect(zone.assumptions.map((a) => a.id)).toEqual(expect.arrayContaining(['pitr-recovery-point', 'pitr-with-automated-backups']));
    // Cloud SQL archives its logs only when point-in-time recovery is turned on: the last daily snapshot.
    const cloudSql = load('zone-failure-breaks-journey.fail.yaml', (t) => t.replace(/pitr: true/g, 'pitr: false').replace('tier: ', 'provider: gcp\ntier: ').replace('location: us-east-1', 'location: us-central1'));
    expect(scenario(cloudSql, 'zone:main/a').rpoSeconds).toBe(86400);
  });

  it('gives an Azure managed database the 15-minute point-in-time recovery point Azure publishes, not the RDS figure', () => {
    const azure = load('zone-failure-breaks-journey.fail.yaml', (t) => t.replace('tier: ', 'provider: azure\ntier: ').replace('location: us-east-1', 'location: eastus'));
    const zone = scenario(azure, 'zone:main/a');
    expect(zone.rpoSeconds).toBe(900);
    expect(zone.assumptions.map((a) => a.id)).toContain('pitr-recovery-point-azure');
    expect(zone.assumptions.map((a) => a.id)).not.toContain('pitr-recovery-point');
  });

  it('restores a region loss from a cross-region backup copy to the last daily copy, without point-in-time recovery', () => {
    // The standby region holds only backup copies: no replica, no replication connection.
    const copies = load('region-failure-exceeds-rto.pass.yaml', (t) => t.replace('- {from: db, to: dr-db, mode: replication}\n', ''));
    const region = scenario(copies, 'region:main');
    expect(region.dataLoss).toEqual([{ component: 'db', rpoSeconds: 86400 }]);
    expect(region.assumptions.map((a) => a.id)).toContain('cross-region-copy-is-snapshot');
  });

  it('bounds cross-region object replication at 15 min only with a replication-time commitment', () => {
    const base = load('region-failure-exceeds-rto.pass.yaml', (t) =>
      t.replace('- id: dr-db', '- id: files\n  kind: object-storage\n  region: main\n  props: {versioning: true, replicateToRegion: dr}\n- id: dr-db'),
    );
    const loss = (design: Design) => scenario(design, 'region:main').dataLoss.find((d) => d.component === 'files')!.rpoSeconds;
    expect(loss(base)).toBe(7200);
    expect(scenario(base, 'region:main').assumptions.find((a) => a.id === 'object-replication-unbounded')!.heuristic).toBe(true);
    const rtc = load('region-failure-exceeds-rto.pass.yaml', (t) =>
      t.replace('- id: dr-db', '- id: files\n  kind: object-storage\n  region: main\n  props: {versioning: true, replicateToRegion: dr, replicationTimeControl: true}\n- id: dr-db'),
    );
    expect(loss(rtc)).toBe(900);
  });

  it('waits for the provider when a managed service fails by itself, and recreates it elsewhere when its zone is gone', () => {
    const design = load('zone-failure-breaks-journey.fail.yaml', (t) => t.replace('ha: single', 'ha: multi-az').replace('zones: [a]\n  props:\n    ha: multi-az', 'zones: [a, b]\n  props:\n    ha: multi-az'));
    // The load balancer fails by itself: the provider restores it in about 3 h.
    expect(scenario(design, 'component:alb').rtoSeconds).toBe(3 * 3600);
    expect(scenario(design, 'component:alb').assumptions.map((a) => a.id)).toEqual(expect.arrayContaining(['provider-restores', 'duration-serviceIncident']));
  });

  it('leaves a service with a 100% SLA out of the worst cases, and counts region loss in the worst RPO', () => {
    const design = load('zone-failure-breaks-journey.pass.yaml');
    expect(scenario(design, 'component:dns').unlikely).toMatch(/100%/);
    const analysis = analyzeDesign(design);
    expect(analysis.scorecard.rpo.scenario).toBe('region:main');
    expect(analysis.scorecard.rpo.seconds).toBeNull();
  });

  it('loses the last PITR window when a single database loses its zone, and everything without backups', () => {
    const single = load('zone-failure-breaks-journey.fail.yaml');
    expect(scenario(single, 'zone:main/a').rpoSeconds).toBe(300);
    const none = load('no-backup.fail.yaml', (t) => t.replace('zones: [a, b]\n  props:\n    ha: multi-az', 'zones: [a]\n  props:\n    ha: single'));
    expect(scenario(none, 'zone:main/a').rpoSeconds).toBeNull();
    expect(scenario(none, 'corruption:files').rpoSeconds).toBeNull();
  });

  it('estimates replication lag for a region loss with a cross-region replica', () => {
    const design = load('region-failure-exceeds-rto.pass.yaml');
    const region = scenario(design, 'region:main');
    expect(region.rtoSeconds).toBe(690);
    expect(region.rpoSeconds).toBe(60);
    expect(region.assumptions.map((a) => a.id)).toEqual(expect.arrayContaining(['async-replication-lag', 'warm-standby', 'dns-failover-detection']));
    expect(region.assumptions.find((a) => a.id === 'warm-standby')!.heuristic).toBe(true);
    // Losing the standby region loses no data: the replica's source still has it.
    expect(scenario(design, 'region:dr').rpoSeconds).toBe(0);
  });

  it('reports an external dependency as breaking the journeys that call it, with an unbounded RTO', () => {
    const design = load('sync-external-dependency.fail.yaml');
    expect(scenario(design, 'external:erp')).toMatchObject({ brokenJourneys: [], rtoSeconds: 0 });
    const needed = load('sync-external-dependency.fail.yaml', (t) => t.replace('needs: [web, db]', 'needs: [web, db, erp]'));
    expect(scenario(needed, 'external:erp')).toMatchObject({ brokenJourneys: ['sign-in'], rtoSeconds: null });
  });
});
