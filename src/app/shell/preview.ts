import { componentZones, type Design } from '../../model';
import { findKind, type Layer } from '../../catalog';

/**
 * A thumbnail of a design drawn from the model alone (no canvas, no layout engine): regions side
 * by side, their zones as columns, a dot per component in each zone it runs in, colored by layer,
 * and global components in a band above. Pure, so it is tested in Node and cheap to draw six times.
 */
export interface PreviewRect {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
}

export interface PreviewDot {
  x: number;
  y: number;
  layer: Layer | 'unknown';
  componentId: string;
}

export interface DesignPreview {
  width: number;
  height: number;
  regions: (PreviewRect & { zones: PreviewRect[] })[];
  dots: PreviewDot[];
}

export const LAYER_COLORS: Readonly<Record<Layer | 'unknown', string>> = {
  edge: '#0f6bd0',
  app: '#1e7f4f',
  async: '#b7791f',
  data: '#b3261e',
  storage: '#7b4bb7',
  security: '#d9480f',
  operations: '#5d6b7c',
  integration: '#0d8a8a',
  unknown: '#9aa5b1',
};

const DOT = 7;
const PAD = 6;
const BAND = 18;

/** Places `count` dots in a grid inside a box, left to right, top to bottom. */
function gridPositions(box: { x: number; y: number; width: number; height: number }, count: number): { x: number; y: number }[] {
  const columns = Math.max(1, Math.floor((box.width - 4) / DOT));
  return Array.from({ length: count }, (_, i) => ({
    x: box.x + 2 + DOT / 2 + (i % columns) * DOT,
    y: box.y + 2 + DOT / 2 + Math.floor(i / columns) * DOT,
  })).filter((p) => p.y < box.y + box.height);
}

export function designPreview(design: Design, width = 240, height = 132): DesignPreview {
  const layerOf = (kind: string): Layer | 'unknown' => findKind(kind)?.layer ?? 'unknown';
  const dots: PreviewDot[] = [];
  const global = design.components.filter((c) => c.region === undefined);
  gridPositions({ x: PAD, y: 2, width: width - 2 * PAD, height: BAND - 2 }, global.length).forEach((p, i) =>
    dots.push({ ...p, layer: layerOf(global[i]!.kind), componentId: global[i]!.id }),
  );

  const regionCount = Math.max(1, design.regions.length);
  const regionWidth = (width - PAD * (regionCount + 1)) / regionCount;
  const top = BAND + 4;
  const regions = design.regions.map((region, index) => {
    const x = PAD + index * (regionWidth + PAD);
    const zoneWidth = (regionWidth - 4 * (region.zones.length + 1)) / region.zones.length;
    const zones = region.zones.map((zone, zi) => ({ x: x + 4 + zi * (zoneWidth + 4), y: top + 14, width: zoneWidth, height: height - top - 14 - PAD, label: zone }));
    const inZone = new Map<string, { id: string; kind: string }[]>(region.zones.map((z) => [z, []]));
    for (const component of design.components) {
      if (component.region !== region.id) continue;
      for (const zone of componentZones(design, component)) inZone.get(zone)?.push(component);
    }
    zones.forEach((box) => {
      const members = inZone.get(box.label) ?? [];
      gridPositions({ ...box, y: box.y + 2 }, members.length).forEach((p, i) =>
        dots.push({ ...p, layer: layerOf(members[i]!.kind), componentId: members[i]!.id }),
      );
    });
    return { x, y: top, width: regionWidth, height: height - top - PAD + 4, label: region.name ?? region.location, zones };
  });
  return { width, height, regions, dots };
}

/** The sentence of a template's description that says when to use it. */
export function whenToUse(description: string | undefined): string {
  if (!description) return '';
  const sentences = description.replace(/\s+/g, ' ').trim().match(/[^.!?]+[.!?]+/g) ?? [description];
  const chosen = sentences.find((s) => /\b(use it|open it|use this|choose it)\b/i.test(s)) ?? sentences[sentences.length - 1]!;
  return chosen.trim();
}
