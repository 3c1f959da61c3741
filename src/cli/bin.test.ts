import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../catalog';
import { serializeDesign } from '../model';

const root = resolve(import.meta.dirname, '..', '..');

/** Runs the command, reads its first chunk of output, then closes the pipe as `head` does once it has its lines. */
async function readFirstChunkThenClose(argv: readonly string[]): Promise<{ firstChunk: string; stderr: string; code: number | null }> {
  const child = spawn(process.execPath, [join(root, 'bin', 'ninesmith.mjs'), ...argv], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const firstChunk = await new Promise<string>((done) => child.stdout.once('data', (chunk: Buffer) => done(chunk.toString())));
  child.stdout.destroy();
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { firstChunk, stderr, code };
}

describe('the ninesmith process', () => {
  // Enough components that each report is far larger than a pipe's buffer.
  const dir = mkdtempSync(join(tmpdir(), 'ninesmith-bin-'));
  const file = join(dir, 'big.yaml');
  writeFileSync(file, serializeDesign(syntheticDesign(1000, 1)));

  it('ends quietly when its reader closes the pipe early (`ninesmith cost big.yaml | head`)', async () => {
    const { firstChunk, stderr, code } = await readFirstChunkThenClose(['cost', file]);
    expect(firstChunk).toContain('Monthly');
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);

  it('still exits with what it found when the reader stops early (`ninesmith validate big.yaml | head` exits 1 on findings)', async () => {
    const { firstChunk, stderr, code } = await readFirstChunkThenClose(['validate', file]);
    expect(firstChunk.length).toBeGreaterThan(0);
    expect(stderr).toBe('');
    expect(code).toBe(1);
  }, 60_000);
});
