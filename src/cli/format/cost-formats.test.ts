import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../../catalog';
import { estimateCost } from '../../engine/cost';
import { loadCatalogs } from '../../engine/cost/testing';
import { costJson, writeCostJson } from './cost-json';
import { writeCostCsv } from './cost-csv';
import { writeCostMarkdown } from './cost-markdown';
import type { TextOutput } from './line-writer';

// 1,000 components: each format is several pieces (a piece is about 256 kB).
const design = syntheticDesign(1000, 1);
const report = estimateCost(design, loadCatalogs());

const FORMATS: Record<string, (output: TextOutput) => void> = {
  json: (output) => writeCostJson(report, 'design.yaml', output),
  csv: (output) => writeCostCsv(report, output),
  markdown: (output) => writeCostMarkdown(report, design, output),
};

describe('cost report formats', () => {
  for (const [format, write] of Object.entries(FORMATS)) {
    it(`${format}: the same text as bytes as it is as strings, in pieces of whole lines`, () => {
      const texts: string[] = [];
      write({ text: (text) => texts.push(text) });
      const pieces: Uint8Array[] = [];
      write({ text: () => expect.unreachable('bytes were asked for'), bytes: (bytes) => pieces.push(bytes.slice()) });
      expect(texts.length).toBeGreaterThan(1);
      expect(pieces.length).toBeGreaterThan(1);
      for (const piece of texts) expect(piece.endsWith('\n')).toBe(true);
      for (const piece of pieces) expect(piece.at(-1)).toBe(0x0a);
      expect(Buffer.concat(pieces).equals(Buffer.from(texts.join(''), 'utf8'))).toBe(true);
    });
  }

  it('json: the text of JSON.stringify with two-space indentation, written a member at a time', () => {
    let text = '';
    writeCostJson(report, 'design.yaml', { text: (piece) => (text += piece) });
    expect(text).toBe(`${JSON.stringify(costJson(report, 'design.yaml'), null, 2)}\n`);
  });
});
