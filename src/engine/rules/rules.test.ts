import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import type { Design } from '../../model';
import { checkDesign } from '../analysis/analyze';
import { ALL_RULES, RULES } from './index';
import { SEVERITIES } from './types';

const here = import.meta.dirname;

function fixture(name: string): Design {
  const result = loadDesign(readFileSync(join(here, '__fixtures__', name), 'utf8'), { fileName: name });
  if (!result.ok) throw new Error(`${name}: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.design;
}

/** The rule ids suppressions and CI configurations name: stable, so none may vanish or be renamed. */
const REQUIRED_IDS = [
  'single-point-of-failure', 'zone-failure-breaks-journey', 'region-failure-exceeds-rto', 'rpo-exceeds-target', 'availability-below-target',
  'single-zone', 'missing-replica', 'no-backup', 'untested-backup', 'backup-same-boundary', 'stateful-app-tier', 'sync-external-dependency',
  'cache-as-durable-store', 'queue-without-dead-letter', 'no-health-checks', 'critical-dependency-unredundant', 'no-observability',
  'edge-unprotected', 'no-tenant-isolation', 'nat-single-zone', 'reporting-on-primary', 'no-progressive-delivery',
  'active-active-single-writer', 'dr-untested', 'no-autoscaling',
  'registry-single-region', 'key-value-without-pitr', 'stream-retention-below-recovery', 'one-zone-file-system', 'single-private-link',
  'cluster-nodes-single-zone',
];

/** For each rule: the component ids of each finding its failing fixture must raise (in order). */
const EXPECTED: Record<string, string[][]> = {
  'single-point-of-failure': [['web']],
  'zone-failure-breaks-journey': [['db']],
  'region-failure-exceeds-rto': [['alb', 'web', 'db']],
  'rpo-exceeds-target': [['db']],
  'availability-below-target': [['alb', 'web', 'db']],
  'single-zone': [['alb']],
  'missing-replica': [['db']],
  'no-backup': [['db'], ['files']],
  'untested-backup': [['db']],
  'backup-same-boundary': [['db']],
  'stateful-app-tier': [['web']],
  'sync-external-dependency': [['web', 'erp']],
  'cache-as-durable-store': [['sessions']],
  'queue-without-dead-letter': [['jobs']],
  'no-health-checks': [['alb']],
  'critical-dependency-unredundant': [['idp']],
  'no-observability': [[]],
  'edge-unprotected': [['alb']],
  'no-tenant-isolation': [['web']],
  'nat-single-zone': [['nat', 'workers']],
  'reporting-on-primary': [['reports', 'db']],
  'no-progressive-delivery': [['pipeline']],
  'active-active-single-writer': [['db', 'east-web', 'west-web']],
  'dr-untested': [['dr-alb', 'dr-web', 'dr-db']],
  'no-autoscaling': [['web']],
  'registry-single-region': [['registry']],
  'key-value-without-pitr': [['orders']],
  'stream-retention-below-recovery': [['events', 'billing']],
  'one-zone-file-system': [['share', 'web']],
  'single-private-link': [['vpn', 'erp']],
  'cluster-nodes-single-zone': [['k8s']],
};

describe('rule registry', () => {
  it('registers every rule file under its own id', () => {
    const files = readdirSync(here)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !['index.ts', 'types.ts', 'helpers.ts'].includes(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(RULES).sort()).toEqual(files);
    for (const [key, rule] of Object.entries(RULES)) expect(rule.id).toBe(key);
  });

  it('has unique kebab-case ids, including every stable id', () => {
    const ids = ALL_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect([...ids].sort()).toEqual([...REQUIRED_IDS].sort());
  });

  it('gives every rule a title, rationale, fix, sources and valid severities', () => {
    for (const rule of ALL_RULES) {
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(60);
      expect(rule.fix.length, rule.id).toBeGreaterThan(20);
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      expect(SEVERITIES).toContain(rule.severity);
      for (const severity of Object.values(rule.escalation ?? {})) expect(SEVERITIES).toContain(severity);
    }
  });

  it('has a failing and a passing fixture for every rule', () => {
    const fixtures = new Set(readdirSync(join(here, '__fixtures__')));
    for (const rule of ALL_RULES) {
      expect(fixtures.has(`${rule.id}.fail.yaml`), rule.id).toBe(true);
      expect(fixtures.has(`${rule.id}.pass.yaml`), rule.id).toBe(true);
      expect(EXPECTED[rule.id], rule.id).toBeDefined();
    }
  });
});

describe.each(ALL_RULES.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  it('fires on its failing fixture with the expected components', () => {
    const findings = checkDesign(fixture(`${id}.fail.yaml`), [rule]);
    expect(findings.map((f) => f.components)).toEqual(EXPECTED[id]);
    for (const f of findings) {
      expect(f.rule).toBe(id);
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.fix.length).toBeGreaterThan(10);
    }
  });

  it('stays quiet on its passing fixture', () => {
    expect(checkDesign(fixture(`${id}.pass.yaml`), [rule])).toEqual([]);
  });

  it(rule.autoFixable ? 'applies its automatic fixes so that the finding goes away' : 'offers no automatic fix, as it declares', () => {
    const design = fixture(`${id}.fail.yaml`);
    const fixable = checkDesign(design, [rule]).filter((f) => f.autoFix);
    if (!rule.autoFixable) {
      expect(fixable).toEqual([]);
      return;
    }
    expect(fixable.length, 'its failing fixture should give at least one automatic fix').toBeGreaterThan(0);
    for (const finding of fixable) {
      const fixed = finding.autoFix!.apply(design);
      expect(fixed).not.toBe(design);
      const after = checkDesign(fixed, [rule]).filter((f) => f.components.join() === finding.components.join());
      expect(after, finding.autoFix!.label).toEqual([]);
    }
  });
});

describe('suppressions', () => {
  it('marks suppressed findings with their reason and keeps them', () => {
    const design = fixture('stateful-app-tier.fail.yaml');
    const suppressed: Design = { ...design, suppressions: [{ rule: 'stateful-app-tier', component: 'web', reason: 'Sessions move to Redis in Q3; sticky sessions until then.' }] };
    const findings = checkDesign(suppressed, [RULES['stateful-app-tier']]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.suppressed).toEqual({ reason: 'Sessions move to Redis in Q3; sticky sessions until then.' });
  });

  it('does not suppress findings about other components', () => {
    const design = fixture('no-backup.fail.yaml');
    const suppressed: Design = { ...design, suppressions: [{ rule: 'no-backup', component: 'files', reason: 'Rebuilt from the ERP nightly.' }] };
    const findings = checkDesign(suppressed, [RULES['no-backup']]);
    expect(findings.map((f) => [f.components[0], Boolean(f.suppressed)])).toEqual([['db', false], ['files', true]]);
  });
});
