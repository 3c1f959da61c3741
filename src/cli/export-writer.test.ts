import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, writeExport } from './export-writer';

describe('writeExport', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ninesmith-writer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes and hashes a text as its UTF-8 bytes, however long, wherever its characters fall against the pieces it is written in', async () => {
    // Past a piece (1 MB) several times over, with characters of two, three and four bytes (and lone
    // surrogates, which UTF-8 cannot hold) at every offset from a piece's end.
    const pattern = 'runbook é — 𝄞 \ud800 x \udc00 ';
    const long = pattern.repeat(Math.ceil(3_300_000 / pattern.length));
    const texts: Record<string, string> = { 'runbooks/long.md': long, 'runbooks/shifted.md': `a${long}`, 'runbooks/short.md': 'one line\n', 'runbooks/empty.md': '' };
    const files = Object.entries(texts).map(([path, contents]) => ({ path, contents }));
    await writeExport(dir, dir, files, ['runbooks']);
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8')) as { files: Record<string, string> };
    for (const [path, text] of Object.entries(texts)) {
      const expected = Buffer.from(text, 'utf8');
      expect(readFileSync(join(dir, path)).equals(expected), path).toBe(true);
      expect(manifest.files[path]).toBe(createHash('sha256').update(expected).digest('hex'));
    }
  });
});
