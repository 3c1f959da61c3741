import { describe, expect, it } from 'vitest';
import { migrateDocument, type Migration } from './migrate';

describe('migrations', () => {
  // A pretend format 2 that renamed `tier` to `serviceTier`, to prove the hook: files of format 1 keep loading.
  const toFormat2: Migration = {
    from: 1,
    migrate: ({ tier, ...rest }) => ({ document: { ...rest, serviceTier: tier }, notes: ['tier is now serviceTier'] }),
  };

  it('runs every step from the file\'s format to the current one, with notes of what changed', () => {
    const result = migrateDocument({ ninesmith: 1, name: 'Old', tier: 'premium' }, [toFormat2], 2);
    expect(result).toEqual({ ok: true, document: { ninesmith: 2, name: 'Old', serviceTier: 'premium' }, notes: ['tier is now serviceTier'] });
  });

  it('leaves a current file alone and refuses one from the future', () => {
    expect(migrateDocument({ ninesmith: 1, name: 'Now' })).toEqual({ ok: true, document: { ninesmith: 1, name: 'Now' }, notes: [] });
    expect(migrateDocument({ ninesmith: 3 }, [toFormat2], 2)).toMatchObject({ ok: false, problems: [{ code: 'version-unsupported' }] });
    expect(migrateDocument({ ninesmith: 'one' })).toMatchObject({ ok: false, problems: [{ path: ['ninesmith'] }] });
  });

  it('says so when a step is missing', () => {
    expect(migrateDocument({ ninesmith: 1 }, [], 2)).toMatchObject({ ok: false, problems: [{ message: 'no migration from format 1' }] });
  });
});
