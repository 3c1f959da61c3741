import { xmlText, type ConnectionMode, type Design } from '../model';
import type { DiagramEdge, DiagramNode, RegionBox, Scene } from './geometry';
import { colourOf, iconOf } from './kinds';
import {
  COLUMN_CAPTIONS,
  KIND_SIZE,
  kindLine,
  MODE_COLOURS,
  MODE_TITLES,
  nameLayout,
  NETWORK_NAMES,
  TEXT_LEFT,
  TILE_INSET,
  TILE_SIZE,
  ZONE_CAPTIONS,
} from './labels';
import { exportScene, type ExportScope } from './scene';
import { iconElements, roundedPath, svgNumber } from './shapes';
import { DIAGRAM_FONT_FAMILY, textWidth, wrapText } from './text';

/**
 * The diagram as a standalone SVG document: light, print-ready, the same picture as the canvas.
 * Each component is a `<g data-component="ID">` holding its box and name, each connection a
 * `<path data-from="ID" data-to="ID" data-mode="MODE">`, so tests and users' scripts can read it.
 * Every text of the design is escaped (names are whatever a person typed).
 */

export interface DiagramSvgOptions extends ExportScope {
  /** The design's name as a title above the diagram (default true). */
  title?: boolean;
  /** The legend of the connection modes drawn, below the diagram (default true; none when nothing is connected). */
  legend?: boolean;
  /** Blank margin around everything, in px (default 32). */
  margin?: number;
}

const TITLE_HEIGHT = 56;
const LEGEND_HEIGHT = 44;

const f = svgNumber;
const attr = (value: string) => xmlText(value);

function regionSvg(box: RegionBox, design: Pick<Design, 'provider'>): string {
  const { region } = box;
  const caption = `${region.name ?? region.id}`;
  const meta = `${region.location} · ${region.role}`;
  const parts: string[] = [];
  parts.push(`<g data-region="${attr(region.id)}">`);
  parts.push(`<rect x="${f(box.x)}" y="${f(box.y)}" width="${f(box.width)}" height="${f(box.height)}" rx="10" fill="#f7f9fc" stroke="#7f93ab" stroke-width="1.5"/>`);
  parts.push(`<text x="${f(box.x + 14)}" y="${f(box.y + 28)}" font-size="16" font-weight="bold" fill="#1b2430">${xmlText(caption)}<tspan font-size="13" font-weight="normal" fill="#5d6b7c" dx="10">${xmlText(meta)}</tspan></text>`);
  const n = box.network;
  parts.push(`<rect x="${f(n.x)}" y="${f(n.y)}" width="${f(n.width)}" height="${f(n.height)}" rx="6" fill="#f4faf3" stroke="#4f8a3c" stroke-width="1.2"/>`);
  parts.push(`<text x="${f(n.x + 10)}" y="${f(n.y + 20)}" font-size="12" font-weight="bold" fill="#3d6e2e">${xmlText(NETWORK_NAMES[design.provider])}</text>`);
  for (const zone of box.zones) {
    parts.push(`<g data-zone="${attr(zone.zone)}"><rect x="${f(zone.x)}" y="${f(zone.y)}" width="${f(zone.width)}" height="${f(zone.height)}" rx="6" fill="#eef3fa" stroke="#8fa7c4" stroke-width="1" stroke-dasharray="5 4"/>`);
    parts.push(`<text x="${f(zone.x + zone.width / 2)}" y="${f(zone.y + 20)}" font-size="12" fill="#41556d" text-anchor="middle">${xmlText(`${ZONE_CAPTIONS[design.provider]} ${zone.zone}`)}</text></g>`);
  }
  for (const column of box.columns) {
    parts.push(`<rect x="${f(column.x)}" y="${f(column.y)}" width="${f(column.width)}" height="${f(column.height)}" rx="6" fill="#ffffff" stroke="#c3ccd7" stroke-width="1" stroke-dasharray="2 3"/>`);
    parts.push(`<text x="${f(column.x + column.width / 2)}" y="${f(column.y + 20)}" font-size="12" fill="#5d6b7c" text-anchor="middle">${xmlText(COLUMN_CAPTIONS[column.kind])}</text>`);
  }
  parts.push('</g>');
  return parts.join('');
}

