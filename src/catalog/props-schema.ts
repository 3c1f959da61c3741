import { z } from 'zod';
import { idSchema } from '../model';
import type { PropSpec } from './types';

// Apart from props.ts so that the kinds, and so the canvas, do not load zod before the first paint.

/** What the schema needs of a kind: its prop specs. */
type WithProps = { readonly props: readonly PropSpec[] };

function specSchema(spec: PropSpec): z.ZodType {
  switch (spec.type) {
    case 'number':
    case 'integer': {
      let schema = spec.type === 'integer' ? z.number().int('expected a whole number') : z.number();
      if (spec.min !== undefined) schema = schema.min(spec.min, `expected at least ${spec.min}`);
      if (spec.max !== undefined) schema = schema.max(spec.max, `expected at most ${spec.max}`);
      return spec.nullable ? schema.nullable() : schema;
    }
    case 'boolean':
      return z.boolean();
    case 'choice':
      return z.enum(spec.choices.map((choice) => choice.value) as [string, ...string[]]);
    case 'text':
      return z.string().max(spec.maxLength ?? 500, `expected at most ${spec.maxLength ?? 500} characters`);
    case 'region':
      return idSchema;
    case 'group':
      return z.strictObject(Object.fromEntries(spec.fields.map((field) => [field.key, specSchema(field).optional()])));
  }
}

const schemaCache = new WeakMap<WithProps, z.ZodType>();

/** The zod schema of a kind's props: every declared prop optional, nothing undeclared. */
export function propsSchema(kind: WithProps): z.ZodType {
  let schema = schemaCache.get(kind);
  if (!schema) {
    schema = z.strictObject(Object.fromEntries(kind.props.map((spec) => [spec.key, specSchema(spec).optional()])));
    schemaCache.set(kind, schema);
  }
  return schema;
}

