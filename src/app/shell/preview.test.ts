import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import { designPreview, whenToUse } from './preview';

function template(name: string) {
  const result = loadDesign(readFileSync(new URL(`../../../templates/${name}.yaml`, import.meta.url), 'utf8'));
  if (!result.ok) throw new Error(`${name} does not load`);
  return result.design;
}

describe('template previews', () => {
  it('draws both regions of an active-active design with their zones, and a dot per component and zone', () => {
    const design = template('multi-region-active-active');
    const preview = designPreview(design);
    expect(preview.regions.map((r) => r.zones.length)).toEqual(design.regions.map((r) => r.zones.length));
    const first = preview.regions[0]!;
    const second = preview.regions[1]!;
    expect(first.x + first.width).toBeLessThanOrEqual(second.x);
    const placed = new Set(preview.dots.map((d) => d.componentId));
    for (const component of design.components) expect(placed.has(component.id)).toBe(true);
    for (const dot of preview.dots) {
      expect(dot.x).toBeGreaterThanOrEqual(0);
      expect(dot.x).toBeLessThanOrEqual(preview.width);
      expect(dot.layer).not.toBe('unknown');
    }
  });

  it('puts a component that spans zones in each of them', () => {
    const design = template('single-region-multi-az');
    const spanning = design.components.find((c) => (c.zones?.length ?? 0) >= 2)!;
    expect(designPreview(design).dots.filter((d) => d.componentId === spanning.id)).toHaveLength(spanning.zones!.length);
  });

  it('picks the sentence that says when to use a template', () => {
    expect(whenToUse('Both regions serve. Each tenant has a home. Use it for the mission-critical tier, when minutes count.')).toBe(
      'Use it for the mission-critical tier, when minutes count.',
    );
    expect(whenToUse('What many platforms look like. Open it to see what the checks catch.')).toBe('Open it to see what the checks catch.');
  });
});
