// Writes the generated sections of docs/ from the code they describe, so the documentation cannot
// drift from the catalog, the rules, the assumptions, the SLA figures or the price catalogs.
//
//   npm run docs                               # rewrite every generated section
//   npx tsx scripts/docs/build.ts --check      # exit 1, naming the stale files, when docs/ is out of date
//
// A generated section sits between two markers; everything outside them is written by hand:
//
//   <!-- generated:rules (npm run docs writes this section; do not edit it by hand) -->
//   ...
//   <!-- end generated:rules -->
//
// The readers below are deliberately loose (a prop spec is any object with key, label, help, type and
// maybe default, choices, fields...), so a change in the shape of the catalog's types needs at most a
// small change here, and the docs test says when the output moved.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { ALL_KINDS, AWS_SLA } from '../../src/catalog';
import { ASSUMPTIONS, RULES } from '../../src/engine';
import { parsePriceCatalog } from '../../src/engine/cost';
import { BUILT_IN_TIERS, formatDuration } from '../../src/model';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PRICES_DIR = join(ROOT, 'public', 'prices');

// ---------------------------------------------------------------------------------------------
// Markdown helpers

/** A table cell: one line, pipes escaped. */
export function cell(text: string): string {
  return text.replace(/\r?\n+/g, ' ').replace(/\|/g, '\\|').trim();
}

const code = (value: unknown): string => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Plain string order: the same on every machine, whatever its locale. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The anchor of a section (`§4.1` -> `sec-4-1`) or a rule (`HA-001` -> `ha-001`) in reliability-reference.md. */
export function referenceAnchor(ref: string): string {
  if (ref.startsWith('§')) return `sec-${ref.slice(1).replace(/\./g, '-')}`;
  return ref.toLowerCase();
}

/** Every `§x.y` and `HA-nnn` cited right after a mention of docs/reliability-reference.md. */
export const REFERENCE_CITATION = /docs\/reliability-reference\.md((?:[\s,;]*(?:and\s+)?(?:§\d+(?:\.\d+)*|HA-\d{3}))+)/g;
const REFERENCE_ITEM = /§\d+(?:\.\d+)*|HA-\d{3}/g;

/** Links mentions of our own docs inside a source string (rules.md and sources.md sit beside them). */
export function linkSources(text: string): string {
  const escaped = text.replace(/\|/g, '\\|');
  return escaped
    .replace(REFERENCE_CITATION, (_match, refs: string) => {
      const linked = refs.replace(REFERENCE_ITEM, (ref) => `[${ref}](reliability-reference.md#${referenceAnchor(ref)})`);
      return `[docs/reliability-reference.md](reliability-reference.md)${linked}`;
    })
    .replace(/(?<!\[)docs\/(design-format|cli|rules|sources|performance)\.md/g, (_match, name: string) => `[docs/${name}.md](${name}.md)`);
}

// ---------------------------------------------------------------------------------------------
// Component kinds (docs/design-format.md)

/** A prop spec as the docs read it: the catalog's specs, or anything shaped like them. */
interface LooseSpec {
  key: string;
  label?: string;
  help?: string;
  type?: string;
  default?: unknown;
  choices?: readonly (string | { value: string; label?: string })[];
  fields?: unknown;
  min?: number;
  max?: number;
  unit?: string;
  nullable?: boolean;
  nullLabel?: string;
  suggestions?: readonly string[];
  maxLength?: number;
}

/** Props as a list of specs, whether the catalog declares them as an array or keyed by prop name. */
export function specsOf(props: unknown): LooseSpec[] {
  if (Array.isArray(props)) return props as LooseSpec[];
  if (props && typeof props === 'object') {
    return Object.entries(props as Record<string, object>).map(([key, spec]) => ({ key, ...(spec as Partial<LooseSpec>) }));
  }
  return [];
}

function describeType(spec: LooseSpec): string {
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const kind = spec.type === 'integer' ? 'whole number' : 'number';
      const range =
        spec.min !== undefined && spec.max !== undefined
          ? `, ${spec.min} to ${spec.max}`
          : spec.min !== undefined
            ? `, at least ${spec.min}`
            : spec.max !== undefined
              ? `, at most ${spec.max}`
              : '';
      const unit = spec.unit ? ` (${spec.unit})` : '';
      const nullable = spec.nullable ? `, or \`null\`${spec.nullLabel ? ` (${spec.nullLabel.toLowerCase()})` : ''}` : '';
      return `${kind}${range}${unit}${nullable}`;
    }
    case 'boolean':
      return '`true` or `false`';
    case 'choice': {
      const choices = (spec.choices ?? []).map((choice) => (typeof choice === 'string' ? code(choice) : `${code(choice.value)}${choice.label ? ` (${choice.label})` : ''}`));
      return `one of ${choices.join(', ')}`;
    }
    case 'text': {
      const limit = `text, up to ${spec.maxLength ?? 500} characters`;
      return spec.suggestions && spec.suggestions.length > 0 ? `${limit}; e.g. ${spec.suggestions.map(code).join(', ')}` : limit;
    }
    case 'region':
      return 'the id of a region of the design';
    case 'group':
      return 'a group of the fields below';
    default:
      return spec.type ?? '';
  }
}

