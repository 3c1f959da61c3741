import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import { serializeDesign, type Design } from '../../model';
import { DesignLibrary, InvalidDesignError, MemoryBackend, TRASH_RETENTION_MS, copyName } from './library';

function template(): Design {
  const result = loadDesign(readFileSync(new URL('../../../templates/single-region-multi-az.yaml', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error('template does not load');
  return result.design;
}

function libraryAt(start = 1_000_000) {
  let now = start;
  const library = new DesignLibrary(new MemoryBackend(), () => now);
  return { library, tick: (ms = 1000) => (now += ms) };
}

describe('the design library', () => {
  it('stores a design and gives back the same document', async () => {
    const { library } = libraryAt();
    const design = template();
    const id = await library.create(design, 'one');
    const loaded = await library.load(id);
    expect(loaded?.ok && serializeDesign(loaded.design)).toBe(serializeDesign(design));
    expect((await library.list())[0]).toMatchObject({ id: 'one', name: design.name, componentCount: design.components.length });
  });

  it('never overwrites a stored copy with an invalid design', async () => {
    const { library } = libraryAt();
    const design = template();
    await library.create(design, 'one');
    const broken: Design = { ...design, components: [...design.components, { id: 'ghost', kind: 'app-service', region: 'nowhere' }] };
    await expect(library.save('one', broken)).rejects.toBeInstanceOf(InvalidDesignError);
    const loaded = await library.load('one');
    expect(loaded?.ok && loaded.design.components.some((c) => c.id === 'ghost')).toBe(false);
  });

  it('lists the most recently saved first', async () => {
    const { library, tick } = libraryAt();
    const design = template();
    await library.create({ ...design, name: 'Older' }, 'a');
    tick();
    await library.create({ ...design, name: 'Newer' }, 'b');
    tick();
    await library.save('a', { ...design, name: 'Older, edited' });
    expect((await library.list()).map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('renames, duplicates under a free name, trashes and restores', async () => {
    const { library } = libraryAt();
    await library.create(template(), 'a');
    await library.rename('a', '  Portal  ');
    expect((await library.load('a'))?.ok && (await library.exportText('a'))).toContain('name: Portal\n');
    const copy = await library.duplicate('a');
    const copy2 = await library.duplicate('a');
    const names = (await library.list()).map((e) => e.name).sort();
    expect(names).toEqual(['Portal', 'Portal (copy 2)', 'Portal (copy)']);
    expect(copy).not.toBe(copy2);
    await library.trash('a');
    expect((await library.list()).find((e) => e.id === 'a')?.deletedAt).toBeDefined();
    await library.restore('a');
    expect((await library.list()).find((e) => e.id === 'a')?.deletedAt).toBeUndefined();
  });

  it('purges only what has been in the trash longer than the retention', async () => {
    const { library, tick } = libraryAt();
    await library.create(template(), 'old');
    await library.create(template(), 'recent');
    await library.trash('old');
    tick(TRASH_RETENTION_MS - 1000);
    await library.trash('recent');
    tick(2000);
    expect(await library.purgeExpired()).toEqual(['old']);
    expect((await library.list()).map((e) => e.id)).toEqual(['recent']);
  });

  it('names copies without stacking suffixes', () => {
    expect(copyName('Portal (copy)', new Set(['Portal (copy)']))).toBe('Portal (copy 2)');
    expect(copyName('Portal', new Set())).toBe('Portal (copy)');
  });
});
