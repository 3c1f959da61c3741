import { describe, expect, it } from 'vitest';
import { textWidth, wrapText } from './text';

describe('text', () => {
  it('measures with the font widths: wide letters are wider, bold is wider', () => {
    expect(textWidth('WWW', 14)).toBeGreaterThan(textWidth('iii', 14));
    expect(textWidth('Database', 14, true)).toBeGreaterThan(textWidth('Database', 14));
    expect(textWidth('名前', 14)).toBe(28);
  });

  it('wraps at spaces, breaks a long word, and ends with … when text is left over', () => {
    expect(wrapText('Background workers', 110, 14, true, 2)).toEqual(['Background', 'workers']);
    const long = wrapText('Supercalifragilisticexpialidocious', 80, 14, false, 2);
    expect(long).toHaveLength(2);
    expect(long[1]!.endsWith('…')).toBe(true);
    for (const line of long) expect(textWidth(line, 14)).toBeLessThanOrEqual(80);
    expect(wrapText('one two three four five six seven', 60, 14, false, 2).at(-1)!.endsWith('…')).toBe(true);
    expect(wrapText('   ', 100, 14, false, 2)).toEqual([]);
  });
});
