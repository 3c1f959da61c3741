import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderDiagramDrawio, renderDiagramSvg } from '../../diagram';
import { EXIT, UsageError, type Command } from '../context';
import { formatProblems, readDesignFile } from '../read-design-file';

const FORMATS = ['svg', 'png', 'drawio'] as const;
type DiagramFormat = (typeof FORMATS)[number];

export const diagramUsage = `Usage: ninesmith diagram FILE --format svg|png|drawio --out PATH [--only ID,ID...] [--scale N]

Draws the design as the app does (regions, zones, components, connections) and writes it to PATH:
  svg      a standalone SVG picture (each component a <g data-component="ID">)
  png      the same picture as PNG, --scale times its size (default 2)
  drawio   a draw.io / diagrams.net file to edit: regions and zones as containers
The design's layout places the components; those without a position are placed automatically.
--only draws just the listed components (and the connections between them).
Exit 0 when written, 2 for a file that cannot be read or does not fit the format.
`;

export const diagramCommand: Command = async (args, context) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string' }, out: { type: 'string' }, only: { type: 'string' }, scale: { type: 'string' } },
  });
  if (positionals.length !== 1) throw new UsageError('diagram takes exactly one FILE');
  const format = values.format as DiagramFormat | undefined;
  if (!format || !FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (!values.out) throw new UsageError('--out PATH is required');
  const scale = values.scale === undefined ? 2 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 8) throw new UsageError('--scale must be a number above 0 and at most 8');
  const file = positionals[0]!;
  const result = await readDesignFile(file, context.cwd);
  if (!result.ok) {
    context.stderr(formatProblems(file, result.problems));
    return EXIT.invalid;
  }
  const selection = values.only?.split(',').map((id) => id.trim()).filter(Boolean);
  const unknown = (selection ?? []).filter((id) => !result.design.components.some((c) => c.id === id));
  if (unknown.length > 0) throw new UsageError(`--only: no component ${unknown.map((id) => `"${id}"`).join(', ')} in ${file}`);
  const scope = { selection };
  let contents: string | Uint8Array;
  if (format === 'drawio') contents = renderDiagramDrawio(result.design, scope);
  else if (format === 'svg') contents = renderDiagramSvg(result.design, scope);
  else {
    // The PNG renderer (resvg's WebAssembly and the fonts) loads only for a PNG.
    const { svgToPng } = await import('../rasterize');
    contents = await svgToPng(renderDiagramSvg(result.design, scope), scale);
  }
  const path = resolve(context.cwd, values.out);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, contents);
  context.stdout(`${file}: wrote the diagram (${format}) to ${values.out}\n`);
  return EXIT.ok;
};
