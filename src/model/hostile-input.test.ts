import { describe, expect, it } from 'vitest';
import { decodeDesignBytes, designTier, formatOfFileName, formatProblem, READ_LIMITS, readDesignText, resolveTiers } from './index';
import { designSchema } from './schema';

/** Files that once crashed, were accepted when they should not be, or took seconds to refuse (issue 14). */
function problems(text: string, format?: 'json' | 'yaml'): string[] {
  const result = readDesignText(text, { format });
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('names of Object.prototype', () => {
  it('are no tier: `tier: constructor` is refused, not resolved to Object', () => {
    expect(problems('ninesmith: 1\nname: x\ntier: constructor\n')).toEqual([`tier: no tier "constructor": expected one of "standard", "premium", "mission-critical"`]);
    expect(problems('ninesmith: 1\nname: x\ntier: tostring\n')).toHaveLength(1);
    expect(resolveTiers({})['constructor']).toBeUndefined();
    expect(() => designTier({ tier: 'constructor' })).toThrow(/Unknown tier/);
  });

  it('make an incomplete new tier named constructor a problem like any other', () => {
    expect(problems('ninesmith: 1\nname: x\ntiers: { constructor: { availability: 99.9 } }\n')).toEqual(['tiers.constructor: a new tier needs availability, rto and rpo; missing rto, rpo']);
  });

  it('define a complete tier named constructor', () => {
    const result = readDesignText('ninesmith: 1\nname: x\ntier: constructor\ntiers: { constructor: { availability: 99.9, rto: 1h, rpo: 5m } }\n');
    expect(result.ok && designTier(result.design)).toMatchObject({ id: 'constructor', availability: 99.9 });
  });

  it('refuse a `__proto__` key anywhere, with its path, in YAML and JSON', () => {
    expect(problems('{"ninesmith":1,"name":"x","components":[{"id":"a","kind":"users","props":{"__proto__":{"x":1}}}]}')).toEqual(['components[0].props.__proto__: a key named "__proto__" is not allowed']);
    expect(problems('ninesmith: 1\nname: x\nlayout:\n  __proto__: { x: 1, y: 2 }\n')).toEqual(['layout.__proto__: a key named "__proto__" is not allowed']);
  });
});

describe('JSON is read as strictly as YAML', () => {
  it('refuses a duplicated key, with line and column', () => {
    expect(problems('{"ninesmith":1,"name":"first","name":"second"}')).toEqual(['not valid JSON: line 1, column 31: duplicated mapping key "name"']);
    expect(problems('{"ninesmith":1,\n"name":"a","regions":[{"id":"r","location":"us-east-1","zones":["a"],\n  "id":"s"}]}')).toEqual(['not valid JSON: line 3, column 3: duplicated mapping key "id"']);
    // The same key written with an escape is the same key.
    expect(problems('{"ninesmith":1,"name":"a","n\\u0061me":"b"}')).toHaveLength(1);
    // Keys of different objects may repeat.
    expect(problems('{"ninesmith":1,"name":"a","regions":[{"id":"r","location":"us-east-1","zones":["a"]},{"id":"s","location":"us-west-2","zones":["a"]}]}')).toEqual([]);
  });

  it('says where a syntax error is, also at the end of the file', () => {
    expect(problems('{"ninesmith":1,\n"name":"a",')[0]).toMatch(/^not valid JSON: line 2, column 12: /);
    expect(problems('{"ninesmith":1,\n"name":"a",]')[0]).toMatch(/^not valid JSON: line 2, column 12: /);
  });

  it('reads a YAML flow mapping in a .yaml file as YAML', () => {
    expect(formatOfFileName('design.yaml')).toBe('yaml');
    expect(formatOfFileName('design.JSON')).toBe('json');
    expect(formatOfFileName('design')).toBeUndefined();
    expect(problems('{ninesmith: 1, name: Flow}', formatOfFileName('flow.yaml'))).toEqual([]);
  });
});

describe('encodings: the command line and the browser decode alike', () => {
  const design = '{"ninesmith":1,"name":"Café"}';
  const utf16 = (text: string, littleEndian: boolean) => {
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      bytes[2 + i * 2] = littleEndian ? code & 0xff : code >> 8;
      bytes[3 + i * 2] = littleEndian ? code >> 8 : code & 0xff;
    }
    return bytes;
  };

  it('reads UTF-8 with and without a byte order mark, and UTF-16 with one', () => {
    const utf8 = new TextEncoder().encode(design);
    for (const bytes of [utf8, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), utf16(design, true), utf16(design, false)]) {
      const decoded = decodeDesignBytes(bytes);
      expect(decoded).toEqual({ ok: true, text: design });
      expect(decoded.ok && problems(decoded.text)).toEqual([]);
    }
  });

  it('refuses UTF-16 without a byte order mark with a message that says so', () => {
    const decoded = decodeDesignBytes(utf16(design, true).subarray(2));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.problems[0]!.message).toMatch(/UTF-16 without a byte order mark/);
  });

  it('reads a JSON text that still starts with a byte order mark', () => {
    expect(problems(`\ufeff${design}`)).toEqual([]);
  });
});

