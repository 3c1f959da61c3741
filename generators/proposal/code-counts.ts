/**
 * How long a file of infrastructure code is, for the proposal's table of delivered files: its lines
 * and the lines of them that open a resource block. Counted in one pass without copying or
 * collecting matches, since a Terraform file runs to tens of megabytes; from the file's UTF-8
 * bytes when it was generated as bytes, so the command line never decodes the Terraform it writes.
 */
export interface CodeCounts {
  readonly lines: number;
  readonly resources: number;
}

const RESOURCE_LINE = 'resource "';
const RESOURCE_BYTES = new TextEncoder().encode(RESOURCE_LINE);
const NEWLINE = 0x0a;

/** As many lines as splitting `text` at each newline gives. */
export function codeCounts(text: string): CodeCounts {
  let lines = 1;
  let resources = text.startsWith(RESOURCE_LINE) ? 1 : 0;
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
    lines += 1;
    if (text.startsWith(RESOURCE_LINE, newline + 1)) resources += 1;
  }
  return { lines, resources };
}

/**
 * The same counts from the text's UTF-8 bytes, in order, split anywhere (a newline is the one
 * byte 0x0A in UTF-8, never part of another character).
 */
export function codeCountsOfUtf8(chunks: readonly Uint8Array[]): CodeCounts {
  let lines = 1;
  let resources = startsWithResource(chunks, 0, 0) ? 1 : 0;
  for (let index = 0; index < chunks.length; index += 1) {
    const chunk = chunks[index]!;
    for (let newline = chunk.indexOf(NEWLINE); newline >= 0; newline = chunk.indexOf(NEWLINE, newline + 1)) {
      lines += 1;
      if (startsWithResource(chunks, index, newline + 1)) resources += 1;
    }
  }
  return { lines, resources };
}

/** Whether the bytes from `offset` in chunk `index` on, read across chunk ends, begin with RESOURCE_LINE. */
function startsWithResource(chunks: readonly Uint8Array[], index: number, offset: number): boolean {
  let chunk = index;
  let at = offset;
  for (const byte of RESOURCE_BYTES) {
    while (chunk < chunks.length && at >= chunks[chunk]!.length) {
      at -= chunks[chunk]!.length;
      chunk += 1;
    }
    if (chunk >= chunks.length || chunks[chunk]![at] !== byte) return false;
    at += 1;
  }
  return true;
}
