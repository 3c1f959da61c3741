import { journeySchema, takenIds, uniqueId, type Design, type Journey } from '../../../model';

/**
 * A journey being edited: free text until saved. `checkJourney` says, per field, what keeps it
 * from being saved, with the format's own schema plus the references only the design can check.
 */
export interface JourneyDraft {
  name: string;
  from: string;
  needs: string[];
  /** Text as typed; empty means the tier's availability. */
  target: string;
}

export type JourneyErrors = Partial<Record<keyof JourneyDraft, string>>;

export function draftOf(journey: Journey | undefined): JourneyDraft {
  return journey
    ? { name: journey.name, from: journey.from, needs: [...journey.needs], target: journey.target === undefined ? '' : String(journey.target) }
    : { name: '', from: '', needs: [], target: '' };
}

export function checkJourney(design: Design, draft: JourneyDraft, previousId?: string): { journey?: Journey; errors: JourneyErrors } {
  const errors: JourneyErrors = {};
  const ids = new Set(design.components.map((c) => c.id));
  if (draft.name.trim() === '') errors.name = 'expected a name, such as "Submit timesheet"';
  else if (draft.name.length > 200) errors.name = 'expected at most 200 characters';
  if (draft.from === '') errors.from = 'expected the component where the journey starts';
  else if (!ids.has(draft.from)) errors.from = `no component with id "${draft.from}"`;
  const needs = draft.needs.filter((id) => id !== draft.from);
  if (needs.length === 0) errors.needs = 'expected at least one needed component';
  const missing = needs.find((id) => !ids.has(id));
  if (missing) errors.needs = `no component with id "${missing}"`;
  let target: number | undefined;
  if (draft.target.trim() !== '') {
    const value = Number(draft.target.trim());
    if (!Number.isFinite(value)) errors.target = 'expected a percentage such as 99.95, or empty for the tier\'s';
    else if (value <= 0 || value > 100) errors.target = 'expected a percentage above 0 and at most 100';
    else target = value;
  }
  if (Object.keys(errors).length > 0) return { errors };
  const taken = takenIds(design);
  if (previousId) taken.delete(previousId);
  const id = previousId ?? uniqueId(draft.name, taken);
  const candidate = { id, name: draft.name.trim(), from: draft.from, needs, target };
  const parsed = journeySchema.safeParse(candidate);
  if (!parsed.success) return { errors: { name: parsed.error.issues[0]?.message ?? 'invalid journey' } };
  const previous = design.journeys.find((j) => j.id === previousId);
  return { journey: { ...parsed.data, description: previous?.description }, errors };
}
