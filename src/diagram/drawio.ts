import { displayName, xmlText, type ConnectionMode, type Design } from '../model';
import { findKind } from '../catalog';
import type { Rect } from './geometry';
import { colourOf } from './kinds';
import { COLUMN_CAPTIONS, MODE_COLOURS, MODE_TITLES, NETWORK_NAMES, ZONE_CAPTIONS } from './labels';
import { exportScene, type ExportScope } from './scene';
import { drawioProviderIconStyle } from './drawio-icons';
import { kindTileSvg } from './shapes';

/**
 * The diagram as a draw.io (diagrams.net) file: an uncompressed mxGraph model that opens for
 * editing. Regions are containers holding their network boundary, zones and side columns as
 * containers; each component is a labelled box with its symbol (the provider's own icon from
 * draw.io's libraries where it has one, as a child cell: drawio-icons.ts); each connection an orthogonal edge
 * along the same route as the SVG, styled by its mode. Every cell carries `ninesmith` (region,
 * network, zone, column, component or connection) and the design's id, so the file can be read back.
 *
 * Child cells use coordinates relative to their parent container, as mxGraph requires.
 */

export type DrawioOptions = ExportScope;

const n = (v: number) => String(Math.round(v * 10) / 10);

/** base64 of UTF-8 text, in Node and the browser alike. */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += alphabet[a >> 2]! + alphabet[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : alphabet[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : alphabet[c & 63]!;
  }
  return out;
}

/** A kind's symbol as a data URI draw.io's image style accepts (its `data:image/svg+xml,BASE64` form, without `;base64`). */
function iconImage(kind: string): string {
  return `data:image/svg+xml,${base64(kindTileSvg(kind))}`;
}

/** A style string: `key=value;` pairs. Values here are ours (colours, numbers), never the design's text. */
const style = (entries: Record<string, string | number>) =>
  Object.entries(entries)
    .map(([key, value]) => `${key}=${value}`)
    .join(';') + ';';

const EDGE_STYLES: Readonly<Record<ConnectionMode, Record<string, string | number>>> = {
  sync: {},
  async: { dashed: 1, dashPattern: '8 5' },
  replication: { shape: 'link', width: 4 },
  backup: { dashed: 1, dashPattern: '1 4' },
};

interface Cell {
  id: string;
  type: 'region' | 'network' | 'zone' | 'column' | 'component' | 'icon' | 'connection';
  /** Whose cell this is (region, component or connection id; zone name; an icon's component). */
  of: string;
  label: string;
  tooltip?: string;
  style: string;
  parent: string;
  geometry?: Rect;
  edge?: { source: string; target: string; points: readonly { x: number; y: number }[] };
  extra?: Record<string, string>;
}

function cellXml(cell: Cell): string {
  const extra = Object.entries(cell.extra ?? {})
    .map(([key, value]) => ` ${key}="${xmlText(value)}"`)
    .join('');
  const tooltip = cell.tooltip ? ` tooltip="${xmlText(cell.tooltip)}"` : '';
  const open = `<object id="${xmlText(cell.id)}" label="${xmlText(cell.label)}" ninesmith="${cell.type}" ninesmith-id="${xmlText(cell.of)}"${tooltip}${extra}>`;
  if (cell.edge) {
    const points = cell.edge.points.map((p) => `<mxPoint x="${n(p.x)}" y="${n(p.y)}"/>`).join('');
    return `${open}<mxCell style="${xmlText(cell.style)}" edge="1" parent="${xmlText(cell.parent)}" source="${xmlText(cell.edge.source)}" target="${xmlText(cell.edge.target)}"><mxGeometry relative="1" as="geometry"><Array as="points">${points}</Array></mxGeometry></mxCell></object>`;
  }
  const g = cell.geometry!;
  return `${open}<mxCell style="${xmlText(cell.style)}" vertex="1" parent="${xmlText(cell.parent)}"><mxGeometry x="${n(g.x)}" y="${n(g.y)}" width="${n(g.width)}" height="${n(g.height)}" as="geometry"/></mxCell></object>`;
}

const relative = (rect: Rect, parent: Rect): Rect => ({ x: rect.x - parent.x, y: rect.y - parent.y, width: rect.width, height: rect.height });

