import { DEJAVU_SANS_BOLD_WIDTHS, DEJAVU_SANS_WIDTHS } from './font-metrics';

/**
 * Text as the diagram draws it: measured with DejaVu Sans's own advance widths (the font the SVG
 * names first and the PNG rasterizer ships), wrapped to a box, and escaped for XML. No DOM, so the
 * same names wrap the same way in Node and in the browser.
 */

export const DIAGRAM_FONT_FAMILY = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif";

/** The width of `text` in CSS pixels at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? DEJAVU_SANS_BOLD_WIDTHS : DEJAVU_SANS_WIDTHS;
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 32 && code <= 255) units += table[code - 32] ?? 600;
    // East Asian scripts and emoji are a full em; other scripts close to an average Latin letter.
    else if (code >= 0x1100) units += 1000;
    else units += 620;
  }
  return (units / 1000) * size;
}

/**
 * `text` broken into at most `maxLines` lines of at most `width` px: at spaces where it can, inside a
 * word where a word is wider than a line; the last line ends with "…" when text is left over.
 */
export function wrapText(text: string, width: number, size: number, bold: boolean, maxLines: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter((word) => word !== '');
  const lines: string[] = [];
  let line = '';
  const fits = (candidate: string) => textWidth(candidate, size, bold) <= width;
  let index = 0;
  while (index < words.length && lines.length < maxLines) {
    const word = words[index]!;
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      index += 1;
      continue;
    }
    if (line !== '') {
      lines.push(line);
      line = '';
      continue;
    }
    // One word wider than the line: as many characters as fit.
    let cut = '';
    for (const char of word) {
      if (!fits(cut + char)) break;
      cut += char;
    }
    if (cut === '') cut = [...word][0]!;
    lines.push(cut);
    words[index] = word.slice(cut.length);
  }
  if (line !== '') lines.push(line);
  if (index < words.length && lines.length > 0) lines[lines.length - 1] = ellipsize(lines[lines.length - 1]!, width, size, bold);
  return lines;
}

function ellipsize(line: string, width: number, size: number, bold: boolean): string {
  let cut = line;
  while (cut.length > 0 && textWidth(`${cut}…`, size, bold) > width) cut = [...cut].slice(0, -1).join('');
  return `${cut.trimEnd()}…`;
}
