import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { READ_LIMITS } from '../../model';
import { designFileName, readDesignFile } from './file-io';

const sample = readFileSync(new URL('../../../templates/single-region-multi-az.yaml', import.meta.url), 'utf8');

function fakeFile(name: string, text: string | Uint8Array, size = text.length) {
  let read = false;
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return {
    file: { name, size, arrayBuffer: async () => ((read = true), bytes.slice().buffer) },
    wasRead: () => read,
  };
}

describe('design files', () => {
  it('reads a valid YAML file', async () => {
    const { file } = fakeFile('portal.yaml', sample);
    const result = await readDesignFile(file);
    expect(result.ok && result.design.name).toBe('Client portal, single region, multi-AZ');
  });

  it('reads UTF-16 with a byte order mark as the command line does', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(sample, 'utf16le'))]);
    const result = await readDesignFile(fakeFile('portal.yaml', utf16).file);
    expect(result.ok && result.design.name).toBe('Client portal, single region, multi-AZ');
    const withoutBom = await readDesignFile(fakeFile('portal.yaml', utf16.subarray(2)).file);
    expect(!withoutBom.ok && withoutBom.problems[0]!.message).toMatch(/UTF-16 without a byte order mark/);
  });

  it('reads a YAML flow mapping in a .yaml file as YAML', async () => {
    const result = await readDesignFile(fakeFile('flow.yaml', '{ninesmith: 1, name: Flow}').file);
    expect(result.ok && result.design.name).toBe('Flow');
  });

  it('refuses a file over the size limit without reading it', async () => {
    const { file, wasRead } = fakeFile('huge.yaml', '', READ_LIMITS.maxCharacters + 1);
    const result = await readDesignFile(file);
    expect(!result.ok && result.problems[0]!.code).toBe('too-large');
    expect(wasRead()).toBe(false);
  });

  it('refuses a file that is not a design file by its extension', async () => {
    const { file, wasRead } = fakeFile('photo.png', 'not a design');
    const result = await readDesignFile(file);
    expect(!result.ok && result.problems[0]!.message).toMatch(/expected \.yaml, \.yml or \.json/);
    expect(wasRead()).toBe(false);
  });

  it('reads a .json file as JSON, so a YAML-only file named .json is refused', async () => {
    const { file } = fakeFile('portal.json', sample);
    const result = await readDesignFile(file);
    expect(!result.ok && result.problems[0]!.message).toMatch(/^not valid JSON/);
  });

  it('names exported files after the design', () => {
    expect(designFileName({ name: 'Client portal, single region' }, 'yaml')).toBe('client-portal-single-region.ninesmith.yaml');
    expect(designFileName({ name: '——' }, 'json')).toBe('design.ninesmith.json');
  });
});
