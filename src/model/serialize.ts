import yaml from 'js-yaml';
import type { Component, Design, Journey, Region } from './schema';
import type { TextFormat } from './parse';

type Plain = Record<string, unknown>;

/** Drops undefined values so optional fields that are absent stay absent. */
function compact(entries: [string, unknown][]): Plain {
  const out: Plain = {};
  for (const [key, value] of entries) if (value !== undefined) out[key] = value;
  return out;
}

/** Nested plain values with their keys sorted, so props read the same whatever order they were set in. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Plain = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Plain)[key];
    if (child !== undefined) out[key] = sortedKeys(child);
  }
  return out;
}

const regionDocument = (region: Region): Plain =>
  compact([
    ['id', region.id],
    ['name', region.name],
    ['location', region.location],
    ['role', region.role],
    ['zones', [...region.zones]],
    ['strategy', region.strategy],
    ['failoverTestedDays', region.failoverTestedDays],
  ]);

const componentDocument = (component: Component): Plain =>
  compact([
    ['id', component.id],
    ['kind', component.kind],
    ['name', component.name],
    ['description', component.description],
    ['region', component.region],
    ['zones', component.zones ? [...component.zones] : undefined],
    ['replicas', component.replicas],
    ['props', component.props && Object.keys(component.props).length > 0 ? sortedKeys(component.props) : undefined],
  ]);

const journeyDocument = (journey: Journey): Plain =>
  compact([
    ['id', journey.id],
    ['name', journey.name],
    ['description', journey.description],
    ['from', journey.from],
    ['needs', [...journey.needs]],
    ['target', journey.target],
  ]);

/**
 * The design as a plain document in the canonical key order of docs/design-format.md. Writing the
 * same design always gives the same text, so diffs in git show only what changed.
 */
export function toDocument(design: Design): Plain {
  const componentOrder = new Map(design.components.map((c, i) => [c.id, i]));
  const regionOrder = new Map(design.regions.map((r, i) => [r.id, design.components.length + i]));
  const layout = design.layout
    ? Object.fromEntries(
        Object.entries(design.layout)
          .sort(([a], [b]) => (componentOrder.get(a) ?? regionOrder.get(a) ?? 0) - (componentOrder.get(b) ?? regionOrder.get(b) ?? 0))
          .map(([id, point]) => [id, { x: point.x, y: point.y }]),
      )
    : undefined;
  return compact([
    ['ninesmith', design.ninesmith],
    ['name', design.name],
    ['description', design.description],
    ['provider', design.provider],
    ['tier', design.tier],
    ['tiers', design.tiers ? sortedKeys(design.tiers) : undefined],
    ['tenancy', design.tenancy],
    ['regions', design.regions.map(regionDocument)],
    ['components', design.components.map(componentDocument)],
    ['connections', design.connections.map((c) => compact([['from', c.from], ['to', c.to], ['mode', c.mode], ['label', c.label]]))],
    ['journeys', design.journeys.map(journeyDocument)],
    ['suppressions', design.suppressions?.map((s) => compact([['rule', s.rule], ['component', s.component], ['reason', s.reason]]))],
    ['pricing', design.pricing ? sortedKeys(design.pricing) : undefined],
    ['assumptions', design.assumptions ? sortedKeys(design.assumptions) : undefined],
    ['proposal', design.proposal ? compact([['client', design.proposal.client], ['consultant', design.proposal.consultant], ['date', design.proposal.date], ['version', design.proposal.version], ['logo', design.proposal.logo]]) : undefined],
    ['layout', layout],
  ]);
}

/** Serialises a design as YAML (the default, for people and git) or JSON. */
export function serializeDesign(design: Design, format: TextFormat = 'yaml'): string {
  const document = toDocument(design);
  if (format === 'json') return `${JSON.stringify(document, null, 2)}\n`;
  return yaml.dump(document, { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"', flowLevel: -1 });
}
