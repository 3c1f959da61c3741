import type { z } from 'zod';
import { propsSchema, type ComponentKind } from '../../../catalog';

/**
 * The inspector's prop logic, apart from React so it is tested in Node: reading and setting a prop
 * by path, and checking a candidate value against the kind's props schema before anything is written.
 */
type Plain = Record<string, unknown>;

/** A copy of `target` with `value` at `path` (`undefined` removes the key). */
export function setIn(target: Plain | undefined, path: readonly string[], value: unknown): Plain {
  const [head, ...rest] = path;
  const copy: Plain = { ...(target ?? {}) };
  if (head === undefined) return copy;
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = copy[head];
  copy[head] = setIn(child !== null && typeof child === 'object' ? (child as Plain) : undefined, rest, value);
  return copy;
}

export function getIn(target: unknown, path: readonly string[]): unknown {
  let current = target;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Plain)[key];
  }
  return current;
}

const samePath = (a: readonly PropertyKey[], b: readonly string[]) => a.length === b.length && a.every((segment, i) => String(segment) === b[i]);

/**
 * Checks a value for one prop against the kind's schema, as the loader would: returns the
 * message for that field, or null when the value may be written.
 */
export function checkPropValue(kind: ComponentKind, props: Plain | undefined, path: readonly string[], value: unknown): string | null {
  const candidate = setIn(props, path, value);
  const result = (propsSchema(kind) as z.ZodType).safeParse(candidate);
  if (result.success) return null;
  const issue = result.error.issues.find((i) => samePath(i.path, path)) ?? result.error.issues.find((i) => path.join('.').startsWith(i.path.map(String).join('.')));
  return issue ? issue.message : null;
}
