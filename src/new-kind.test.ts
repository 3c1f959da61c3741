import { describe, expect, it, vi } from 'vitest';
import { loadDesign, type ComponentKind } from './catalog';
import type * as Registry from './catalog/registry';
import { analyzeDesign, type DesignAnalysis } from './engine';
import { estimateCost } from './engine/cost';
import { formatProblem, type Design } from './model';
import { generateExport } from '../generators';

/**
 * A kind the catalog has never seen, registered only here: shared code must treat it by what it
 * answers, not by its id. The document database below holds records like the relational database
 * and says so through its traits, with props of its own names.
 */
vi.mock('./catalog/registry', async (importOriginal) => {
  const actual = await importOriginal<typeof Registry>();
  const { documentDb } = await import('./__fixtures__/document-db-kind');
  const kinds = new Map<string, ComponentKind>([...actual.ALL_KINDS.map((kind) => [kind.id, kind] as const), ['document-db', documentDb]]);
  return {
    ...actual,
    ALL_KINDS: [...kinds.values()],
    findKind: (id: string) => kinds.get(id),
    kindOf: (component: { kind: string }) => {
      const kind = kinds.get(component.kind);
      if (!kind) throw new Error(`Unknown component kind "${component.kind}"`);
      return kind;
    },
  };
});

/** The same platform with its database written as either kind. */
function platform(database: string): Design {
  const text = `ninesmith: 1
name: Records platform
tier: premium
regions:
- {id: main, location: us-east-1, zones: [a, b, c]}
components:
- {id: users, kind: users}
- {id: dns, kind: dns}
- {id: waf, kind: waf, props: {rateLimiting: true}}
- {id: alb, kind: load-balancer, region: main, zones: [a, b, c]}
- id: web
  kind: app-service
  region: main
  zones: [a, b, c]
  replicas: 3
  props: {autoscaling: {enabled: true, min: 3, max: 9}, perTenantRateLimits: true}
${database}
- {id: monitoring, kind: observability, props: {alerting: true, syntheticChecks: true}}
- {id: pipeline, kind: ci-cd, props: {strategy: canary, automatedRollback: true, breakGlass: true}}
connections:
- {from: users, to: dns}
- {from: dns, to: waf}
- {from: waf, to: alb}
- {from: alb, to: web}
- {from: web, to: db}
journeys:
- {id: sign-in, name: Sign in, from: users, needs: [web, db]}
`;
  const result = loadDesign(text);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.design;
}

const SINGLE = {
  relational: `- id: db
  kind: relational-db
  region: main
  zones: [a, b]
  props: {ha: single, storageGb: 200, backup: {enabled: true, pitr: true, retentionDays: 14, restoreTestedDays: 30, separateAccount: true}}`,
  document: `- id: db
  kind: document-db
  region: main
  zones: [a, b]
  props: {topology: standalone, volumeGb: 200, snapshots: {on: true, continuous: true, keepDays: 14, restoreTestedDays: 30, otherAccount: true}}`,
};

const REPLICATED = {
  relational: `- id: db
  kind: relational-db
  region: main
  zones: [a, b, c]
  replicas: 3
  props: {ha: cluster, storageGb: 200, backup: {enabled: true, pitr: true, retentionDays: 14, restoreTestedDays: 30, separateAccount: true}}`,
  document: `- id: db
  kind: document-db
  region: main
  zones: [a, b, c]
  props: {topology: replica-set, members: 3, volumeGb: 200, snapshots: {on: true, continuous: true, keepDays: 14, restoreTestedDays: 30, otherAccount: true}}`,
};

/** What the engine concludes, without the words that name kinds: findings, journeys and recovery. */
function conclusions(analysis: DesignAnalysis) {
  return {
    findings: analysis.findings.map((f) => `${f.rule} ${f.severity} [${f.components.join(',')}]`).sort(),
    journeys: analysis.journeys.map((j) => ({ id: j.id, percent: j.percent, meetsTarget: j.meetsTarget })),
    scenarios: analysis.scenarios.map((s) => ({ id: s.id, broken: s.brokenJourneys, rto: s.rtoSeconds, rpo: s.rpoSeconds })),
  };
}

describe('a kind added outside the catalog, answering as a relational database does', () => {
  it.each([
    ['a single instance', SINGLE],
    ['a replicated cluster', REPLICATED],
  ])('gets the same findings, journey availability and recovery estimates as %s', (_case, variants) => {
    const relational = conclusions(analyzeDesign(platform(variants.relational)));
    const document = conclusions(analyzeDesign(platform(variants.document)));
    expect(document).toEqual(relational);
  });

  it('is caught by the four rules the review saw it escape when it runs as one instance', () => {
    const rules = new Set(analyzeDesign(platform(SINGLE.document)).findings.filter((f) => f.components.includes('db')).map((f) => f.rule));
    for (const rule of ['single-point-of-failure', 'missing-replica', 'single-zone', 'zone-failure-breaks-journey']) expect(rules).toContain(rule);
  });

  it("is fixed by its own remedy: the automatic fix writes the kind's props, and the finding goes away", () => {
    const design = platform(SINGLE.document);
    const finding = analyzeDesign(design).findings.find((f) => f.rule === 'missing-replica' && f.components.includes('db'))!;
    expect(finding.autoFix).toBeDefined();
    const fixed = finding.autoFix!.apply(design);
    expect(fixed.components.find((c) => c.id === 'db')!.props).toMatchObject({ topology: 'replica-set' });
    expect(analyzeDesign(fixed).findings.some((f) => f.rule === 'missing-replica' && f.components.includes('db'))).toBe(false);
  });

  it('gets the database runbooks, and Terraform says it is not generated rather than leaving it out in silence', () => {
    const files = generateExport(platform(SINGLE.document), { targets: ['terraform', 'runbooks'] });
    const text = (path: string) => files.find((f) => f.path === path)?.contents ?? '';
    expect(text('runbooks/database-failover.md')).toContain('`db`');
    expect(text('runbooks/restore-from-backup.md')).toContain('`db`');
    expect(text('terraform/README.md')).toMatch(/## Not generated here[\s\S]*`db`.*document-db/);
  });

  it('is priced as unsupported, with the reason, until it has an estimator', () => {
    const report = estimateCost(platform(SINGLE.document), []);
    const lines = report.lineItems.filter((line) => line.componentId === 'db');
    expect(lines.some((line) => line.status === 'unsupported' && line.notes.join(' ').includes('document-db'))).toBe(true);
  });
});