const DASHES: Readonly<Record<ConnectionMode, string>> = { sync: '', async: ' stroke-dasharray="8 5"', replication: '', backup: ' stroke-dasharray="1.5 5" stroke-linecap="round"' };

function edgeSvg(edge: DiagramEdge): string {
  const { connection } = edge;
  const d = roundedPath(edge.points);
  const colour = MODE_COLOURS[connection.mode];
  const ends = `data-from="${attr(connection.from)}" data-to="${attr(connection.to)}" data-mode="${connection.mode}"`;
  const rail = connection.mode === 'replication' ? `<path d="${d}" fill="none" stroke="${colour}" stroke-width="5"/>` : '';
  const stroke = connection.mode === 'replication' ? '#ffffff' : colour;
  const width = connection.mode === 'backup' ? 2.2 : 1.6;
  const label = connection.label ? edgeLabel(edge, connection.label) : '';
  return `<g class="connection">${rail}<path ${ends} d="${d}" fill="none" stroke="${stroke}" stroke-width="${width}"${DASHES[connection.mode]} marker-end="url(#arrow-${connection.mode})"/>${label}</g>`;
}

function edgeLabel(edge: DiagramEdge, text: string): string {
  // On the longest segment, in a white box.
  let best = 0;
  let at = { x: 0, y: 0 };
  for (let i = 0; i + 1 < edge.points.length; i += 1) {
    const p = edge.points[i]!;
    const q = edge.points[i + 1]!;
    const length = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
    if (length > best) {
      best = length;
      at = { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 };
    }
  }
  const line = wrapText(text, 160, 11, false, 1)[0] ?? '';
  const width = textWidth(line, 11) + 8;
  return `<rect x="${f(at.x - width / 2)}" y="${f(at.y - 8)}" width="${f(width)}" height="16" rx="3" fill="#ffffff" opacity="0.92"/><text x="${f(at.x)}" y="${f(at.y + 4)}" font-size="11" fill="#3b4a5e" text-anchor="middle">${xmlText(line)}</text>`;
}

export function nodeSvg(node: DiagramNode): string {
  const colour = colourOf(node.component.kind);
  const name = nameLayout(node);
  const { lines } = name;
  const inColumns = node.place === 'network';
  const kind = kindLine(node.component, node.zones, !inColumns && node.component.zones !== undefined);
  const parts: string[] = [];
  parts.push(`<g data-component="${attr(node.id)}" data-kind="${attr(node.component.kind)}" transform="translate(${f(node.x)} ${f(node.y)})">`);
  parts.push(`<rect width="${f(node.width)}" height="${f(node.height)}" rx="6" fill="#ffffff" stroke="#b8c3d1" stroke-width="1"/>`);
  parts.push(`<rect x="${TILE_INSET}" y="${TILE_INSET}" width="${TILE_SIZE}" height="${TILE_SIZE}" rx="6" fill="${colour}"/>`);
  parts.push(`<g transform="translate(${TILE_INSET + 5} ${TILE_INSET + 5})" fill="none" stroke="#ffffff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${iconElements(iconOf(node.component.kind))}</g>`);
  const firstBaseline = lines.length === 1 ? 31 : lines.length === 2 ? 24 : 21;
  lines.forEach((line, index) => {
    parts.push(`<text x="${TEXT_LEFT}" y="${firstBaseline + index * name.lineHeight}" font-size="${name.size}" font-weight="bold" fill="#1b2430">${xmlText(line)}</text>`);
  });
  const kindText = wrapText(kind, node.width - 20, KIND_SIZE, false, 1)[0] ?? '';
  parts.push(`<text x="${TILE_INSET}" y="${f(node.height - 12)}" font-size="${KIND_SIZE}" fill="#5d6b7c">${xmlText(kindText)}</text>`);
  if (node.zoneSpan && node.zoneSpan.length > 0) {
    // One mark per zone column it spans along the bottom edge: solid where it runs, hollow where not.
    const pitch = node.zoneSpan.length > 1 ? (node.width - 208) / (node.zoneSpan.length - 1) : 0;
    node.zoneSpan.forEach((span, index) => {
      const x = index * pitch + 8;
      const width = 192;
      parts.push(`<rect x="${f(x)}" y="${f(node.height - 4)}" width="${f(width)}" height="3" rx="1.5" fill="${span.on ? colour : '#d5dbe3'}"><title>${xmlText(`zone ${span.zone}: ${span.on ? 'runs here' : 'not here'}`)}</title></rect>`);
    });
  }
  parts.push('</g>');
  return parts.join('');
}

