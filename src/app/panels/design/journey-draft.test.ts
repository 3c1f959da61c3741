import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../../catalog';
import type { Design } from '../../../model';
import { checkJourney, draftOf } from './journey-draft';

function template(): Design {
  const result = loadDesign(readFileSync(new URL('../../../../templates/single-region-multi-az.yaml', import.meta.url), 'utf8'));
  if (!result.ok) throw new Error('template does not load');
  return result.design;
}

describe('journey drafts', () => {
  it('names every field that keeps a journey from being saved', () => {
    const { errors, journey } = checkJourney(template(), { name: ' ', from: '', needs: [], target: '101' });
    expect(journey).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['from', 'name', 'needs', 'target']);
  });

  it('gives a new journey a fresh id from its name, and keeps an edited one\'s id', () => {
    const design = template();
    const entry = design.components.find((c) => c.kind === 'users')!.id;
    const needed = design.components.find((c) => c.kind === 'relational-db')!.id;
    const created = checkJourney(design, { name: 'Pay invoice', from: entry, needs: [needed], target: '' });
    expect(created.journey).toMatchObject({ id: 'pay-invoice', from: entry, needs: [needed] });
    expect(created.journey?.target).toBeUndefined();
    const existing = design.journeys[0]!;
    const edited = checkJourney(design, { ...draftOf(existing), name: 'Renamed', target: '99.9' }, existing.id);
    expect(edited.journey).toMatchObject({ id: existing.id, name: 'Renamed', target: 99.9 });
  });

  it('refuses a needed component that does not exist', () => {
    const design = template();
    const { errors } = checkJourney(design, { name: 'X', from: design.components[0]!.id, needs: ['ghost'], target: '' });
    expect(errors.needs).toBe('no component with id "ghost"');
  });
});
