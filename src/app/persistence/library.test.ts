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

describe('a library with damaged records', () => {
  function damagedLibrary() {
    const backend = new MemoryBackend();
    const library = new DesignLibrary(backend, () => 5_000_000);
    return { backend, library };
  }

  it('lists every good design and sets each damaged record aside, with what is wrong', async () => {
    const { backend, library } = damagedLibrary();
    await library.create(template(), 'good');
    backend.putRaw('entries', 'garbage-1', { id: 'garbage-1' });
    backend.putRaw('entries', 'numeric-name', { id: 'numeric-name', name: 12345, updatedAt: 1, createdAt: 1, componentCount: 3 });
    backend.putRaw('entries', 'string-dates', { id: 'string-dates', name: 'Dates', updatedAt: '2026-01-01', createdAt: '2026-01-01', componentCount: 3 });
    backend.putRaw('entries', 'far-future', { id: 'far-future', name: 'Future', updatedAt: 1e300, createdAt: 1, componentCount: 3 });
    backend.putRaw('entries', 7, { id: 7, name: 'Numeric key' });
    const { entries, damaged } = await library.listAll();
    expect(entries.map((e) => e.id)).toEqual(['good']);
    expect(await library.list()).toEqual(entries);
    expect(damaged.map((d) => [d.label, d.problem.split(':')[0]])).toEqual([
      ['garbage-1', 'name'],
      ['numeric-name', 'name'],
      ['string-dates', 'updatedAt'],
      ['far-future', 'updatedAt'],
      ['7', 'id'],
    ]);
    // Opening the good design still works; opening a damaged one says why it cannot.
    expect((await library.load('good'))?.ok).toBe(true);
    const load = await library.load('numeric-name');
    expect(load).toBeUndefined(); // no document stored for it
  });

  it('offers a damaged record as raw JSON, whatever it holds, and deletes it for good by its key', async () => {
    const { backend, library } = damagedLibrary();
    const cyclic: Record<string, unknown> = { id: 'cyclic', name: 1n, when: new Date(0), tags: new Set(['a']) };
    cyclic.self = cyclic;
    backend.putRaw('entries', 'cyclic', cyclic);
    backend.putRaw('documents', 'cyclic', { id: 'cyclic', document: { ninesmith: 1, name: 'Kept' } });
    const [damaged] = (await library.listAll()).damaged;
    const raw = JSON.parse(await library.rawJson(damaged!.key));
    expect(raw).toMatchObject({ key: 'cyclic', entry: { id: 'cyclic', name: '1n', self: '[cycle]', tags: { '[Set]': ['a'] } }, document: { document: { name: 'Kept' } } });
    await library.purge(damaged!.key);
    expect((await library.listAll()).damaged).toEqual([]);
    backend.putRaw('entries', 7, { id: 7 });
    await library.purge(7);
    expect((await library.listAll()).damaged).toEqual([]);
  });

  it('rebuilds a damaged entry from its intact document', async () => {
    const { backend, library } = damagedLibrary();
    const design = template();
    await library.create(design, 'one');
    backend.putRaw('entries', 'one', { id: 'one', name: 12345 });
    const [damaged] = (await library.listAll()).damaged;
    expect(damaged).toMatchObject({ key: 'one', recoverable: true });
    await library.recover('one');
    const { entries, damaged: after } = await library.listAll();
    expect(after).toEqual([]);
    expect(entries).toEqual([expect.objectContaining({ id: 'one', name: design.name, componentCount: design.components.length })]);
  });

  it('reads a last-open mark that is not text as none', async () => {
    const { backend, library } = damagedLibrary();
    await backend.setMeta('lastOpenDesign', 42);
    expect(await library.lastOpen()).toBeUndefined();
  });
});
