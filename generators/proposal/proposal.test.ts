import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDesign, syntheticDesign } from '../../src/catalog';
import { formatProblem, type Design } from '../../src/model';
import { estimateCost, parsePriceCatalog } from '../../src/engine/cost';
import awsCatalog from '../../public/prices/aws.json';
import { HOSTILE_FRAGMENTS, withNames } from '../testing';
import { generateProposal, MAX_DETAILED_FINDINGS, MAX_FIX_EFFECTS, PROPOSAL_PATH } from './index';

// The golden file of every template's proposal is checked by generators/golden.test.ts with the other targets.
const here = dirname(fileURLToPath(import.meta.url));
const templateDir = join(here, '..', '..', 'templates');
const templates = readdirSync(templateDir).filter((file) => file.endsWith('.yaml')).sort();
const catalogs = [parsePriceCatalog(awsCatalog, 'public/prices/aws.json')];

function load(path: string): Design {
  const result = loadDesign(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.design;
}

function proposal(design: Design): string {
  const files = generateProposal(design, { catalogs });
  expect(files.map((f) => f.path)).toEqual([PROPOSAL_PATH]);
  return files[0]!.contents;
}

describe.each(templates)('the proposal of %s', (template) => {
  const design = load(join(templateDir, template));

  it('has every section, each journey with its arithmetic and the total of the cost report', () => {
    const contents = proposal(design);
    const headings = contents.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## Summary',
      '## Architecture by layer and region',
      '## Availability per journey',
      '## Recovery per failure scenario',
      '## Monthly cost by layer',
      '## Open findings and what fixing them buys',
      '## Assumptions',
    ]);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Each journey: what caps its modelled figure, and its SLA floor worked out (or why it is unknown).
    for (const journey of design.journeys) expect(contents).toMatch(new RegExp(`^- \\*\\*${escape(journey.name)}:\\*\\* most expected downtime from .*SLA floor(: .* = \\d| unknown: no published SLA)`, 'm'));
    for (const journey of design.journeys) expect(contents).toMatch(new RegExp(`^\\| ${escape(journey.name)} \\| 99\\.\\d+% \\| 9\\d\\.\\d+% to 9\\d\\.\\d+% \\| `, 'm'));
    const total = estimateCost(design, catalogs).monthly;
    expect(contents).toContain(`| **Total** | **$${total.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}** |`);
    for (const component of design.components) expect(contents).toContain(`(\`${component.id}\`)`);
  });
});

describe('the proposal', () => {
  it('says what applying a finding\'s suggested change buys, from the comparison of the design before and after', () => {
    const contents = proposal(load(join(here, '..', '..', 'src', 'engine', 'compare', 'fixtures', 'api-single-zone.yaml')));
    const lines = contents.split('\n').filter((line) => line.startsWith('- **Applying the suggested change:**'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((line) => /\+\$[\d,]+\.\d\d a month/.test(line) && /nines/.test(line))).toBe(true);
  });

  it('keeps hostile names from adding headings, table cells, links or tags', () => {
    const design = withNames(load(join(templateDir, 'single-region-multi-az.yaml')), (_kind, index) => HOSTILE_FRAGMENTS[index % HOSTILE_FRAGMENTS.length]!, { locations: false });
    const contents = proposal(design);
    expect(contents.split('\n').filter((line) => line.startsWith('## '))).toHaveLength(7);
    expect(contents).not.toMatch(/<script>|\]\(https:\/\/evil/);
    const architecture = contents.split('## Architecture by layer and region')[1]!.split('\n## ')[0]!;
    for (const row of architecture.split('\n').filter((line) => line.startsWith('| '))) expect(row.split(' | ')).toHaveLength(5);
  });
});

describe('the proposal of a large design', () => {
  it('describes the first findings one by one and counts the rest by rule, so it is written in seconds, not minutes', () => {
    const contents = proposal(syntheticDesign(600, 2));
    expect(contents.match(/^### /gm)).toHaveLength(MAX_DETAILED_FINDINGS);
    expect((contents.match(/^- \*\*Applying the suggested change:/gm) ?? []).length).toBeLessThanOrEqual(MAX_FIX_EFFECTS);
    expect(contents).toMatch(/^And \d+ more findings, by rule/m);
    expect(contents).toMatch(/^- `missing-replica` \(critical\): .*, \d+$/m);
  });
});