function describeDefault(spec: LooseSpec): string {
  if (spec.type === 'group') return '';
  if (spec.default !== undefined) return code(spec.default);
  if (spec.nullable) return `\`null\`${spec.nullLabel ? ` (${spec.nullLabel.toLowerCase()})` : ''}`;
  return 'none';
}

function propRows(specs: readonly LooseSpec[], prefix = ''): string[][] {
  return specs.flatMap((spec) => {
    const row = [code(`${prefix}${spec.key}`), describeType(spec), describeDefault(spec), `${spec.label ? `**${spec.label}.** ` : ''}${spec.help ?? ''}`];
    return spec.type === 'group' ? [row, ...propRows(specsOf(spec.fields), `${prefix}${spec.key}.`)] : [row];
  });
}

const PLACEMENT: Record<string, string> = {
  regional: 'regional: `region` required',
  global: 'global: no `region`',
  either: '`region` optional',
};

/** A value in YAML's flow style, as a design file may write it: `{ha: multi-az, backup: {enabled: true}}`. */
const flow = (value: unknown): string => yaml.dump(value, { flowLevel: 0, lineWidth: -1, schema: yaml.CORE_SCHEMA }).trim();

export function renderKindsOverview(): string {
  const rows = ALL_KINDS.map((kind) => [
    `[${code(kind.id)}](#kind-${kind.id})`,
    kind.title,
    kind.layer,
    PLACEMENT[kind.capabilities.placement] ?? kind.capabilities.placement,
    kind.capabilities.stateful ? 'yes' : 'no',
  ]);
  return table(['kind', 'title', 'layer', 'placement', 'holds state'], rows);
}

export function renderKinds(): string {
  return ALL_KINDS.map((kind) => {
    const specs = specsOf(kind.props);
    const lines = [`<a id="kind-${kind.id}"></a>`, `### \`${kind.id}\`: ${kind.title}`, '', kind.description, ''];
    const placement = PLACEMENT[kind.capabilities.placement] ?? kind.capabilities.placement;
    lines.push(`**Layer:** ${kind.layer}. **Placement:** ${placement}. **State:** ${kind.capabilities.stateful ? 'holds state' : 'stateless'}.`, '');
    const starts: string[] = [];
    if (kind.initialReplicas !== undefined) starts.push(`\`replicas: ${kind.initialReplicas}\``);
    if (kind.initialProps && Object.keys(kind.initialProps).length > 0) starts.push(`\`props: ${flow(kind.initialProps)}\``);
    if (starts.length > 0) lines.push(`Drawn in the designer, a new one starts with ${starts.join(' and ')}.`, '');
    lines.push(specs.length > 0 ? table(['prop', 'type', 'default', 'meaning'], propRows(specs)) : 'No props.');
    return lines.join('\n');
  }).join('\n\n');
}

export function renderTiers(): string {
  const rows = Object.values(BUILT_IN_TIERS).map((tier) => [
    code(tier.id),
    `${tier.availability}%`,
    formatDuration(tier.rtoSeconds),
    formatDuration(tier.rpoSeconds),
    `${(((100 - tier.availability) / 100) * 730 * 60).toFixed(1)} min`,
  ]);
  return table(['tier', 'availability', 'RTO', 'RPO', 'downtime a 730-hour month at that availability'], rows);
}

// ---------------------------------------------------------------------------------------------
// Rules (docs/rules.md)

/** The built-in tier classes, in order of strictness (the rules' escalation keys). */
const TIER_CLASSES = ['standard', 'premium', 'mission-critical'] as const;

interface LooseRule {
  id: string;
  title: string;
  severity: string;
  escalation?: Readonly<Record<string, string | undefined>>;
  category: string;
  rationale: string;
  fix: string;
  sources: readonly string[];
}

