import { describe, expect, it } from 'vitest';
import { diagramScale, MAX_DIAGRAM_PIXELS } from '../../generators/proposal/assets';
import { PictureThread } from './picture-thread';
import { svgToPng } from './rasterize';

const svgOf = (width: number, height: number, fill: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="1" y="1" width="${width - 2}" height="${height - 2}" fill="${fill}"/></svg>`;

describe('PictureThread', { timeout: 60_000 }, () => {
  it('draws on its own thread the PNG this thread would, each SVG once', async () => {
    const pictures = new PictureThread();
    try {
      const svg = svgOf(40, 30, '#1f5fa8');
      const first = pictures.rasterize(svg);
      expect(pictures.rasterize(svg)).toBe(first);
      expect(Buffer.from(await first).equals(Buffer.from(await svgToPng(svg, diagramScale(svg))))).toBe(true);
      // A second picture on the same thread.
      const other = svgOf(20, 10, '#7b3fc4');
      expect(Buffer.from(await pictures.rasterize(other)).equals(Buffer.from(await svgToPng(other, 2)))).toBe(true);
    } finally {
      await pictures.close();
    }
  });

  it('reports what resvg says of an SVG it cannot draw, and draws the next one', async () => {
    const pictures = new PictureThread();
    try {
      await expect(pictures.rasterize('<svg this is not XML')).rejects.toThrow(/\S/);
      const png = await pictures.rasterize(svgOf(8, 6, '#1e7f4f'));
      expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    } finally {
      await pictures.close();
    }
  });

  it('refuses the pictures not drawn when closed, and draws none after', async () => {
    const pictures = new PictureThread();
    const refused = expect(pictures.rasterize(svgOf(400, 300, '#3b4a5e'))).rejects.toThrow('closed before the picture was drawn');
    await pictures.close();
    await refused;
    await expect(pictures.rasterize(svgOf(4, 3, '#000000'))).rejects.toThrow('closed');
  });

  it('draws a diagram at up to twice its size, its longest side at most the PDF\'s limit', () => {
    expect(diagramScale(svgOf(600, 400, '#fff'))).toBe(2);
    expect(diagramScale(svgOf(3268, 1696, '#fff'))).toBeCloseTo(MAX_DIAGRAM_PIXELS / 3268, 10);
    expect(diagramScale('<svg xmlns="http://www.w3.org/2000/svg"/>')).toBe(2);
  });
});
