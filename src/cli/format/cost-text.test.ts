import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../catalog';
import { estimateCost } from '../../engine/cost';
import { fixture, loadCatalogs } from '../../engine/cost/testing';
import type { Design } from '../../model';
import { writeCostText } from './cost-text';

/** The report written both ways: as strings (what tests and embedders get) and as UTF-8 bytes (what the process writes). */
function bothWays(design: Design) {
  const report = estimateCost(design, loadCatalogs());
  const texts: string[] = [];
  writeCostText(report, design, 'design.yaml', { text: (text) => texts.push(text) });
  const pieces: Uint8Array[] = [];
  writeCostText(report, design, 'design.yaml', { text: () => expect.unreachable('bytes were asked for'), bytes: (bytes) => pieces.push(bytes.slice()) });
  return { text: texts.join(''), texts, bytes: Buffer.concat(pieces), pieces };
}

describe('cost text', () => {
  it('writes the same text as bytes as it does as strings, in pieces of whole lines', () => {
    // 1,000 components: several pieces of each kind, and lines with the dagger (not ASCII).
    const { text, texts, bytes, pieces } = bothWays(syntheticDesign(1000, 1));
    expect(texts.length).toBeGreaterThan(1);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of texts) expect(piece.endsWith('\n')).toBe(true);
    for (const piece of pieces) expect(piece.at(-1)).toBe(0x0a);
    expect(text).toContain('†');
    expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('writes the next piece into the same buffer only when the output says it has written the last one out', () => {
    const design = syntheticDesign(1000, 1);
    const report = estimateCost(design, loadCatalogs());
    let text = '';
    writeCostText(report, design, 'design.yaml', { text: (piece) => (text += piece) });
    const copies: Uint8Array[] = [];
    const handed: Uint8Array[] = [];
    let asked = 0;
    writeCostText(report, design, 'design.yaml', {
      text: () => expect.unreachable('bytes were asked for'),
      bytes: (bytes) => {
        // A copy (a Buffer's slice is a view of the same memory).
        copies.push(new Uint8Array(bytes));
        handed.push(bytes);
      },
      // Every other piece is still being written when the next one is made.
      written: () => asked++ % 2 === 0,
    });
    expect(handed.length).toBeGreaterThanOrEqual(3);
    expect(Buffer.concat(copies).equals(Buffer.from(text, 'utf8'))).toBe(true);
    for (let i = 1; i < handed.length; i += 2) {
      // Not written out: nothing was written over it, and the next piece went in a buffer of its own.
      expect(Buffer.from(handed[i]!).equals(copies[i]!)).toBe(true);
      if (i + 1 < handed.length) expect(handed[i + 1]!.buffer).not.toBe(handed[i]!.buffer);
    }
    // Written out: its buffer took the next piece.
    expect(handed[1]!.buffer).toBe(handed[0]!.buffer);
  });

  it("prints each component's lines under it, whether or not the report lists them component by component", () => {
    const design = syntheticDesign(40, 1);
    const report = estimateCost(design, loadCatalogs());
    const textOf = (lineItems: typeof report.lineItems) => {
      let text = '';
      writeCostText({ ...report, lineItems }, design, 'design.yaml', { text: (piece) => (text += piece) });
      return text;
    };
    // The first component's lines moved to the end: the same text.
    const first = report.lineItems[0]!.componentId;
    const moved = [...report.lineItems.filter((line) => line.componentId !== first), ...report.lineItems.filter((line) => line.componentId === first)];
    const text = textOf(report.lineItems);
    expect(textOf(moved)).toBe(text);
    expect(text).toContain(`  ${first} (`);
  });

  it('escapes design text the same way in both', () => {
    const design = fixture('three-m5-large');
    // A line break, an escape, a right-to-left override, an emoji and a lone surrogate in the name.
    const { text, bytes } = bothWays({ ...design, name: 'Shop\n\u001b[2J\u202e 🛒 \ud800 end' });
    expect(text.split('\n')[0]).toBe('design.yaml: Shop\\n\\e[2J\\u202e 🛒 \\ud800 end');
    expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
  });
});
