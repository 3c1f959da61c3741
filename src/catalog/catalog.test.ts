import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_KINDS, KINDS, LAYERS, effectiveProps, findKind, kindContext, loadDesign, propDefaults, propsSchema, syntheticDesign } from './index';
import { formatProblem, serializeDesign } from '../model';

const KIND_FILES = readdirSync(new URL('./kinds/', import.meta.url)).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));

/** docs/design-format.md, "Component kinds": the kinds format 1 promises. */
const CONTRACT_KINDS = [
  'users', 'dns', 'cdn', 'waf', 'load-balancer', 'api-gateway', 'ingress', 'nat-gateway', 'app-service', 'worker-pool', 'scheduler',
  'queue', 'relational-db', 'cache', 'object-storage', 'data-warehouse', 'identity-provider', 'secrets-manager',
  'key-management', 'observability', 'ci-cd', 'backup-vault', 'external-system',
  'serverless-function', 'kubernetes-cluster', 'event-stream', 'notification-topic', 'key-value-db', 'search-cluster',
  'shared-file-system', 'container-registry', 'email-delivery', 'sms-delivery', 'private-connectivity', 'admin-access',
];

describe('the catalog of component kinds', () => {
  it('has every kind of the format, one file each, registered under its own id', () => {
    expect(Object.keys(KINDS).sort()).toEqual([...CONTRACT_KINDS].sort());
    expect(KIND_FILES.map((file) => file.replace(/\.ts$/, '')).sort()).toEqual([...CONTRACT_KINDS].sort());
    for (const [key, kind] of Object.entries(KINDS)) expect(kind.id).toBe(key);
  });

  it.each(ALL_KINDS.map((kind) => [kind.id, kind] as const))('%s declares a layer, help for every prop, and valid defaults', (_id, kind) => {
    expect(LAYERS).toContain(kind.layer);
    expect(kind.description.length).toBeGreaterThan(40);
    const walk = (specs: typeof kind.props) => {
      for (const spec of specs) {
        expect(spec.help.length, `${kind.id}.${spec.key} help`).toBeGreaterThan(15);
        if (spec.type === 'group') walk(spec.fields);
        if (spec.type === 'choice') expect(spec.choices.map((c) => c.value)).toContain(spec.default);
      }
    };
    walk(kind.props);
    expect(propsSchema(kind).safeParse(propDefaults(kind)).success).toBe(true);
    if (kind.initialProps) expect(propsSchema(kind).safeParse(kind.initialProps).success).toBe(true);
  });

  it('reads props over the kind\'s defaults, nested groups included', () => {
    const kind = findKind('relational-db')!;
    const props = effectiveProps(kind, { props: { ha: 'multi-az', backup: { enabled: true } } });
    expect(props.ha).toBe('multi-az');
    expect(props.readReplicas).toBe(0);
    expect(props.backup).toMatchObject({ enabled: true, pitr: false, retentionDays: 7 });
  });

  it('cites a source for every published SLA it gives', () => {
    const design = syntheticDesign(200, 3);
    for (const component of design.components) {
      const kind = findKind(component.kind)!;
      const sla = kind.slaOf(component, kindContext(design, component));
      if (sla) {
        expect(sla.percent).toBeGreaterThan(90);
        expect(sla.source.length).toBeGreaterThan(5);
      }
    }
  });

  it('refuses unknown kinds, undeclared props, wrong prop types and misplaced components, by path', () => {
    const base = `ninesmith: 1
name: Props
regions:
  - { id: primary, location: us-east-1, zones: [a, b] }
components:
  - { id: users, kind: users }
  - { id: db, kind: relational-db, region: primary, props: { ha: multi-az, backup: { retentionDays: 7 } } }
`;
    const problems = (text: string) => {
      const result = loadDesign(text);
      return result.ok ? [] : result.problems.map(formatProblem);
    };
    expect(problems(base)).toEqual([]);
    expect(problems(base.replace('kind: users', 'kind: mainframe'))[0]).toMatch(/^components\[0\]\.kind: unknown kind "mainframe"/);
    expect(problems(base.replace('ha: multi-az', 'ha: triple'))[0]).toMatch(/^components\[1\]\.props\.ha: /);
    expect(problems(base.replace('ha: multi-az', 'color: red'))).toEqual(['components[1].props: Relational database has no prop "color"']);
    expect(problems(base.replace('retentionDays: 7', 'retentionDays: seven'))[0]).toMatch(/^components\[1\]\.props\.backup\.retentionDays: /);
    expect(problems(base.replace('retentionDays: 7', 'copyToRegion: mars'))).toEqual(['components[1].props.backup.copyToRegion: no region with id "mars"']);
    expect(problems(base.replace(', region: primary', ''))).toEqual(['components[1].region: required: a relational database runs in a region']);
    // Every problem at once: a wrong reference does not hide a wrong prop.
    expect(problems(base.replace('kind: users }', 'kind: users }\n  - { id: web, kind: app-service, region: mars }').replace('ha: multi-az', 'ha: triple'))).toEqual([
      'components[1].region: no region with id "mars"',
      expect.stringMatching(/^components\[2\]\.props\.ha: /),
    ]);
    expect(problems(base.replace('kind: users', 'kind: users, region: primary'))).toEqual(['components[0].region: a users is global: it has no region']);
  });

  it('generates valid synthetic designs of any size, the same for the same seed', () => {
    for (const size of [10, 1000]) {
      const design = syntheticDesign(size, 7);
      expect(design.components).toHaveLength(size);
      const reloaded = loadDesign(serializeDesign(design));
      expect(reloaded.ok ? [] : reloaded.problems.map(formatProblem)).toEqual([]);
    }
    const large = syntheticDesign(5000, 1);
    expect(large.connections.length / large.components.length).toBeGreaterThan(1.15);
    expect(syntheticDesign(300, 5)).toEqual(syntheticDesign(300, 5));
    expect(syntheticDesign(300, 5)).not.toEqual(syntheticDesign(300, 6));
  });
});
