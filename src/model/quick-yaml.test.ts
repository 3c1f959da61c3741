import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { quickYaml } from './quick-yaml';

const LIMITS = { maxValues: 1_000_000, maxItems: 50_000, maxDepth: 32, maxLineCharacters: 100_000 };

/** Keys and values in order, -0 apart from 0: what a reader gives, exactly. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return ['array', ...value.map(shape)];
  if (value !== null && typeof value === 'object') return ['object', ...Object.entries(value).flatMap(([key, item]) => [key, shape(item)])];
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : Number.isNaN(value) ? 'NaN' : value;
  return value;
}

/** Text with what YAML treats specially: indicators, quotes, comment and colon marks, spaces, words that read as other types. */
const word = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/) },
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...'aZ09 -_.:#/&*!|>\'"%@`,[]{}()?+=~\\\té'.split('')), maxLength: 8 }) },
  { weight: 2, arbitrary: fc.constantFrom('null', 'Null', '~', 'true', 'False', 'yes', 'y', 'n', 'on', '1', '-1', '0x1F', '0o17', '0b11', '1_000', '1e3', '.5', '-.inf', '.NaN', '1.0', '-0', '+1', '012', '1:2', '- a', '---', '...', '', ' a', 'a ', 'a  b', '__proto__') },
);
const scalar = fc.oneof(word, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(-0, 0.1, 1e21, 2 ** 53));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(word, tie('node'), { maxKeys: 5, noNullPrototype: true }),
})).node;
const document = fc.dictionary(word, value, { minKeys: 1, maxKeys: 6, noNullPrototype: true });

/** Dump options: the ones a design is saved with, and others a person's tools might use. */
const dumpOptions = fc.constantFrom<yaml.DumpOptions[]>(
  { schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true, quotingType: '"', flowLevel: -1 },
  {},
  { indent: 4 },
  { quotingType: '"', forceQuotes: true },
  { flowLevel: 1 },
  { noArrayIndent: true },
);

/** A small edit of the text: a character in or out, a line moved or re-indented. */
const edit = fc.tuple(fc.nat(), fc.constantFrom('insert', 'delete', 'indent', 'outdent', 'duplicate'), fc.constantFrom(...' -:#"\'\n\t&*!|>[]{}?,a1.'.split('')));
function edited(text: string, [at, kind, character]: [number, string, string]): string {
  const position = text.length === 0 ? 0 : at % text.length;
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  const lineEnd = text.indexOf('\n', position) === -1 ? text.length : text.indexOf('\n', position);
  switch (kind) {
    case 'insert':
      return text.slice(0, position) + character + text.slice(position);
    case 'delete':
      return text.slice(0, position) + text.slice(position + 1);
    case 'indent':
      return `${text.slice(0, lineStart)} ${text.slice(lineStart)}`;
    case 'outdent':
      return text.charAt(lineStart) === ' ' ? text.slice(0, lineStart) + text.slice(lineStart + 1) : text;
    default:
      return `${text.slice(0, lineEnd)}\n${text.slice(lineStart, lineEnd)}${text.slice(lineEnd)}`;
  }
}

/** What js-yaml reads from the text as the design reader asks it to, or the error it throws. */
function jsYaml(text: string): { value: unknown } | { error: string } {
  try {
    return { value: yaml.load(text, { schema: yaml.CORE_SCHEMA, json: false }) };
  } catch (error) {
    return { error: String(error) };
  }
}