const allRules = (): LooseRule[] => (Object.values(RULES) as LooseRule[]).slice().sort((a, b) => byText(a.id, b.id));

const severityFor = (rule: LooseRule, tierClass: string): string => rule.escalation?.[tierClass] ?? rule.severity;

export function renderRuleSummary(): string {
  const rows = allRules().map((rule) => [`[${code(rule.id)}](#${rule.id})`, rule.title, ...TIER_CLASSES.map((tier) => severityFor(rule, tier)), rule.category]);
  return table(['rule', 'title', 'standard', 'premium', 'mission-critical', 'category'], rows);
}

export function renderRules(): string {
  return allRules()
    .map((rule) => {
      const escalations = TIER_CLASSES.filter((tier) => tier !== 'standard' && severityFor(rule, tier) !== rule.severity).map((tier) => `${severityFor(rule, tier)} for ${tier}`);
      const severity = `**Severity:** ${rule.severity}${escalations.length > 0 ? ` (${escalations.join(', ')})` : ''}. **Category:** ${rule.category}.`;
      return [
        `<a id="${rule.id}"></a>`,
        `### \`${rule.id}\`: ${rule.title}`,
        '',
        severity,
        '',
        `**Why it matters.** ${rule.rationale}`,
        '',
        `**Fix.** ${rule.fix}`,
        '',
        '**Sources.**',
        '',
        ...rule.sources.map((source) => `- ${linkSources(source)}`),
      ].join('\n');
    })
    .join('\n\n');
}

/** The catalog rules of reliability-reference.md §6: HA-001 to HA-042. */
const CATALOG_SIZE = 42;

