import { describe, expect, it } from 'vitest';
import { designSchema, MAX_ZONES_PER_REGION, readDesignText, type Design } from './index';
import * as edits from './edits';
import { checkReferences } from './references';

const base = readDesignText(`ninesmith: 1
name: Edits
regions:
  - { id: primary, location: us-east-1, zones: [a, b] }
components:
  - { id: users, kind: users }
  - { id: web, kind: app-service, region: primary, zones: [a, b] }
  - { id: db, kind: relational-db, region: primary, zones: [a] }
connections:
  - { from: users, to: web }
  - { from: web, to: db }
journeys:
  - { id: browse, name: Browse, from: users, needs: [web, db] }
layout:
  web: { x: 1, y: 2 }
`);
if (!base.ok) throw new Error('fixture');
const design: Design = base.design;

describe('document edits keep the design valid', () => {
  it('removing a component removes its connections, journey needs and position', () => {
    const next = edits.removeItems(design, ['db']);
    expect(next.connections).toEqual([{ from: 'users', to: 'web', mode: 'sync' }]);
    expect(next.journeys[0]!.needs).toEqual(['web']);
    expect(checkReferences(next)).toEqual([]);
    expect(design.components).toHaveLength(3);
  });

  it('renaming a zone renames it where it is used', () => {
    const next = edits.renameZone(design, 'primary', 'a', 'x');
    expect(next.regions[0]!.zones).toEqual(['x', 'b']);
    expect(next.components.find((c) => c.id === 'db')!.zones).toEqual(['x']);
    expect(checkReferences(next)).toEqual([]);
  });

  it('adding a zone stops at the most a region may have', () => {
    let next = design;
    for (let n = 0; n < 40; n += 1) next = edits.addZone(next, 'primary', `z${n}`);
    expect(next.regions[0]!.zones).toHaveLength(MAX_ZONES_PER_REGION);
    expect(edits.addZone(next, 'primary', 'another')).toEqual(next);
    expect(designSchema.safeParse(next).success).toBe(true);
  });

  it('removing a zone moves components that lived only there', () => {
    const next = edits.removeZone(design, 'primary', 'a');
    expect(next.components.find((c) => c.id === 'db')!.zones).toEqual(['b']);
    expect(checkReferences(next)).toEqual([]);
  });

  it('pastes under fresh ids, with the connections among the pasted components', () => {
    const clip = { components: design.components.filter((c) => c.id !== 'users'), connections: design.connections, layout: design.layout };
    const { design: next, idMap } = edits.pasteComponents(design, clip);
    expect([...idMap.values()]).toEqual(['web-2', 'db-2']);
    expect(next.connections).toContainEqual({ from: 'web-2', to: 'db-2', mode: 'sync' });
    expect(next.layout!['web-2']).toEqual({ x: 41, y: 42 });
    expect(checkReferences(next)).toEqual([]);
  });

  it('refuses duplicate and self connections', () => {
    expect(edits.addConnection(design, { from: 'web', to: 'db', mode: 'sync' })).toBe(design);
    expect(edits.addConnection(design, { from: 'web', to: 'web', mode: 'sync' })).toBe(design);
    expect(edits.addConnection(design, { from: 'web', to: 'db', mode: 'async' }).connections).toHaveLength(3);
  });
});

describe('placement edits', () => {
  it('toggles a zone in the region\'s order and never takes the last one away', () => {
    expect(edits.toggleComponentZone(design, 'db', 'b').components.find((c) => c.id === 'db')!.zones).toEqual(['a', 'b']);
    const web = edits.toggleComponentZone(design, 'web', 'a');
    expect(web.components.find((c) => c.id === 'web')!.zones).toEqual(['b']);
    expect(edits.toggleComponentZone(design, 'db', 'a')).toBe(design);
    expect(edits.zonesAfterToggle(design, design.components.find((c) => c.id === 'db')!, 'a')).toEqual([]);
    expect(edits.toggleComponentZone(design, 'db', 'z')).toBe(design);
    expect(edits.toggleComponentZone(design, 'users', 'a')).toBe(design);
  });

  it('moves a component to another region keeping the zones that region has, or out of any region', () => {
    const twoRegions = edits.addRegion(design, { id: 'west', location: 'us-west-2', role: 'secondary', zones: ['b', 'c'] });
    const moved = edits.setComponentRegion(twoRegions, 'web', 'west').components.find((c) => c.id === 'web')!;
    expect(moved).toMatchObject({ region: 'west', zones: ['b'] });
    const db = edits.setComponentRegion(twoRegions, 'db', 'west').components.find((c) => c.id === 'db')!;
    expect(db.region).toBe('west');
    expect(db.zones).toBeUndefined();
    const global = edits.setComponentRegion(twoRegions, 'web', undefined).components.find((c) => c.id === 'web')!;
    expect(global.region).toBeUndefined();
    expect(global.zones).toBeUndefined();
  });

  it('places components dropped into zone lanes, and out of regions', () => {
    const next = edits.placeComponents(design, { db: { region: 'primary', zones: ['b'] }, web: { region: undefined, zones: ['a'] } });
    expect(next.components.find((c) => c.id === 'db')!.zones).toEqual(['b']);
    expect(next.components.find((c) => c.id === 'web')).toMatchObject({ region: undefined, zones: undefined });
    expect(next.components.find((c) => c.id === 'users')).toBe(design.components.find((c) => c.id === 'users'));
  });

  it('replaces the layout with whole-number positions', () => {
    expect(edits.replaceLayout(design, { web: { x: 1.4, y: 2.6 } }).layout).toEqual({ web: { x: 1, y: 3 } });
  });
});

