import type { ProposalDocument } from './document';

/**
 * What the binary formats need from their caller, who can read files or draw pictures: the fonts
 * (DejaVu, shipped with the command line and fetched by the app), and the diagram as a PNG (the
 * command line rasterizes with resvg, the app with the browser's canvas). Generators read no files.
 */
export interface ProposalAssets {
  readonly fonts: { readonly regular: Uint8Array; readonly bold: Uint8Array; readonly mono?: Uint8Array };
  /** The diagram SVG as a PNG (about 2 pixels per SVG unit). */
  readonly rasterize: (svg: string) => Promise<Uint8Array>;
  /** The paper of the PDF; default A4. */
  readonly paper?: 'A4' | 'LETTER';
}

/** A PNG's size in pixels, from its header (IHDR is always the first chunk). */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.byteLength < 24 || view.getUint32(12) !== 0x49484452) throw new Error('not a PNG image');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A JPEG's size in pixels, from its first start-of-frame marker. */
export function jpegSize(jpeg: Uint8Array): { width: number; height: number } {
  let i = 2;
  while (i + 9 < jpeg.length) {
    if (jpeg[i] !== 0xff) break;
    const marker = jpeg[i + 1]!;
    const length = (jpeg[i + 2]! << 8) | jpeg[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { height: (jpeg[i + 5]! << 8) | jpeg[i + 6]!, width: (jpeg[i + 7]! << 8) | jpeg[i + 8]! };
    i += 2 + length;
  }
  throw new Error('not a JPEG image with a frame header');
}

export function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The cover logo's bytes and size, or undefined when it has none (or it cannot be read). */
export function logoImage(proposal: ProposalDocument): { bytes: Uint8Array; mime: 'image/png' | 'image/jpeg'; width: number; height: number } | undefined {
  const logo = proposal.cover.logo;
  if (!logo) return undefined;
  try {
    const bytes = base64Bytes(logo.base64);
    return { bytes, mime: logo.mime, ...(logo.mime === 'image/png' ? pngSize(bytes) : jpegSize(bytes)) };
  } catch {
    return undefined;
  }
}

/** The width and height an SVG document gives its root element, in its own units; undefined when it gives none. */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const size = /<svg\b[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
  if (!size) return undefined;
  const width = Number(size[1]);
  const height = Number(size[2]);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/** The longest side of the diagram's picture in the PDF and Word files, in pixels: sharp on A4, not megabytes. */
export const MAX_DIAGRAM_PIXELS = 2400;

/** The scale a diagram SVG is drawn at for the PDF and Word files: up to twice its size, its longest side at most MAX_DIAGRAM_PIXELS. */
export function diagramScale(svg: string): number {
  const size = svgSize(svg);
  const longest = size ? Math.max(size.width, size.height) : MAX_DIAGRAM_PIXELS / 2;
  return Math.min(2, MAX_DIAGRAM_PIXELS / longest);
}

/** Every diagram SVG of the document, in order, each once. */
export function diagramSvgs(proposal: ProposalDocument): string[] {
  const svgs = new Set<string>();
  for (const section of proposal.sections) for (const block of section.blocks) if (block.kind === 'diagram') svgs.add(block.svg);
  return [...svgs];
}

/** Every diagram of the document as a PNG, keyed by its SVG: rasterized once each. */
export async function diagramImages(proposal: ProposalDocument, rasterize: ProposalAssets['rasterize']): Promise<Map<string, { png: Uint8Array; width: number; height: number }>> {
  const images = new Map<string, { png: Uint8Array; width: number; height: number }>();
  for (const section of proposal.sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'diagram' || images.has(block.svg)) continue;
      const png = await rasterize(block.svg);
      images.set(block.svg, { png, ...pngSize(png) });
    }
  }
  return images;
}
