import { describe, expect, it } from 'vitest';
import { writeJsonLines } from './json-writer';
import { LineWriter } from './line-writer';

function written(value: unknown, depth?: number): string {
  let text = '';
  const out = new LineWriter({ text: (piece) => (text += piece) });
  writeJsonLines(value, out, depth);
  out.flush();
  return text;
}

const VALUES: Record<string, unknown> = {
  'nested objects and arrays': { a: 1, b: [1, 2, { c: [3, [4, { d: 'e' }]] }], f: { g: { h: { i: [] } } } },
  'empty containers at each level': { a: [], b: {}, c: [[], {}, [[]], [{}]], d: { e: [], f: {} } },
  'what JSON leaves out or writes as null': { a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 1, Symbol('t'), 2], e: { only: undefined }, f: 1 },
  'members left out at the ends': { first: undefined, middle: 1, last: undefined },
  'an object of nothing JSON holds': { a: { b: undefined, c: () => 1 } },
  'numbers JSON cannot hold': { a: NaN, b: Infinity, c: -0, d: [NaN, -Infinity], e: 1e21, f: 0.1 + 0.2 },
  'strings with line breaks, quotes and other scripts': { 'line\nbreak': 'a\nb\r\n"q"\\', separator: 'x\u2028y\u2029z', emoji: '🛒 \ud800', 'ключ': 'значение' },
  'values with toJSON': { when: new Date(Date.UTC(2026, 11, 2)), custom: { toJSON: () => ({ made: [1, 2] }) }, list: [new Date(0)] },
  'a null-prototype object': Object.assign(Object.create(null) as object, { a: 1, b: [2] }),
  'boxed values': { s: new String('s'), n: new Number(1), b: new Boolean(false) },
  'a top-level array': [1, 'two', { three: [3] }, [4, [5]]],
  'a top-level string': 'just text\n',
  'a top-level number': 42,
  'null': null,
  'an empty array': [],
  'an empty object': {},
};

describe('writeJsonLines', () => {
  for (const [name, value] of Object.entries(VALUES)) {
    it(`writes what JSON.stringify(value, null, 2) writes: ${name}`, () => {
      const expected = `${JSON.stringify(value, null, 2)}\n`;
      for (const depth of [0, 1, 2, 3, 8]) expect(written(value, depth)).toBe(expected);
    });
  }

  it('writes a member below the levels it walks as one line of the output, however many lines its JSON has', () => {
    const lines: string[] = [];
    const out = new LineWriter({ text: () => undefined });
    out.raw = (line: string) => void lines.push(line);
    writeJsonLines({ items: [{ a: 1, b: [2] }] }, out, 2);
    expect(lines).toEqual(['{', '  "items": [', '    {\n      "a": 1,\n      "b": [\n        2\n      ]\n    }', '  ]', '}']);
  });

  it("refuses a member that only its toJSON leaves out, rather than write the commas around it wrong", () => {
    expect(() => written({ a: 1, b: { toJSON: () => undefined }, c: 2 })).toThrow('member "b" gives no JSON');
    expect(() => written(undefined)).toThrow('a value gives no JSON');
  });
});
