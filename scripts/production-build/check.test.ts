import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_HOOKS, filesWithWords } from './check';

describe('the production build check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ninesmith-dist-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names every file, nested or not, that holds a hook', () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<script src="/assets/index.js"></script>');
    writeFileSync(join(dir, 'assets', 'index.js'), 'window.__ninesmith={getDocument:()=>d};');
    writeFileSync(join(dir, 'assets', 'index.js.map'), '{"sourcesContent":["window.__canvasApi = api; window.__ninesmith = x"]}');
    writeFileSync(join(dir, 'assets', 'Canvas.js'), 'export const canvas = 1;');
    const found = filesWithWords(dir, TEST_HOOKS).map((f) => ({ file: f.file.slice(dir.length + 1), words: f.words })).sort((a, b) => a.file.localeCompare(b.file));
    expect(found).toEqual([
      { file: join('assets', 'index.js'), words: ['__ninesmith'] },
      { file: join('assets', 'index.js.map'), words: ['__ninesmith', '__canvasApi'] },
    ]);
  });
});