describe('quickYaml', () => {
  it('reads what it takes as js-yaml does, from dumped documents and from edits of them', () => {
    let dumped = 0;
    let takenDumps = 0;
    let takenEdits = 0;
    fc.assert(
      fc.property(document, dumpOptions, fc.array(edit, { maxLength: 3 }), (value, options, edits) => {
        let text: string;
        try {
          text = yaml.dump(value, options);
        } catch {
          return;
        }
        for (const [index, current] of [text, ...edits.map((_, n) => edits.slice(0, n + 1).reduce(edited, text))].entries()) {
          const quick = quickYaml(current, LIMITS);
          if (index === 0) dumped += 1;
          if (quick === undefined) continue;
          if (index === 0) takenDumps += 1;
          else takenEdits += 1;
          const read = jsYaml(current);
          expect(read, current).toHaveProperty('value');
          expect(shape(quick), current).toEqual(shape((read as { value: unknown }).value));
        }
      }),
      { numRuns: 4000, seed: 15 },
    );
    // It takes a good share of what it is for, and some edits too, so both sides are tested.
    expect(takenDumps).toBeGreaterThan(dumped / 10);
    expect(takenEdits).toBeGreaterThan(100);
  });

  it('reads plain scalars as the core schema does: text, null, booleans and numbers', () => {
    const plain = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9_/(+.-][A-Za-z0-9 _./+(),-]{0,10}$/),
      fc.stringMatching(/^[-+]?[0-9._]{1,8}(?:[eE][-+]?[0-9]{1,3})?$/),
      fc.constantFrom('~', 'null', 'Null', 'NULL', 'nul', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'FALSE', 'f', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '0x', '0xFF', '0b101', '0o7', '-0', '0.', '._', '1e', '1e+5'),
    );
    let values = 0;
    fc.assert(
      fc.property(plain, (scalar) => {
        const text = `key: ${scalar}\nlist:\n  - ${scalar}\n`;
        const quick = quickYaml(text, LIMITS);
        if (quick === undefined) return;
        values += 1;
        expect(shape(quick), text).toEqual(shape(yaml.load(text, { schema: yaml.CORE_SCHEMA })));
      }),
      { numRuns: 5000, seed: 15 },
    );
    expect(values).toBeGreaterThan(3000);
  });

  it('leaves to js-yaml what it is not sure of', () => {
    for (const text of [
      'a: 1 # note\n',
      '# note\na: 1\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'a: |\n  text\n',
      'a:\n- 1\n',
      'a: 1\na: 2\n',
      'a: [1, 2]\n',
      'a: "x\\ty"\n',
      "a: 'it''s'\n",
      'a: b\n  c\n',
      '---\na: 1\n',
      'a:\tb\n',
      'a: 1\r\n',
      '1: a\n',
      'null: a\n',
      'a: é\n',
      '- a\n',
      'a\n',
      'a:  b\n',
      'a: b \n',
      '  \na: 1\n',
    ]) {
      expect(quickYaml(text, LIMITS), text).toBeUndefined();
    }
  });

  it('gives up past its limits, so js-yaml reports them', () => {
    const list = `a:\n${'  - 1\n'.repeat(11)}`;
    expect(quickYaml(list, { ...LIMITS, maxItems: 10 })).toBeUndefined();
    expect(quickYaml(list, { ...LIMITS, maxValues: 12 })).toBeUndefined();
    expect(quickYaml(list, LIMITS)).toEqual({ a: new Array(11).fill(1) });
    const deep = `${Array.from({ length: 40 }, (_, depth) => `${'  '.repeat(depth)}a:`).join('\n')} 1\n`;
    expect(quickYaml(deep, LIMITS)).toBeUndefined();
    const long = (characters: number) => `a: ${'x'.repeat(characters)}\nb:\n  - ${'y'.repeat(characters)}\n`;
    expect(quickYaml(long(10), { ...LIMITS, maxLineCharacters: 13 })).toEqual({ a: 'x'.repeat(10), b: ['y'.repeat(10)] });
    expect(quickYaml(long(11), { ...LIMITS, maxLineCharacters: 13 })).toBeUndefined();
    expect(quickYaml(`a: 1\nb:\n  - ${'y'.repeat(12)}\n`, { ...LIMITS, maxLineCharacters: 11 })).toBeUndefined();
  });

  it('reads a saved design', () => {
    const text = 'ninesmith: 1\nname: Shop, two regions (draft)\ntier: premium\nregions:\n  - id: primary\n    zones:\n      - a\n      - b\ncomponents: []\nlayout:\n  web:\n    x: -12.5\n    "y": 40\n';
    expect(shape(quickYaml(text, LIMITS))).toEqual(shape(yaml.load(text, { schema: yaml.CORE_SCHEMA })));
  });
});
