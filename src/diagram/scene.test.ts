import { describe, expect, it } from 'vitest';
import { shippedTemplates } from '../../templates/shipped';
import type { Design } from '../model';
import { exportScene } from './scene';

const design = (file: string): Design => shippedTemplates().find(([name]) => name === file)![1];

describe('the scene of a selection', () => {
  const template = design('single-region-multi-az.yaml');
  const whole = exportScene(template);

  it('starts its region at the first chosen row: no empty rows above the part that was chosen', () => {
    // The PostgreSQL database and its backup vault sit low in a tall region.
    const part = exportScene(template, { selection: ['db', 'vault'] });
    const [region] = part.regions;
    const wholeRegion = whole.regions[0]!;
    const db = part.nodeById.get('db')!;
    expect(region!.height).toBeLessThan(wholeRegion.height / 2);
    // The chosen components' first row is the region's first row, as in the whole.
    const firstRowOffset = Math.min(...whole.nodes.filter((n) => n.component.region === 'primary').map((n) => n.y)) - wholeRegion.y;
    expect(Math.min(db.y, part.nodeById.get('vault')!.y) - region!.y).toBe(firstRowOffset);
  });

  it('keeps the chosen components where they are to each other, and in their zone columns', () => {
    const ids = ['web', 'db', 'redis', 'workers'];
    const part = exportScene(template, { selection: ids });
    const shift = part.nodeById.get('web')!.y - whole.nodeById.get('web')!.y;
    for (const id of ids) {
      expect(part.nodeById.get(id)!.x, id).toBe(whole.nodeById.get(id)!.x);
      expect(part.nodeById.get(id)!.y - whole.nodeById.get(id)!.y, id).toBe(shift);
    }
  });

  it('draws a chosen component of a second region inside its region when the regions have no stored corners', () => {
    const twoRegions = design('multi-region-active-active.yaml');
    const layout = Object.fromEntries(Object.entries(twoRegions.layout ?? {}).filter(([id]) => !twoRegions.regions.some((r) => r.id === id)));
    const west = twoRegions.components.find((c) => c.region === 'west')!;
    const part = exportScene({ ...twoRegions, layout }, { selection: [west.id] });
    const node = part.nodeById.get(west.id)!;
    const region = part.regions[0]!;
    expect(node.x).toBeGreaterThanOrEqual(region.x);
    expect(node.x + node.width).toBeLessThanOrEqual(region.x + region.width);
  });
});
