import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { quickComponent, quickConnection, quickLayoutPoint } from './quick-items';
import { componentSchema, connectionSchema, layoutPointSchema, MAX_ZONES_PER_REGION } from './schema';

/** Keys and values in order, undefined and -0 included: JSON.stringify would hide both. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return ['array', value.length, ...value.map(shape)];
  if (value !== null && typeof value === 'object') return ['object', Object.getPrototypeOf(value) === Object.prototype, ...Object.entries(value).flatMap(([key, item]) => [key, shape(item)])];
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  return value;
}

/** Values near the edges of what the schemas take: ids just right and just wrong, lengths at the limits, odd numbers. */
const id = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,6}[a-z0-9])?$/) },
  { weight: 2, arbitrary: fc.constantFrom('a', 'c0-app-service', `a${'b'.repeat(62)}c`, `a${'b'.repeat(63)}c`, '-a', 'a-', 'A', 'a_b', '', '0', 'é') },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,8}$/) },
);
const text = (max: number) => fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 12 }) }, { weight: 1, arbitrary: fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1), '') });
const number = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 100_002 }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 1, 1.5, 100000, 100001, 2 ** 53, 2 ** 53 - 1, Number.MAX_SAFE_INTEGER + 2, Infinity, -Infinity, Number.NaN, 1e-300) },
  { weight: 2, arbitrary: fc.double() },
);
const anything = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), number, fc.string({ maxLength: 4 }), fc.constant([]), fc.constant({}));
/** A field that is mostly of the right sort and sometimes anything at all. */
const field = <T>(right: fc.Arbitrary<T>) => fc.oneof({ weight: 5, arbitrary: right }, { weight: 1, arbitrary: anything });
const props = fc.oneof(
  fc.dictionary(fc.constantFrom('size', 'engine', '1', '0', 'a b', 'constructor', 'toString'), fc.oneof(anything, fc.dictionary(fc.string({ maxLength: 3 }), anything, { noNullPrototype: true })), { maxKeys: 4, noNullPrototype: true }),
  fc.constant(Object.create(null) as object),
  fc.constant([]),
);
const optional = <T>(key: string, value: fc.Arbitrary<T>) => fc.option(value.map((v) => [key, v] as const), { nil: undefined, freq: 2 });
/** A field that is missing one time in ten (fast-check's option gives its nil one time in `freq`). */
const required = <T>(key: string, value: fc.Arbitrary<T>) => fc.option(value.map((v) => [key, v] as const), { nil: undefined, freq: 10 });

/** An object made of the given entries in a shuffled order, sometimes with a field no schema knows. */
function record(entries: fc.Arbitrary<readonly (readonly [string, unknown] | undefined)[]>): fc.Arbitrary<unknown> {
  return fc
    .tuple(entries, fc.boolean(), fc.oneof({ weight: 10, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('extra', 'Id', '__proto__') }))
    .map(([list, reversed, extra]) => {
      const present = list.filter((entry): entry is readonly [string, unknown] => entry !== undefined);
      if (reversed) present.reverse();
      const value: Record<string, unknown> = {};
      for (const [key, item] of present) value[key] = item;
      if (extra !== undefined) Object.defineProperty(value, extra, { value: 1, enumerable: true, writable: true, configurable: true });
      return value;
    });
}

const component = record(
  fc.tuple(
    required('id', field(id)),
    required('kind', field(id)),
    optional('name', field(text(200))),
    optional('description', field(text(4000))),
    optional('region', field(id)),
    optional('zones', field(fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom('a', 'b', '1', '') }, { weight: 1, arbitrary: anything }), { maxLength: 3 }))),
    optional('replicas', field(number)),
    optional('props', field(props)),
  ),
);
const connection = record(
  fc.tuple(
    required('from', field(id)),
    required('to', field(id)),
    optional('mode', field(fc.constantFrom('sync', 'async', 'replication', 'backup', 'Sync', ''))),
    optional('label', field(text(200))),
  ),
);
const layoutPoint = fc.oneof({ weight: 8, arbitrary: record(fc.tuple(required('x', field(number)), required('y', field(number)))) }, { weight: 1, arbitrary: anything });

/**
 * What a quick reader accepts, the schema accepts and reads to the same value, key for key and in
 * the same order; what it leaves, the schema reads. Counts the values it took, so a reader that
 * gives up on everything fails too.
 */
function agreesWithSchema(name: string, arbitrary: fc.Arbitrary<unknown>, quick: (value: unknown, owned?: boolean) => unknown, schema: z.ZodType): void {
  for (const owned of [false, true]) {
    it(`${name}: the quick reader reads what it takes as the schema does${owned ? ' (a value it owns)' : ''}`, () => {
      let taken = 0;
      let valid = 0;
      let kept = 0;
      fc.assert(
        fc.property(arbitrary, (value) => {
          const before = shape(value);
          const read = quick(value, owned);
          const parsed = schema.safeParse(value);
          if (parsed.success) valid += 1;
          // Owned or not, the value is left as it was.
          expect(shape(value)).toEqual(before);
          if (read === undefined) return;
          taken += 1;
          expect(parsed.success).toBe(true);
          expect(shape(read)).toEqual(shape(parsed.data));
          if (read === value) kept += 1;
          // Only a value it owns may come back itself.
          if (!owned) expect(read).not.toBe(value);
        }),
        { numRuns: 5000, seed: 15 },
      );
      // It leaves fields that are there but undefined, and objects without a prototype, to the schema.
      expect(valid).toBeGreaterThan(500);
      expect(taken).toBeGreaterThan(valid * 0.6);
      // Half the values have their keys reversed, and many connections no mode: those are copies.
      if (owned) expect(kept).toBeGreaterThan(taken * 0.1);
    });
  }
}

describe('quick item readers', () => {
  agreesWithSchema('components', component, quickComponent, componentSchema);
  agreesWithSchema('connections', connection, quickConnection, connectionSchema);
  agreesWithSchema('layout points', layoutPoint, quickLayoutPoint, layoutPointSchema);

  it('leave anything not plain data to the schema', () => {
    class Point {
      x = 1;
      y = 2;
    }
    expect(quickLayoutPoint(new Point())).toBeUndefined();
    expect(quickComponent({ id: 'a', kind: 'b', name: undefined })).toBeUndefined();
    expect(quickComponent({ id: 'a', kind: 'b', props: Object.create(null) as object })).toBeUndefined();
    expect(quickConnection(Object.assign(Object.create({ mode: 'sync' }) as object, { from: 'a', to: 'b' }))).toBeUndefined();
  });

  it('leave a component with more zones than a region may have to the schema', () => {
    const zones = (count: number) => Array.from({ length: count }, (_, n) => `z${n}`);
    expect(quickComponent({ id: 'a', kind: 'b', zones: zones(MAX_ZONES_PER_REGION) })).toEqual({ id: 'a', kind: 'b', zones: zones(MAX_ZONES_PER_REGION) });
    expect(quickComponent({ id: 'a', kind: 'b', zones: zones(MAX_ZONES_PER_REGION + 1) })).toBeUndefined();
    expect(componentSchema.safeParse({ id: 'a', kind: 'b', zones: zones(MAX_ZONES_PER_REGION + 1) }).success).toBe(false);
  });
});
