import type { z } from 'zod';
import { propsSchema, type ComponentKind, type NumberProp } from '../../../catalog';

/**
 * The inspector's value logic, apart from React so it is tested in Node: reading a typed number,
 * and checking a candidate value against the kind's props schema before anything is written.
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

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** What a number field's text means: a number, `null` (empty, for nullable props), or why not. */
export function parseNumberText(text: string, spec: Pick<NumberProp, 'nullable' | 'type'>): Parsed<number | null> {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return spec.nullable ? { ok: true, value: null } : { ok: false, message: 'expected a number' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) {
    return { ok: false, message: spec.type === 'integer' ? 'expected a whole number' : 'expected a number' };
  }
  return { ok: true, value: Number(trimmed) };
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

/** A schema check of one field of a plain object schema (component name, replicas, ...). */
export function checkField(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'invalid value');
}