function markers(): string {
  return (Object.keys(MODE_COLOURS) as ConnectionMode[])
    .map((mode) => `<marker id="arrow-${mode}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${MODE_COLOURS[mode]}"/></marker>`)
    .join('');
}

/** The modes the scene's connections use, in the legend's order: a legend explains what is drawn, nothing more. */
function modesDrawn(scene: Scene): ConnectionMode[] {
  const used = new Set(scene.edges.map((edge) => edge.connection.mode));
  return (Object.keys(MODE_TITLES) as ConnectionMode[]).filter((mode) => used.has(mode));
}

const LEGEND_PITCH = 130;

function legendSvg(modes: readonly ConnectionMode[], x: number, y: number): string {
  const items = modes.map((mode, index) => {
    const left = x + index * LEGEND_PITCH;
    const colour = MODE_COLOURS[mode];
    const rail = mode === 'replication' ? `<path d="M${left} ${y} h36" stroke="${colour}" stroke-width="5"/>` : '';
    const stroke = mode === 'replication' ? '#ffffff' : colour;
    return `${rail}<path d="M${left} ${y} h36" stroke="${stroke}" stroke-width="1.6"${DASHES[mode]}/><text x="${left + 44}" y="${y + 4}" font-size="12" fill="#3b4a5e">${MODE_TITLES[mode]}</text>`;
  });
  return `<g class="legend">${items.join('')}</g>`;
}

/** Draws a scene (see `exportScene`) as an SVG document. */
export function sceneToSvg(scene: Scene, design: Pick<Design, 'name' | 'provider'>, options: DiagramSvgOptions = {}): string {
  const margin = options.margin ?? 32;
  const title = options.title !== false;
  const legendModes = options.legend !== false ? modesDrawn(scene) : [];
  const legend = legendModes.length > 0;
  const b = scene.bounds;
  const left = b.x - margin;
  const top = b.y - margin - (title ? TITLE_HEIGHT : 0);
  const width = Math.ceil(Math.max(b.width, legendModes.length * LEGEND_PITCH) + 2 * margin);
  const height = Math.ceil(b.height + 2 * margin + (title ? TITLE_HEIGHT : 0) + (legend ? LEGEND_HEIGHT : 0));
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${f(left)} ${f(top)} ${width} ${height}" font-family="${attr(DIAGRAM_FONT_FAMILY)}">`);
  parts.push(`<title>${xmlText(design.name)}</title>`);
  parts.push(`<defs>${markers()}</defs>`);
  parts.push(`<rect x="${f(left)}" y="${f(top)}" width="${width}" height="${height}" fill="#ffffff"/>`);
  if (title) {
    const line = wrapText(design.name, width - 2 * margin, 20, true, 1)[0] ?? '';
    parts.push(`<text x="${f(b.x)}" y="${f(top + margin + 22)}" font-size="20" font-weight="bold" fill="#1b2430">${xmlText(line)}</text>`);
  }
  for (const region of scene.regions) parts.push(regionSvg(region, design));
  parts.push('<g class="connections">');
  for (const edge of scene.edges) parts.push(edgeSvg(edge));
  parts.push('</g><g class="components">');
  for (const node of scene.nodes) parts.push(nodeSvg(node));
  parts.push('</g>');
  if (legend) parts.push(legendSvg(legendModes, b.x, b.y + b.height + margin / 2 + 16));
  parts.push('</svg>');
  return `${parts.join('')}\n`;
}

/**
 * The design (or the selected components) as an SVG document: what `npx ninesmith diagram
 * --format svg` writes, the app downloads, and the proposal embeds.
 */
export function renderDiagramSvg(design: Design, options: DiagramSvgOptions = {}): string {
  return sceneToSvg(exportScene(design, options), design, options);
}