/** The design (or the selected components) as a `.drawio` file's text. */
export function renderDiagramDrawio(design: Design, options: DrawioOptions = {}): string {
  const scene = exportScene(design, options);
  const cells: Cell[] = [];
  const nodeParent = new Map<string, { id: string; box: Rect }>();
  for (const box of scene.regions) {
    const region = box.region;
    const regionCell = `region-${region.id}`;
    cells.push({
      id: regionCell,
      type: 'region',
      of: region.id,
      label: `${region.name ?? region.id} (${region.location}, ${region.role})`,
      style: style({ rounded: 1, arcSize: 2, absoluteArcSize: 1, container: 1, collapsible: 0, whiteSpace: 'wrap', html: 0, fillColor: '#f7f9fc', strokeColor: '#7f93ab', fontStyle: 1, fontSize: 15, align: 'left', verticalAlign: 'top', spacingLeft: 12, spacingTop: 6 }),
      parent: '1',
      geometry: box,
    });
    const networkCell = `network-${region.id}`;
    cells.push({
      id: networkCell,
      type: 'network',
      of: region.id,
      label: NETWORK_NAMES[design.provider],
      style: style({ rounded: 1, arcSize: 2, absoluteArcSize: 1, container: 1, collapsible: 0, fillColor: '#f4faf3', strokeColor: '#4f8a3c', fontColor: '#3d6e2e', fontStyle: 1, fontSize: 12, align: 'left', verticalAlign: 'top', spacingLeft: 8, spacingTop: 2 }),
      parent: regionCell,
      geometry: relative(box.network, box),
    });
    for (const zone of box.zones) {
      cells.push({
        id: `zone-${region.id}-${zone.zone}`,
        type: 'zone',
        of: zone.zone,
        label: `${ZONE_CAPTIONS[design.provider]} ${zone.zone}`,
        style: style({ rounded: 1, arcSize: 3, absoluteArcSize: 1, container: 1, collapsible: 0, dashed: 1, fillColor: '#eef3fa', strokeColor: '#8fa7c4', fontColor: '#41556d', fontSize: 12, verticalAlign: 'top', spacingTop: 4 }),
        parent: networkCell,
        geometry: relative(zone, box.network),
        extra: { region: region.id },
      });
    }
    for (const column of box.columns) {
      cells.push({
        id: `column-${region.id}-${column.kind}`,
        type: 'column',
        of: column.kind,
        label: COLUMN_CAPTIONS[column.kind],
        style: style({ rounded: 1, arcSize: 3, absoluteArcSize: 1, container: 1, collapsible: 0, dashed: 1, dashPattern: '2 3', fillColor: '#ffffff', strokeColor: '#c3ccd7', fontColor: '#5d6b7c', fontSize: 12, verticalAlign: 'top', spacingTop: 4 }),
        parent: regionCell,
        geometry: relative(column, box),
        extra: { region: region.id },
      });
    }
    for (const node of scene.nodes) {
      if (node.component.region !== region.id) continue;
      // Components in the network belong to the network boundary (a component across zones is in no one zone).
      nodeParent.set(node.id, node.place === 'network' ? { id: networkCell, box: box.network } : { id: regionCell, box });
    }
  }
  for (const node of scene.nodes) {
    const parent = nodeParent.get(node.id) ?? { id: '1', box: { x: 0, y: 0, width: 0, height: 0 } };
    const kind = findKind(node.component.kind);
    const replicas = node.component.replicas !== undefined && node.component.replicas > 1 ? ` ×${node.component.replicas}` : '';
    const zones = node.zones.length > 0 ? ` · ${node.zones.length === 1 ? 'zone' : 'zones'} ${node.zones.join(' ')}` : '';
    const providerIcon = drawioProviderIconStyle(node.component.kind, design.provider);
    cells.push({
      id: `component-${node.id}`,
      type: 'component',
      of: node.id,
      // The label is plain text (html=0): the name, then the kind on its own line.
      label: `${displayName(node.component)}\n${kind?.title ?? node.component.kind}${replicas}${zones}`,
      tooltip: node.component.description,
      style: style({
        shape: 'label',
        // The provider's icon is a cell of its own (below); otherwise the neutral symbol is the label's image.
        ...(providerIcon === undefined ? { image: iconImage(node.component.kind), imageWidth: 34, imageHeight: 34, imageAlign: 'left', imageVerticalAlign: 'top' } : {}),
        spacingLeft: 48,
        spacingTop: 2,
        rounded: 1,
        arcSize: 6,
        absoluteArcSize: 1,
        whiteSpace: 'wrap',
        html: 0,
        align: 'left',
        verticalAlign: 'top',
        fillColor: '#ffffff',
        strokeColor: colourOf(node.component.kind),
        fontColor: '#1b2430',
        fontSize: 13,
      }),
      parent: parent.id,
      geometry: relative(node, parent.box),
      extra: { kind: node.component.kind, region: node.component.region ?? '', zones: node.zones.join(' ') },
    });
    if (providerIcon !== undefined) {
      cells.push({
        id: `icon-${node.id}`,
        type: 'icon',
        of: node.id,
        label: '',
        style: `${providerIcon}movable=0;resizable=0;connectable=0;`,
        parent: `component-${node.id}`,
        geometry: { x: 10, y: 10, width: 34, height: 34 },
      });
    }
  }
  for (const edge of scene.edges) {
    const { connection } = edge;
    cells.push({
      id: `connection-${connection.from}-${connection.to}-${connection.mode}`,
      type: 'connection',
      of: edge.id,
      label: connection.label ?? '',
      tooltip: `${MODE_TITLES[connection.mode]}: ${connection.from} → ${connection.to}`,
      style: style({ edgeStyle: 'orthogonalEdgeStyle', rounded: 1, orthogonalLoop: 1, html: 0, endArrow: 'block', endFill: 1, strokeColor: MODE_COLOURS[connection.mode], strokeWidth: connection.mode === 'backup' ? 2 : 1.5, fontSize: 11, ...EDGE_STYLES[connection.mode] }),
      parent: '1',
      // The route's corners, absolute (the edge's parent is the root layer); the ends are the boxes.
      edge: { source: `component-${connection.from}`, target: `component-${connection.to}`, points: edge.points.slice(1, -1) },
      extra: { mode: connection.mode, from: connection.from, to: connection.to },
    });
  }
  const b = scene.bounds;
  const body = cells.map(cellXml).join('\n        ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<mxfile host="ninesmith" type="device">
  <diagram id="ninesmith-diagram" name="${xmlText(design.name)}">
    <mxGraphModel dx="${n(b.width)}" dy="${n(b.height)}" grid="1" gridSize="8" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="0" pageScale="1" math="0" shadow="0">
      <root>
        <mxCell id="0"/>
        <mxCell id="1" parent="0"/>
        ${body}
      </root>
    </mxGraphModel>
  </diagram>
</mxfile>
`;
}
