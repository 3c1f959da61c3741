import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../src/catalog';
import type { Design } from '../src/model';
import { analyzeDesign, severityRank, simulateFailure } from '../src/engine';

const here = import.meta.dirname;
const root = resolve(here, '..');
const templateFiles = readdirSync(here).filter((file) => file.endsWith('.yaml')).sort();

function template(file: string): Design {
  const result = loadDesign(readFileSync(join(here, file), 'utf8'), { fileName: file });
  if (!result.ok) throw new Error(`${file}: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.design;
}

/** `severity rule components`, one per finding, most severe first: each template's findings pinned. */
const EXPECTED: Record<string, string[]> = {
  'erp-on-kubernetes': [
    // Self-operated data services and one region: modelled just under the premium target (its description says so).
    'high availability-below-target waf,nlb,traefik,erp-app,attachments',
    'high no-tenant-isolation traefik,erp-app',
    'high region-failure-exceeds-rto waf,nlb,traefik,erp-app,erp-workers,job-queue,postgres,redis,attachments,idp',
    // Point-in-time recovery reaches the second before a corruption; the writes until it is noticed are lost.
    'medium rpo-exceeds-target postgres',
  ],
  'event-driven-active-passive': [
    // As active-passive: the writes made until a corruption is noticed are lost, on both sides of the global table.
    'medium rpo-exceeds-target timesheets',
    'medium rpo-exceeds-target dr-timesheets',
  ],
  'first-launch-common-mistakes': [
    'critical rpo-exceeds-target files',
    'critical single-point-of-failure alb',
    'critical single-point-of-failure web',
    'critical single-point-of-failure db',
    'high availability-below-target alb,web,db,erp',
    'high backup-same-boundary db',
    'high edge-unprotected alb',
    'high missing-replica db',
    'high no-backup files',
    'high no-health-checks alb',
    'high no-health-checks web',
    'high no-observability ',
    'high single-zone alb',
    'high single-zone web',
    'high single-zone db',
    'high stateful-app-tier web',
    'high sync-external-dependency web,erp',
    'high untested-backup db',
    'high zone-failure-breaks-journey alb,web,db',
    'medium critical-dependency-unredundant pipeline',
    'medium no-autoscaling web',
    'medium no-progressive-delivery pipeline',
    'medium no-tenant-isolation web',
    'medium region-failure-exceeds-rto alb,web,db',
  ],
  'multi-region-active-active': [
    // Documents replicate with a 15-minute commitment; the mission-critical RPO is 1 minute.
    'high rpo-exceeds-target east-documents',
    'high rpo-exceeds-target west-documents',
    'medium rpo-exceeds-target east-db',
    'medium rpo-exceeds-target west-db',
  ],
  'multi-region-active-passive': ['medium rpo-exceeds-target db', 'medium rpo-exceeds-target dr-db'],
  'multi-tenant-with-dedicated-cell': [
    // One region and the API gateway: just under premium for the shared tenants (its description says so).
    'high availability-below-target gateway,alb,shared-app,shared-db',
    'high region-failure-exceeds-rto gateway,alb,shared-app,shared-db,enterprise-app,enterprise-db',
    'medium rpo-exceeds-target shared-db',
    'medium rpo-exceeds-target enterprise-db',
    // The enterprise cell's 99.99% is out of reach of anything inside the design: the shared edge alone uses its budget.
    'info availability-below-target gateway,alb,enterprise-app,enterprise-db',
  ],
  'single-region-multi-az': [
    // One region by design (its description says so): a region loss outlasts the premium RTO.
    'high region-failure-exceeds-rto alb,web,reports,jobs,erp-outbox,workers,db,redis,documents',
    'medium rpo-exceeds-target db',
  ],
};

describe('templates through the whole engine (in Node)', () => {
  it('pins the findings of every template', () => {
    expect(templateFiles.map((file) => file.replace(/\.yaml$/, ''))).toEqual(Object.keys(EXPECTED).sort());
    for (const file of templateFiles) {
      const analysis = analyzeDesign(template(file));
      const actual = analysis.findings.map((f) => `${f.severity} ${f.rule} ${f.components.join(',')}`);
      expect(actual, file).toEqual(EXPECTED[file.replace(/\.yaml$/, '')]);
    }
  });

  it('the first-launch template shows its mistakes', () => {
    const rules = new Set(analyzeDesign(template('first-launch-common-mistakes.yaml')).findings.map((f) => f.rule));
    for (const rule of ['single-point-of-failure', 'single-zone', 'missing-replica', 'untested-backup', 'stateful-app-tier', 'sync-external-dependency', 'zone-failure-breaks-journey', 'no-health-checks', 'no-observability', 'edge-unprotected']) {
      expect(rules, rule).toContain(rule);
    }
  });

  it('the multi-AZ, active-passive and active-active templates raise nothing critical, and no high topology or data finding on multi-AZ', () => {
    for (const file of ['single-region-multi-az.yaml', 'multi-region-active-passive.yaml', 'multi-region-active-active.yaml']) {
      const { findings, scorecard } = analyzeDesign(template(file));
      expect(findings.filter((f) => f.severity === 'critical'), file).toEqual([]);
      expect(scorecard.findings.critical).toBe(0);
      expect(scorecard.zoneRto.meets, file).toBe(true);
    }
    const multiAz = analyzeDesign(template('single-region-multi-az.yaml'));
    const structural = multiAz.findings.filter((f) => ['topology', 'data'].includes(f.category) && severityRank(f.severity) >= severityRank('high'));
    expect(structural).toEqual([]);
  });

  it('meets its tier by the modelled figure, or says in its description what it trades away', () => {
    for (const file of templateFiles) {
      const design = template(file);
      const journeys = analyzeDesign(design).journeys;
      const missed = journeys.filter((j) => !j.meetsTarget);
      if (missed.length > 0) expect(design.description, file).toMatch(/trades away|misses/);
      for (const j of journeys) expect(j.modelled, `${file} ${j.id}`).not.toBeNull();
    }
  });

  it('names journeys the same across templates, so a comparison lines them up', () => {
    const ids = new Map(templateFiles.map((file) => [file, new Set(template(file).journeys.map((j) => j.id))]));
    for (const [file, journeys] of ids) {
      if (file.startsWith('multi-tenant')) continue;
      expect([...journeys].filter((id) => ['sign-in', 'submit-timesheet'].includes(id)).sort(), file).toEqual(['sign-in', 'submit-timesheet']);
    }
    for (const file of ['single-region-multi-az.yaml', 'multi-region-active-passive.yaml', 'multi-region-active-active.yaml', 'erp-on-kubernetes.yaml']) {
      expect(ids.get(file)!.has('download-document'), file).toBe(true);
    }
  });

  it('raises every journey of the single-region design with the second region of the active-passive one', () => {
    const single = analyzeDesign(template('single-region-multi-az.yaml')).journeys;
    const passive = analyzeDesign(template('multi-region-active-passive.yaml')).journeys;
    for (const journey of passive) {
      const before = single.find((j) => j.id === journey.id)!;
      expect(journey.modelled!.availability, journey.id).toBeGreaterThan(before.modelled!.availability);
      // The region incident is what the second region buys back.
      const region = (j: typeof journey) => j.modelled!.contributors.find((c) => c.kind === 'region')?.minutesPerMonth ?? 0;
      expect(region(journey)).toBeLessThan(region(before));
    }
  });

  it('fails over the active-passive and active-active templates within their RTO when the primary region goes', () => {
    const passive = simulateFailure(template('multi-region-active-passive.yaml'), { regions: ['primary'] });
    expect(passive.journeys.every((j) => j.up && j.servedByFailover && j.rtoSeconds! <= 3600)).toBe(true);
    const active = simulateFailure(template('multi-region-active-active.yaml'), { regions: ['east'] });
    expect(active.journeys.every((j) => j.up && j.rtoSeconds! <= 15 * 60)).toBe(true);
  });

  it('is deterministic: the same design gives the same analysis', () => {
    for (const file of templateFiles) {
      const strip = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
      expect(strip(analyzeDesign(template(file)))).toEqual(strip(analyzeDesign(template(file))));
    }
  });

  it('keeps the engine free of React, the DOM and Node: its import graph reaches only the model, the catalog, zod and js-yaml', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
        const specifier = match[1]!;
        if (!specifier.startsWith('.')) {
          packages.add(specifier);
          continue;
        }
        let target = resolve(dirname(file), specifier);
        try {
          readFileSync(`${target}.ts`);
          target = `${target}.ts`;
        } catch {
          target = join(target, 'index.ts');
        }
        visit(target);
      }
    };
    visit(join(root, 'src/engine/index.ts'));
    const folders = new Set([...seen].map((file) => relative(root, file).split('/').slice(0, 2).join('/')));
    expect([...folders].sort()).toEqual(['src/catalog', 'src/engine', 'src/model']);
    expect([...packages].sort()).toEqual(['js-yaml', 'zod']);
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });
});
