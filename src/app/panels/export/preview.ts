/**
 * How much of a generated file the export tab previews. A large design's Terraform runs to tens of
 * megabytes: highlighting and laying out all of it would hold the tab for seconds and a page of
 * millions of elements, for text no one reads in a preview. The preview shows the file's first
 * lines, up to PREVIEW_CHARS, and says so; the zip holds every file whole.
 */
export const PREVIEW_CHARS = 200_000;

export interface FilePreviewText {
  /** The text shown: the whole file, or its lines that fit in the limit. */
  readonly shown: string;
  /** The file's lines (its newlines, as an editor numbers a file that ends with one). */
  readonly lines: number;
  /** The lines shown: fewer than `lines` when the file was cut. */
  readonly shownLines: number;
}

function newlines(text: string, end = text.length): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** The part of `contents` a preview shows, cut after the last whole line that fits in `limit` characters. */
export function previewText(contents: string, limit = PREVIEW_CHARS): FilePreviewText {
  const lines = newlines(contents);
  if (contents.length <= limit) return { shown: contents, lines, shownLines: lines };
  const lastNewline = contents.lastIndexOf('\n', limit - 1);
  // A first line longer than the limit is shown cut inside it rather than not at all.
  const shown = lastNewline >= 0 ? contents.slice(0, lastNewline + 1) : contents.slice(0, limit);
  return { shown, lines, shownLines: newlines(shown) };
}
