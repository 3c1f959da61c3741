import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticDesign } from '../catalog';
import { serializeDesign } from '../model';

const root = resolve(import.meta.dirname, '..', '..');

describe('the ninesmith process', () => {
  it('ends quietly when its reader closes the pipe early (`ninesmith cost big.yaml | head`)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-bin-'));
    const file = join(dir, 'big.yaml');
    // Enough components that the report is far larger than a pipe's buffer.
    writeFileSync(file, serializeDesign(syntheticDesign(1000, 1)));
    const child = spawn(process.execPath, [join(root, 'bin', 'ninesmith.mjs'), 'cost', file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const firstChunk = await new Promise<string>((done) => child.stdout.once('data', (chunk: Buffer) => done(chunk.toString())));
    // What `head` does once it has its lines.
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(firstChunk).toContain('Monthly');
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
