import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
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

describe('runbooks for the kinds a cluster, a stream and a private link bring', () => {
  const facts = designFacts(load(new URL('cluster-and-link.yaml', fixtureDir)));
  const files = generateRunbooks(facts);
  const text = (name: string) => files.find((f) => f.path.endsWith(`${name}.md`))!.contents;

  it('gets a cluster upgrade and a private link runbook, and treats the stream as a queue', () => {
    const modes = failureModesOf(facts);
    expect(modes.map((m) => m.id)).toEqual(expect.arrayContaining(['queue-backlog', 'cluster-upgrade', 'private-link-down', 'region-failover']));
    expect(modes.find((m) => m.id === 'queue-backlog')!.components).toEqual(['events']);
  });

  it('names a cluster\'s single-zone nodes, a link\'s single path, and images held in one region', () => {
    expect(text('cluster-upgrade')).toContain('every node is in zone a');
    expect(text('cluster-upgrade')).toContain('no pod disruption budgets');
    expect(text('private-link-down')).toContain('It is the only path');
    expect(text('region-failover')).toContain('holds images only in `primary`');
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
  /**
   * The document's structure as a Markdown parser sees it: every block and inline token, without
   * the text. Hostile text may change what a text or code span says, never what the tokens are.
   */
  const md = new MarkdownIt({ html: true, linkify: true });
  const structure = (text: string) => md.parse(text, {}).map((token) => (token.type === 'inline' ? `inline:${(token.children ?? []).map((child) => child.type).join(',')}` : token.type));
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
        });
      }),
      { numRuns: 25 },
    );
   }, 120_000); // generous: many parses, on shared CI machines
});

describe('region locations in copy-paste commands', () => {
  const base = load(new URL('multi-region-active-passive.yaml', templateDir));
  const commandsOf = (location: string) => {
    const design = { ...base, regions: base.regions.map((region) => ({ ...region, location })) };
    const facts = designFacts(design);
    const files = generateRunbooks(facts, failureModesOf(facts, failureScenarios(graphOf(design))));
    const md = new MarkdownIt();
    return files.flatMap((file) =>
      md
        .parse(file.contents, {})
        .flatMap((token) => token.children ?? [])
        .filter((token) => token.type === 'code_inline' && token.content.startsWith('aws ') && token.content.includes('--region'))
        .map((token) => token.content),
    );
  };

  // A location that is a region code is pasted as it is; anything else becomes a quoted `[FILL IN: region code of <region>]`.
  it('are one shell argument, whatever they hold', () => {
    expect(commandsOf('us-west-2').some((command) => command.endsWith('--region us-west-2'))).toBe(true);
    expect(commandsOf('us-west-2 $(echo injected)').some((command) => command.endsWith("--region '[FILL IN: region code of dr]'"))).toBe(true);
    for (const location of ['us-west-2 $(echo injected)', "x'; echo injected; '", 'a`echo injected`', 'a\nb|c && d', '``x``']) {
      const commands = commandsOf(location);
      expect(commands.length, location).toBeGreaterThan(0);
      for (const command of commands) {
        // Run as a POSIX shell would, with printf standing in for aws: each argument on a line.
        // Command substitutions the runbooks write themselves (`$(terraform output ...)`) are not run here.
        const words = command.slice('aws '.length).replace(/\$\([^()]*\)/g, 'SUBSTITUTED');
        const args = execFileSync('sh', ['-c', `set -- ${words}; printf '%s\\n' "$@"`], { encoding: 'utf8' }).split('\n').slice(0, -1);
        expect(args.at(-2), command).toBe('--region');
        expect(args.at(-1), command).toMatch(/^\[FILL IN: region code of (primary|dr)\]$/);
        expect(args.join(' ')).not.toContain('\ninjected');
      }
    }
  });
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
