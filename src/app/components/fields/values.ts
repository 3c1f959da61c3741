import type { z } from 'zod';
import type { NumberProp } from '../../../catalog';

/**
 * What typed text means, apart from React so it is tested in Node: a value to check and write, or
 * the message for why it is not one.
 */
export type Reading<T> = { ok: true; value: T } | { ok: false; message: string };

/** What a number field's text means: a number, `null` (empty, for nullable values), or why not. */
export function parseNumberText(text: string, spec: Pick<NumberProp, 'nullable' | 'type'>): Reading<number | null> {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return spec.nullable ? { ok: true, value: null } : { ok: false, message: 'expected a number' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) {
    return { ok: false, message: spec.type === 'integer' ? 'expected a whole number' : 'expected a number' };
  }
  return { ok: true, value: Number(trimmed) };
}

/** A schema check of one value (a component's name, a zone name, a usage figure): the message, or null when it may be written. */
export function checkField(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'invalid value');
}

/** A number read from text and checked against a schema, as one reading. */
export function readNumber(text: string, spec: Pick<NumberProp, 'nullable' | 'type'>, schema: z.ZodType): Reading<number | null> {
  const parsed = parseNumberText(text, spec);
  if (!parsed.ok) return parsed;
  const message = checkField(schema, parsed.value);
  return message === null ? parsed : { ok: false, message };
}
