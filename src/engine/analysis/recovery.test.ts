import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import type { Design } from '../../model';
import { buildGraph } from '../graph';
import { simulateFailure } from './journeys';
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
    // 90 s health checks + 60 s TTL + 600 s warm standby = 750 s.
    expect(journey!.rtoSeconds).toBe(750);
  });

  it('takes longer with a pilot light and with manual DNS', () => {
    const pilot = load('region-failure-exceeds-rto.pass.yaml', (t) => t.replace('strategy: warm-standby', 'strategy: pilot-light'));
    expect(simulateFailure(pilot, { regions: ['main'] }).journeys[0]!.rtoSeconds).toBe(90 + 60 + 2700);
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
      'corruption:db',
    ]);
  });

  it('estimates the data lost: none for a synchronous standby, a day for daily snapshots after corruption', () => {
    const withPitr = load('rpo-exceeds-target.pass.yaml');
    expect(scenario(withPitr, 'zone:main/a').rpoSeconds).toBe(0);
    expect(scenario(withPitr, 'corruption:db').rpoSeconds).toBe(0);
    const daily = load('rpo-exceeds-target.fail.yaml');
    expect(scenario(daily, 'corruption:db').rpoSeconds).toBe(86400);
    expect(scenario(daily, 'corruption:db').brokenJourneys).toEqual(['sign-in']);
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
    expect(region.rtoSeconds).toBe(750);
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
