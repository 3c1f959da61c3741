import { kindTileSvg } from '../../diagram';

const tiles = new Map<string, string>();

/**
 * A kind's symbol on its layer's tile as a CSS `url()`, made once per kind and shared by every node
 * of that kind: one painted image per node instead of an inline SVG of several elements, which
 * React would create again for each node that scrolls into view. The same picture as the exports.
 */
export function kindTileImage(kind: string): string {
  let image = tiles.get(kind);
  if (image === undefined) {
    image = `url("data:image/svg+xml,${encodeURIComponent(kindTileSvg(kind))}")`;
    tiles.set(kind, image);
  }
  return image;
}