describe('regions proposed by the canvas and the design panel', () => {
  it('names the first region primary, later ones after their location, with the provider\'s zone names', () => {
    const empty = { ...design, regions: [], components: [], connections: [], journeys: [], layout: undefined };
    const first = edits.addProposedRegion(empty, { position: { x: 10.4, y: 20.6 } });
    expect(first.id).toBe('primary');
    expect(first.design.regions[0]).toEqual({ id: 'primary', location: 'us-east-1', role: 'primary', zones: ['a', 'b', 'c'] });
    expect(first.design.layout).toEqual({ primary: { x: 10, y: 21 } });
    const second = edits.addProposedRegion(first.design);
    expect(second.design.regions[1]).toEqual({ id: 'us-west-2', location: 'us-west-2', role: 'secondary', zones: ['a', 'b', 'c'] });
    const typed = edits.addProposedRegion(second.design, { location: ' eu-west-1 ' });
    expect(typed.id).toBe('eu-west-1');
    const azure = edits.addProposedRegion({ ...empty, provider: 'azure' });
    expect(azure.design.regions[0]).toMatchObject({ location: 'eastus', zones: ['1', '2', '3'] });
  });
});

describe('design fields, tiers, connections and suppressions', () => {
  it('sets and clears one target of a tier override, dropping empty overrides', () => {
    const set = edits.setTierOverride(design, 'premium', 'rto', '30m');
    expect(set.tiers).toEqual({ premium: { rto: '30m' } });
    const both = edits.setTierOverride(set, 'premium', 'availability', 99.97);
    expect(both.tiers).toEqual({ premium: { rto: '30m', availability: 99.97 } });
    expect(edits.setTierOverride(edits.setTierOverride(both, 'premium', 'rto', undefined), 'premium', 'availability', undefined).tiers).toBeUndefined();
  });

  it('labels a connection, and an empty label removes it', () => {
    const labelled = edits.setConnectionLabel(design, 'web->db:sync', 'orders');
    expect(labelled.connections[1]).toEqual({ from: 'web', to: 'db', mode: 'sync', label: 'orders' });
    expect(edits.setConnectionLabel(labelled, 'web->db:sync', '  ').connections[1]!.label).toBeUndefined();
  });

  it('updates the design\'s own fields', () => {
    expect(edits.updateDesignFields(design, { name: 'Renamed', tenancy: 'cells' })).toMatchObject({ name: 'Renamed', tenancy: 'cells', components: design.components });
  });

  it('adds a suppression and removes the ones covering a finding\'s components', () => {
    const suppressed = edits.addSuppression(design, { rule: 'single-zone', component: 'db', reason: 'batch only' });
    const designWide = edits.addSuppression(suppressed, { rule: 'no-observability', reason: 'elsewhere' });
    expect(designWide.suppressions).toHaveLength(2);
    expect(edits.removeSuppressions(designWide, 'single-zone', ['web']).suppressions).toHaveLength(2);
    expect(edits.removeSuppressions(designWide, 'single-zone', ['db']).suppressions).toEqual([{ rule: 'no-observability', reason: 'elsewhere' }]);
    expect(edits.removeSuppressions(designWide, 'no-observability', ['db']).suppressions).toEqual([{ rule: 'single-zone', component: 'db', reason: 'batch only' }]);
  });

  it('merges props one level deep, as automatic fixes write them', () => {
    const db = design.components.find((c) => c.id === 'db')!;
    const withBackup = edits.mergeProps({ ...db, props: { backup: { enabled: true, retentionDays: 7 } } }, { backup: { retentionDays: 35 }, ha: 'multi-az' });
    expect(withBackup.props).toEqual({ backup: { enabled: true, retentionDays: 35 }, ha: 'multi-az' });
  });
});

describe('pricing edits', () => {
  it('set and remove a usage input, leaving no empty pricing behind', () => {
    const withUsage = edits.setUsageInput(design, 'web', 'internetEgressGbPerMonth', 500);
    expect(withUsage.pricing).toEqual({ usage: { web: { internetEgressGbPerMonth: 500 } } });
    expect(design.pricing).toBeUndefined();
    expect(edits.setUsageInput(withUsage, 'web', 'internetEgressGbPerMonth', undefined).pricing).toBeUndefined();
  });

  it('keep other pricing settings when adjustments change', () => {
    const priced = edits.setUsageInput(design, 'db', 'backupStorageGb', 300);
    const adjusted = edits.setPriceAdjustments(priced, [{ scope: 'aws', percent: -10 }]);
    expect(adjusted.pricing).toEqual({ usage: { db: { backupStorageGb: 300 } }, adjustments: [{ scope: 'aws', percent: -10 }] });
    expect(edits.setPriceAdjustments(adjusted, []).pricing).toEqual({ usage: { db: { backupStorageGb: 300 } } });
  });

  it('set a commitment profile beside the usage, and remove it with on-demand', () => {
    const committed = edits.setCommitment(edits.setUsageInput(design, 'web', 'internetEgressGbPerMonth', 500), '3-year');
    expect(committed.pricing).toEqual({ usage: { web: { internetEgressGbPerMonth: 500 } }, commitment: '3-year' });
    expect(edits.setCommitment(committed, 'on-demand').pricing).toEqual({ usage: { web: { internetEgressGbPerMonth: 500 } } });
    expect(edits.setCommitment(design, 'on-demand').pricing).toBeUndefined();
  });
});
