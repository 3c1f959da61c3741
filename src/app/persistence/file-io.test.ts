import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { READ_LIMITS } from '../../model';
import { designFileName, readDesignFile } from './file-io';

const sample = readFileSync(new URL('../../../templates/single-region-multi-az.yaml', import.meta.url), 'utf8');

function fakeFile(name: string, text: string, size = text.length) {
  let read = false;
  return {
    file: { name, size, text: async () => ((read = true), text) },
    wasRead: () => read,
  };
}

describe('design files', () => {
  it('reads a valid YAML file', async () => {
    const { file } = fakeFile('portal.yaml', sample);
    const result = await readDesignFile(file);
    expect(result.ok && result.design.name).toBe('Client portal, single region, multi-AZ');
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
