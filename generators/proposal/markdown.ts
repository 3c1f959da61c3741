import { markdownText } from '../text';

/** Design text (names, descriptions, locations, sources) mid-line in Markdown: see `markdownText`. */
export const text = markdownText;

/** Text for a table cell: as `text`, never empty (an empty cell shifts nothing, but reads as missing). */
export function cell(value: string): string {
  return text(value) || '&#32;';
}
