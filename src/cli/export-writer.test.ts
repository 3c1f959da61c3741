import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, openExport, writeExport } from './export-writer';

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

  it('written a batch at a time, checks every path before writing any, writes no path it did not check, and records what it wrote when stopped short', async () => {
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    writeFileSync(join(dir, 'stray.md'), 'mine\n');
    await expect(openExport(dir, dir, ['runbooks/a.md', 'stray.md'], ['runbooks'])).rejects.toThrow(/stray\.md \(not written by an earlier export\)/);
    expect(existsSync(join(dir, 'runbooks'))).toBe(false);

    const first = await openExport(dir, dir, ['runbooks/a.md', 'runbooks/b.md', 'proposal/p.md'], ['runbooks', 'proposal']);
    await first.write([{ path: 'runbooks/a.md', contents: 'a\n' }]);
    await first.write([{ path: 'runbooks/b.md', contents: 'b\n' }]);
    await expect(first.write([{ path: 'runbooks/c.md', contents: 'c\n' }])).rejects.toThrow(/not among the paths checked/);
    expect(existsSync(join(dir, 'runbooks/c.md'))).toBe(false);
    await first.abandon();
    const manifest = () => (JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8')) as { files: Record<string, string> }).files;
    expect(manifest()).toEqual({ 'runbooks/a.md': sha('a\n'), 'runbooks/b.md': sha('b\n') });

    // The next export owns what the one stopped short wrote: it overwrites a.md and removes b.md, no longer generated.
    const second = await openExport(dir, dir, ['runbooks/a.md', 'proposal/p.md'], ['runbooks', 'proposal']);
    await second.write([{ path: 'runbooks/a.md', contents: 'A\n' }]);
    await second.write([{ path: 'proposal/p.md', contents: 'p\n' }]);
    expect(await second.finish()).toEqual({ written: 2, removed: ['runbooks/b.md'], kept: [] });
    expect(manifest()).toEqual({ 'proposal/p.md': sha('p\n'), 'runbooks/a.md': sha('A\n') });
  });
});
