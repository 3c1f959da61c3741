import { ID_PATTERN, ID_PATTERN_MESSAGE } from './format-constants';
import type { Design } from './schema';
import { takenIds } from './ids';

/** Why an id cannot be given to a component, in words the inspector shows; undefined when it can. */
export function componentIdProblem(design: Pick<Design, 'components' | 'regions' | 'journeys'>, currentId: string, nextId: string): string | undefined {
  if (nextId === currentId) return undefined;
  // The id schema's own test and words, without loading zod for the inspector.
  if (!ID_PATTERN.test(nextId)) return ID_PATTERN_MESSAGE;
  // Components, regions and journeys share one namespace: layout positions and references are keyed by id.
  if (takenIds(design).has(nextId)) {
    const what = design.components.some((c) => c.id === nextId) ? 'a component' : design.regions.some((r) => r.id === nextId) ? 'a region' : 'a journey';
    return `"${nextId}" is already the id of ${what} in this design`;
  }
  return undefined;
}

function renameKeys<V>(record: Readonly<Record<string, V>> | undefined, from: string, to: string): Record<string, V> | undefined {
  if (!record || !Object.hasOwn(record, from)) return record;
  // Keeps the key's place, so the file's diff shows a rename rather than a move.
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key === from ? to : key, value]));
}

/**
 * Gives a component a new id and updates everything that refers to it: connections, journeys
 * (their entry and what they need), suppressions, usage inputs, per-component assumptions and the
 * layout. Returns the design unchanged when the id is the same, unknown, or not allowed
 * (`componentIdProblem` says why).
 */
export function renameComponent(design: Design, from: string, to: string): Design {
  if (from === to || !design.components.some((c) => c.id === from) || componentIdProblem(design, from, to) !== undefined) return design;
  const swap = (id: string) => (id === from ? to : id);
  const usage = renameKeys(design.pricing?.usage, from, to);
  const assumed = renameKeys(design.assumptions?.components, from, to);
  return {
    ...design,
    components: design.components.map((c) => (c.id === from ? { ...c, id: to } : c)),
    connections: design.connections.map((c) => (c.from === from || c.to === from ? { ...c, from: swap(c.from), to: swap(c.to) } : c)),
    journeys: design.journeys.map((j) => (j.from === from || j.needs.includes(from) ? { ...j, from: swap(j.from), needs: j.needs.map(swap) } : j)),
    ...(design.suppressions ? { suppressions: design.suppressions.map((s) => (s.component === from ? { ...s, component: to } : s)) } : {}),
    ...(design.pricing ? { pricing: { ...design.pricing, ...(usage ? { usage } : {}) } } : {}),
    ...(design.assumptions ? { assumptions: { ...design.assumptions, ...(assumed ? { components: assumed } : {}) } } : {}),
    ...(design.layout ? { layout: renameKeys(design.layout, from, to) } : {}),
  };
}
