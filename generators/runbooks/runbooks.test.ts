import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/catalog';
import { formatProblem, type Design } from '../../src/model';
import { designFacts } from '../design-facts';
import { HOSTILE_FRAGMENTS, withNames } from '../testing';
import { failureScenarios, graphOf } from '../../src/engine';
import { failureModesOf, generateRunbooks } from './index';

const templateDir = new URL('../../templates/', import.meta.url);
const templates = readdirSync(templateDir).filter((file) => file.endsWith('.yaml')).sort();
const fixtureDir = new URL('./fixtures/', import.meta.url);

function load(url: URL): Design {
  const result = loadDesign(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.design;
}

const SECTIONS = ['## When it applies', '## Impact on the journeys', '## Triage', '## Recovery', '## Verification', '## Communication', '## Post-incident checklist'];

describe('which runbooks a design gets', () => {
  it('a single region with one database, no queue or cache: no region failover, queue or cache runbook', () => {
    const modes = failureModesOf(designFacts(load(new URL('single-region-db.yaml', fixtureDir))));
    expect(modes.map((m) => m.id)).toEqual(['database-failover', 'zone-loss', 'certificate-expiry', 'restore-from-backup', 'release-rollback']);
    expect(modes.find((m) => m.id === 'database-failover')!.components).toEqual(['db']);
  });

  it('active-passive: region failover over the replicated components, and every other mode it can suffer', () => {
    const modes = failureModesOf(designFacts(load(new URL('multi-region-active-passive.yaml', templateDir))));
    expect(modes.map((m) => m.id)).toEqual([
      'database-failover',
      'zone-loss',
      'region-failover',
      'queue-backlog',
      'cache-loss',
      'certificate-expiry',
      'identity-provider-outage',
      'external-integration-degraded',
      'restore-from-backup',
      'release-rollback',
    ]);
    expect(modes.find((m) => m.id === 'region-failover')!.components).toEqual(['web', 'db', 'redis', 'documents']);
    expect(modes.find((m) => m.id === 'region-failover')!.regions).toEqual(['primary', 'dr']);
  });
});

describe.each(templates)('runbooks for %s', (template) => {
  const design = load(new URL(template, templateDir));
  const files = generateRunbooks(designFacts(design));

  it('have every section, the targets, and name the components they are about', () => {
    const modes = failureModesOf(designFacts(design));
    expect(files.map((f) => f.path)).toEqual(['runbooks/README.md', ...modes.map((m) => `runbooks/${m.id}.md`)]);
    for (const mode of modes) {
      const text = files.find((f) => f.path === `runbooks/${mode.id}.md`)!.contents;
      for (const section of SECTIONS) expect(text, `${mode.id}: ${section}`).toContain(`\n${section}\n`);
      expect(text).toMatch(/RTO \d/);
      for (const id of mode.components) expect(text, `${mode.id} names ${id}`).toContain(`\`${id}\``);
      expect(text).toContain('[FILL IN: on-call rotation');
    }
  });

  it('restore from backup has a field for the measured restore time', () => {
    const restore = files.find((f) => f.path === 'runbooks/restore-from-backup.md');
    if (restore) expect(restore.contents).toContain('[FILL IN: measured restore time');
  });
});

describe('hostile names in runbooks', () => {
  const base = load(new URL('multi-region-active-passive.yaml', templateDir));
  /** Per line: its block marker (heading, list item, table row) and how many table cells it has. */
  const structure = (text: string) => text.split('\n').map((line) => `${/^(#+ |\d+\. |- \[ \] |- |\|)/.exec(line)?.[0] ?? ''}${line.split('|').length}`);
  const withScenarios = (design: Design) => {
    const facts = designFacts(design);
    return generateRunbooks(facts, failureModesOf(facts, failureScenarios(graphOf(design))));
  };
  const benign = withScenarios(base);

  it('never add a heading, table cell, link, HTML tag or code span', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ unit: 'binary', maxLength: 10 })), { minLength: 1, maxLength: 8 }), (parts) => {
        const name = parts.join('');
        const files = withScenarios(withNames(base, () => name));
        expect(files.map((f) => f.path)).toEqual(benign.map((f) => f.path));
        files.forEach((file, index) => {
          const before = benign[index]!.contents;
          expect(file.contents.split('\n').length, file.path).toBe(before.split('\n').length);
          expect(structure(file.contents), file.path).toEqual(structure(before));
          for (const pattern of [/<[a-z]/gi, /\]\(/g, /`/g]) expect(file.contents.match(pattern)?.length ?? 0, `${file.path} ${pattern}`).toBe(before.match(pattern)?.length ?? 0);
        });
      }),
      { numRuns: 25 },
    );
   }, 120_000); // generous: many parses, on shared CI machines
});

describe('with the engine\'s failure scenarios', () => {
  it('each runbook carries the scenarios it covers and their estimates against the targets', () => {
    const design = load(new URL('multi-region-active-passive.yaml', templateDir));
    const facts = designFacts(design);
    const modes = failureModesOf(facts, failureScenarios(graphOf(design)));
    expect(modes.find((m) => m.id === 'region-failover')!.scenarios!.map((s) => s.id)).toEqual(['region:primary', 'region:dr']);
    expect(modes.find((m) => m.id === 'database-failover')!.scenarios!.map((s) => s.id)).toEqual(['component:db', 'component:dr-db']);
    expect(modes.find((m) => m.id === 'restore-from-backup')!.scenarios!.every((s) => s.kind === 'corruption')).toBe(true);
    expect(modes.find((m) => m.id === 'release-rollback')!.scenarios).toEqual([]);
    const text = generateRunbooks(facts, modes).find((f) => f.path === 'runbooks/region-failover.md')!.contents;
    expect(text).toContain('## Estimates for this design');
    expect(text).toMatch(/\| Region US East \(us-east-1\) fails \| .* \| \d+m/);
  });
});
