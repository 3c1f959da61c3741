import { describe, expect, it } from 'vitest';
import { readDesignText, type Design } from './index';
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