/** Which of Ninesmith's rules cite each catalog rule (HA-nnn) among their sources. */
export function renderCatalogCrosswalk(): string {
  const citedBy = new Map<string, string[]>();
  for (const rule of allRules()) {
    for (const source of rule.sources) {
      for (const id of source.match(/HA-\d{3}/g) ?? []) {
        const rules = citedBy.get(id) ?? [];
        if (!rules.includes(rule.id)) rules.push(rule.id);
        citedBy.set(id, rules);
      }
    }
  }
  const ids = Array.from({ length: CATALOG_SIZE }, (_, i) => `HA-${String(i + 1).padStart(3, '0')}`);
  const rows = ids.filter((id) => citedBy.has(id)).map((id) => [`[${id}](#${referenceAnchor(id)})`, citedBy.get(id)!.map((rule) => `[${code(rule)}](rules.md#${rule})`).join(', ')]);
  const unchecked = ids.filter((id) => !citedBy.has(id)).map((id) => `[${id}](#${referenceAnchor(id)})`);
  return [
    table(['catalog rule', 'checked by'], rows),
    '',
    unchecked.length > 0 ? `Not cited by any rule's sources (not checked, or checked only in part under another entry): ${unchecked.join(', ')}.` : 'Every catalog rule is cited by at least one rule.',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Sources (docs/sources.md)

/** The known fields of an assumption; anything else a newer assumption carries is listed as it is. */
const ASSUMPTION_FIELDS = new Set(['id', 'text', 'seconds', 'source', 'heuristic']);

export function renderAssumptions(): string {
  const rows = Object.values(ASSUMPTIONS as Record<string, Record<string, unknown>>).map((assumption) => {
    const figures: string[] = [];
    if (typeof assumption.seconds === 'number') figures.push(formatDuration(assumption.seconds));
    for (const [key, value] of Object.entries(assumption)) {
      if (ASSUMPTION_FIELDS.has(key) || value === undefined) continue;
      figures.push(`${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
    }
    return [
      code(String(assumption.id)),
      String(assumption.text ?? ''),
      figures.join('; ') || '—',
      assumption.heuristic === true ? 'heuristic: an order of magnitude' : 'published figure or definition',
      linkSources(String(assumption.source ?? '')),
    ];
  });
  return table(['id', 'what is assumed', 'figure', 'kind of figure', 'source'], rows);
}

export function renderSlas(): string {
  const rows = Object.entries(AWS_SLA as Record<string, { percent: number; service: string; source: string; asOf?: string; verified: boolean; note?: string }>).map(([key, sla]) => [
    code(key),
    sla.service,
    `${sla.percent}%`,
    /^https?:\/\//.test(sla.source) ? `<${sla.source}>` : sla.source,
    sla.asOf ?? 'not stated',
    sla.verified ? 'yes' : `no${sla.note ? `: ${sla.note}` : ''}`,
  ]);
  return table(['figure', 'service and configuration', 'monthly uptime', 'source', 'page last updated', 'verified'], rows);
}

/** The date an `asOf` text starts with (`2025-07-07 (golden last regenerated; ...)` -> `2025-07-07`). */
const leadingDate = (asOf: string): string => /^\d{4}(-\d{2}){0,2}/.exec(asOf)?.[0] ?? asOf;

export function renderPriceSources(dir = PRICES_DIR): string {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort(byText);
  return files
    .map((name) => {
      const catalog = parsePriceCatalog(JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown, name);
      const services = new Map<string, { prices: number; regions: Set<string>; dates: Set<string>; sources: Set<string>; kinds: Set<string>; uncertain: number }>();
      for (const price of catalog.prices) {
        const entry = services.get(price.service) ?? { prices: 0, regions: new Set(), dates: new Set(), sources: new Set(), kinds: new Set(), uncertain: 0 };
        entry.kinds.add(price.sourceKind ?? 'unclassified');
        entry.prices += 1;
        entry.regions.add(price.region);
        entry.dates.add(leadingDate(price.asOf));
        entry.sources.add(price.source);
        if (price.uncertain) entry.uncertain += 1;
        services.set(price.service, entry);
      }
      const rows = [...services.entries()]
        .sort(([a], [b]) => byText(a, b))
        .map(([service, entry]) => [
          service,
          String(entry.prices),
          [...entry.regions].sort(byText).join(', '),
          [...entry.dates].sort(byText).join(', '),
          entry.uncertain > 0 ? String(entry.uncertain) : '',
          [...entry.kinds].sort(byText).join(', '),
          [...entry.sources].sort(byText).join('<br>'),
        ]);
      const lines = [
        `### \`${catalog.provider}\` (\`public/prices/${name}\`)`,
        '',
        `${catalog.prices.length} prices in ${catalog.currency}, ${catalog.hoursPerMonth} hours a month, the oldest dated ${catalog.asOf}. A region not listed for a service has no price for it here: estimates say so, and never use another region's price.`,
        '',
        table(['service', 'prices', 'regions', 'dated', 'marked uncertain', 'kind of source', 'sources'], rows),
      ];
      if (catalog.notFound.length > 0) lines.push('', 'Looked for and not found, so not priced:', '', ...catalog.notFound.map((gap) => `- ${gap}`));
      return lines.join('\n');
    })
    .join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Files and markers

/** Each generated file, and each section in it, by marker name. */
export const GENERATED: Readonly<Record<string, Readonly<Record<string, () => string>>>> = {
  'docs/design-format.md': { tiers: renderTiers, 'kinds-overview': renderKindsOverview, kinds: renderKinds },
  'docs/rules.md': { 'rules-summary': renderRuleSummary, rules: renderRules },
  'docs/reliability-reference.md': { 'catalog-crosswalk': renderCatalogCrosswalk },
  'docs/sources.md': { assumptions: renderAssumptions, slas: renderSlas, prices: () => renderPriceSources() },
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces what lies between a section's markers (keeping the markers); throws naming a missing marker. */
export function replaceSection(text: string, name: string, body: string, file: string): string {
  const start = new RegExp(`<!-- generated:${escapeRegExp(name)}(?: [^>]*)? -->\\n`);
  const end = `<!-- end generated:${name} -->`;
  const begin = start.exec(text);
  if (!begin) throw new Error(`${file}: no "<!-- generated:${name} -->" marker`);
  const from = begin.index + begin[0].length;
  const to = text.indexOf(end, from);
  if (to < 0) throw new Error(`${file}: no "${end}" marker after "<!-- generated:${name} -->"`);
  return `${text.slice(0, from)}\n${body}\n\n${text.slice(to)}`;
}

export interface DocFile {
  path: string;
  current: string;
  expected: string;
}

/** Every generated doc as it is on disk and as it should be. */
export function buildDocs(root = ROOT): DocFile[] {
  return Object.entries(GENERATED).map(([path, sections]) => {
    const current = readFileSync(join(root, path), 'utf8');
    let expected = current;
    for (const [name, render] of Object.entries(sections)) expected = replaceSection(expected, name, render(), path);
    return { path, current, expected };
  });
}

function main(): void {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const doc of buildDocs()) {
    if (doc.current === doc.expected) continue;
    if (check) {
      stale += 1;
      process.stderr.write(`${doc.path} is stale: run \`npm run docs\`\n`);
    } else {
      writeFileSync(join(ROOT, doc.path), doc.expected);
      process.stdout.write(`wrote ${doc.path}\n`);
    }
  }
  if (stale > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