describe('limits answer before work scales', () => {
  const items = (n: number, item: string) => Array(n).fill(item).join(',');

  it('refuse a list longer than maxItems, in JSON and YAML, naming where', () => {
    const n = READ_LIMITS.maxItems + 1;
    const limit = READ_LIMITS.maxItems.toLocaleString('en-US');
    // Column of the first item past the limit: after `{"ninesmith":1,"name":"x","components":[` (40 characters) and maxItems `0,`.
    expect(problems(`{"ninesmith":1,"name":"x","components":[${items(n, '0')}]}`)).toEqual([`line 1, column ${41 + READ_LIMITS.maxItems * 2}: a list or object of more than ${limit} entries; refused`]);
    expect(problems(`ninesmith: 1\nname: x\ncomponents: [${items(n, '0')}]\n`)).toEqual([`components: a list of ${n.toLocaleString('en-US')} items; at most ${limit} are read`]);
    // Far longer lists stop js-yaml while it reads, before the list is built.
    expect(problems(`ninesmith: 1\nname: x\ncomponents:\n${Array(2 * n).fill('  - 0').join('\n')}\n`)).toEqual([`line ${2 * READ_LIMITS.maxItems + 4}: a list or mapping of more than ${limit} items; refused`]);
  });

  it('refuse an object with more than maxItems keys', () => {
    const keys = Array.from({ length: READ_LIMITS.maxItems + 1 }, (_, i) => `"k${i}":1`).join(',');
    expect(problems(`{"ninesmith":1,"name":"x",${keys}}`)[0]).toMatch(new RegExp(`a list or object of more than ${READ_LIMITS.maxItems.toLocaleString('en-US')} entries; refused$`));
  });

  it('stop checking a long list of wrong items after maxProblems, and say so', () => {
    const result = problems(`{"ninesmith":1,"name":"x","components":[${items(40_000, '{}')}]}`);
    expect(result).toHaveLength(READ_LIMITS.maxProblems + 1);
    expect(result[0]).toBe('components[0].id: required: expected string');
    expect(result.at(-1)).toBe(`more problems may follow: checking stopped after ${READ_LIMITS.maxProblems}`);
  });

  it('read a long design item by item as the whole schema reads it: defaults, key order and problems outside the lists', () => {
    const n = READ_LIMITS.itemCheckThreshold + 1;
    const components = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, kind: 'app-service', region: 'r', zones: ['a'] }));
    const layout = Object.fromEntries(components.map((component, i) => [component.id, { x: i, y: 2 * i }]));
    const document = { ninesmith: 1, name: 'long', regions: [{ id: 'r', location: 'eu-west-1', zones: ['a'] }], components, layout, tier: 'standard' };
    const read = readDesignText(JSON.stringify(document));
    const whole = designSchema.safeParse(document);
    expect(read.ok && whole.success).toBe(true);
    if (!read.ok || !whole.success) return;
    expect(JSON.stringify(read.design)).toBe(JSON.stringify(whole.data));
    expect(Object.keys(read.design)).toEqual(Object.keys(whole.data));
    expect(read.design.connections).toEqual([]);
    expect(read.design.components[n - 1]).toEqual(whole.data.components[n - 1]);
    expect(problems(JSON.stringify({ ...document, name: '' }))).toEqual(['name: expected a name for the design']);
    expect(problems(JSON.stringify({ ...document, connections: 'none' }))).toEqual(['connections: Invalid input: expected array, received string']);
  });

  it('refuse an overlong text with its path', () => {
    expect(problems(`{"ninesmith":1,"name":"${'x'.repeat(READ_LIMITS.maxStringCharacters + 1)}"}`)).toEqual(['name: a text of 100,001 characters; at most 100,000 are read']);
    // Plain block YAML as a design is saved, which the quick reader would otherwise take.
    expect(problems(`ninesmith: 1\nname: ${'x'.repeat(READ_LIMITS.maxStringCharacters + 1)}\n`)).toEqual(['name: a text of 100,001 characters; at most 100,000 are read']);
    expect(problems(`ninesmith: 1\nname: x\nlayout:\n  ${'k'.repeat(READ_LIMITS.maxStringCharacters + 1)}:\n    x: 1\n    "y": 2\n`)).toEqual([
      'layout: a key of 100,001 characters; at most 100,000 are read',
    ]);
  });

  it('list at most ten unknown keys, and count the rest', () => {
    const keys = Array.from({ length: 500 }, (_, i) => `"k${i}":1`).join(',');
    expect(problems(`{"ninesmith":1,"name":"x",${keys}}`)).toEqual([`unknown fields ${Array.from({ length: 10 }, (_, i) => `"k${i}"`).join(', ')} and 490 more`]);
  });

  it('bound usage figures, so no cost is infinite', () => {
    const design = (figure: string) => `{"ninesmith":1,"name":"x","components":[{"id":"web","kind":"users"}],"pricing":{"usage":{"web":{"requestsPerMonth":${figure}}}}}`;
    expect(problems(design('1e308'))).toEqual(['pricing.usage.web.requestsPerMonth: expected at most 1e+15: larger figures cannot be priced']);
    expect(problems(design('1e15'))).toEqual([]);
  });
});
