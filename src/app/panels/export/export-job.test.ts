import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../../catalog';
import { generateExport } from '../../../../generators';
import { Utf8File, type GeneratedFile } from '../../../../generators/types';
import { copiedFiles, packFiles, unpackFiles } from './export-job';
import { zipExport } from './zip';

function templateFiles(): GeneratedFile[] {
  const loaded = loadDesign(readFileSync(new URL('../../../../templates/erp-on-kubernetes.yaml', import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.problems[0]?.message);
  return generateExport(loaded.design);
}

/** What a file says, whichever way it was carried. */
const written = (files: readonly GeneratedFile[]) => files.map((file) => ({ path: file.path, contents: file.contents, bytes: Boolean(file.utf8) }));

describe("the export worker's messages", () => {
  it('carry every file of an export as it was made: text as text, bytes as bytes, in order', () => {
    const files = templateFiles();
    expect(files.some((file) => file.utf8)).toBe(true);
    expect(files.some((file) => !file.utf8)).toBe(true);
    const { files: packed, transfer } = packFiles(files);
    // As a message would carry them, the bytes moved.
    const received = unpackFiles(structuredClone(packed, { transfer }));
    expect(written(received)).toEqual(written(files));
    expect(zipExport('x-export', received)).toEqual(zipExport('x-export', files));
  });

  it('move bytes in buffers of their own, so a chunk that files share is never emptied by the move', () => {
    // Two files whose bytes are one array (as every empty Terraform file's newline is), and one of two chunks.
    const shared = new TextEncoder().encode('\n');
    const files = [new Utf8File('a.tf', [shared]), new Utf8File('b.tf', [shared]), new Utf8File('c.tf', [new TextEncoder().encode('x = '), new TextEncoder().encode('1\n')])];
    const { files: packed, transfer } = packFiles(files);
    expect(transfer).toHaveLength(3);
    expect(new Set(transfer).size).toBe(3);
    for (const file of packed) if ('bytes' in file) expect(file.bytes.byteLength).toBe(file.bytes.buffer.byteLength);
    const received = unpackFiles(structuredClone(packed, { transfer }));
    expect(shared.byteLength).toBe(1);
    expect(received.map((file) => file.contents)).toEqual(['\n', '\n', 'x = 1\n']);
    // The next export packs the same shared chunk again.
    expect(unpackFiles(structuredClone(packFiles(files).files)).map((file) => file.contents)).toEqual(['\n', '\n', 'x = 1\n']);
  });

  it("send the page's files for a zip without taking them from the page", () => {
    const files = templateFiles();
    const { files: packed, transfer } = packFiles(files);
    const onPage = unpackFiles(structuredClone(packed, { transfer }));
    const sent = copiedFiles(onPage);
    const inWorker = unpackFiles(structuredClone(sent));
    expect(zipExport('x-export', inWorker)).toEqual(zipExport('x-export', files));
    // The page still has every byte it shows.
    expect(written(onPage)).toEqual(written(files));
  });
});
