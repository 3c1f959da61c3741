import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { opaquePng, svgToPng } from './rasterize';

/** The chunks of a PNG, each checked against its CRC by zlib's crc32. */
function chunks(png: Uint8Array): { type: string; data: Buffer }[] {
  const bytes = Buffer.from(png);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    expect(bytes.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
    out.push({ type, data: bytes.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

describe('opaquePng', () => {
  it('writes the RGB of each pixel, row by row, without its alpha', () => {
    // Two by two: red, green / blue, grey.
    const rgba = Uint8Array.of(255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 128, 128, 128, 255);
    const parts = chunks(opaquePng(rgba, 2, 2));
    expect(parts.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = parts[0]!.data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9], header[10], header[11], header[12]]).toEqual([2, 2, 8, 2, 0, 0, 0]);
    expect([...inflateSync(parts[1]!.data)]).toEqual([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 128, 128, 128]);
  });
});

describe('svgToPng', () => {
  it('draws the SVG on white as an opaque RGB picture at the scale asked', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="3"><rect x="2" y="0" width="2" height="3" fill="#1f5fa8"/></svg>';
    const parts = chunks(await svgToPng(svg, 2));
    const header = parts[0]!.data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[9]]).toEqual([8, 6, 2]);
    const rows = inflateSync(Buffer.concat(parts.filter((c) => c.type === 'IDAT').map((c) => c.data)));
    const pixel = (x: number, y: number) => [...rows.subarray(y * 25 + 1 + x * 3, y * 25 + 4 + x * 3)];
    expect(pixel(0, 0)).toEqual([255, 255, 255]);
    expect(pixel(7, 5)).toEqual([0x1f, 0x5f, 0xa8]);
  });
});
