/**
 * Generated design files for the fuzz suite (issue 14): hostile text in every text field of valid
 * designs, structural mutations of the templates, byte-level damage, and random structures, each
 * with the command and output format to run it through. Built with fast-check, so a seed replays
 * a run and a failure shrinks to a small case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import yaml from 'js-yaml';
import { HOSTILE_FRAGMENTS } from '../../../generators/testing';

const TEMPLATE_DIR = new URL('../../../templates/', import.meta.url);

/** The templates as plain documents: the bases that hostile text and mutations start from. */
export const BASES: readonly { name: string; document: Record<string, unknown> }[] = readdirSync(TEMPLATE_DIR)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => ({ name: file, document: yaml.load(readFileSync(new URL(file, TEMPLATE_DIR), 'utf8')) as Record<string, unknown> }));

/** Names of Object.prototype, as command names, ids, keys and values. */
export const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'prototype'] as const;

/** Text that breaks outputs: Unicode line breaks, bidi and zero-width characters, HCL, Helm, shell and Markdown syntax. */
const HOSTILE_PARTS = [
  ...HOSTILE_FRAGMENTS,
  '\u0085env: [{name: NODE_OPTIONS, value: "--require /tmp/x.js"}]',
  '\u2028replicaCount: 0',
  '\u2029image: evil',
  '\n::error file=design.yaml,line=1::forged',
  '\u001b[2J\u001b[1A',
  '\u009b31m',
  '\u202e\u2066\u200b\u200d\ufeff',
  '<img src=https://evil.example/t.png>',
  '[Approve](https://evil.example/a)',
  '![x](https://evil.example/x.png)',
  'https://evil.example/l',
  '\r| x |',
  '1. ',
  '- [ ] ',
  '> ',
  '$(touch /tmp/ninesmith-pwned)',
  '`touch /tmp/ninesmith-pwned`',
  "'; touch /tmp/ninesmith-pwned; '",
  '${var.secret}',
  '%{ if true }',
  '{{ .Values.secret }}',
  '=cmd|"/c calc"!A1',
  '+1',
  '@SUM(1)',
  ...PROTOTYPE_NAMES,
] as const;

/** A hostile text: a few parts joined, sometimes with random characters, never blank (fields that need text stay valid). */
export const hostileText = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HOSTILE_PARTS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }), { minLength: 1, maxLength: 5 })
  .map((parts) => `${parts.join('')}x`);

/** Values a mutation puts where something else belongs. */
const strangeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1e308, -1e308, 5e-324, 1.5, 2 ** 53, '', ' ', [], {}, 'constructor', '__proto__', '3d-api', '0', 'a'.repeat(300)),
  hostileText,
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

type Path = (string | number)[];

function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, index) => paths(item, [...at, index], out));
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) paths((value as Record<string, unknown>)[key], [...at, key], out);
  return out;
}

function parentOf(document: unknown, path: Path): unknown {
  let node = document;
  for (const segment of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[segment];
  return node;
}

export type Mutation =
  | { op: 'delete' | 'duplicate' | 'empty'; at: number }
  | { op: 'replace'; at: number; value: unknown }
  | { op: 'add-key'; at: number; key: string; value: unknown }
  | { op: 'id'; at: number; id: string }
  | { op: 'tier'; tier: string; define: boolean };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const, 'empty' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: strangeValue }),
  fc.record({ op: fc.constant('add-key' as const), at: fc.nat(), key: fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, 'id', 'name', 'extra'), fc.string({ maxLength: 6 })), value: strangeValue }),
  fc.record({ op: fc.constant('id' as const), at: fc.nat(), id: fc.constantFrom('constructor', '3d-api', '0', '00', '1x', 'db', 'db-replica-1', 'a'.repeat(64)) }),
  fc.record({ op: fc.constant('tier' as const), tier: fc.constantFrom(...PROTOTYPE_NAMES, 'constructor', 'premium', 'gold'), define: fc.boolean() }),
);

/** Applies mutations to a deep copy of `document`; positions are taken modulo the nodes that exist. */
export function mutate(document: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  const copy = structuredClone(document);
  for (const m of mutations) {
    if (m.op === 'tier') {
      copy.tier = m.tier;
      if (m.define) Object.defineProperty((copy.tiers ??= {}) as object, m.tier, { value: { availability: 99.9 }, enumerable: true, writable: true, configurable: true });
      continue;
    }
    const all = paths(copy).filter((p) => p.length > 0);
    if (all.length === 0) continue;
    const path = all[m.at % all.length]!;
    const parent = parentOf(copy, path) as Record<string | number, unknown> | unknown[];
    const key = path[path.length - 1]!;
    const current = (parent as Record<string | number, unknown>)[key];
    switch (m.op) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(key as number, 1);
        else delete (parent as Record<string, unknown>)[key];
        break;
      case 'duplicate':
        if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(current));
        else if (Array.isArray(current) && current.length > 0) current.push(structuredClone(current[0]));
        break;
      case 'empty':
        (parent as Record<string | number, unknown>)[key] = Array.isArray(current) ? [] : current !== null && typeof current === 'object' ? {} : '';
        break;
      case 'replace':
        (parent as Record<string | number, unknown>)[key] = structuredClone(m.value);
        break;
      case 'add-key':
        if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
          Object.defineProperty(current, m.key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
        }
        break;
      case 'id':
        if (current !== null && typeof current === 'object' && !Array.isArray(current) && 'id' in current) (current as { id: unknown }).id = m.id;
        else if (typeof current === 'string' && /^[a-z0-9-]+$/.test(current)) (parent as Record<string | number, unknown>)[key] = m.id;
        break;
    }
  }
  return copy;
}

/** Every text field of a design gets hostile text; what needs text keeps some. */
export function withHostileText(document: Record<string, unknown>, text: (index: number) => string): Record<string, unknown> {
  const copy = structuredClone(document) as Record<string, unknown> & {
    regions?: Record<string, unknown>[];
    components?: Record<string, unknown>[];
    journeys?: Record<string, unknown>[];
    connections?: Record<string, unknown>[];
    suppressions?: Record<string, unknown>[];
  };
  let n = 0;
  const next = (max: number) => text(n++).slice(0, max);
  copy.name = next(200);
  copy.description = next(8000);
  for (const region of copy.regions ?? []) {
    // A location is a region code checked against the provider's list, never free text.
    region.name = next(200);
  }
  for (const component of copy.components ?? []) {
    component.name = next(200);
    component.description = next(4000);
  }
  for (const connection of copy.connections ?? []) connection.label = next(200);
  for (const journey of copy.journeys ?? []) {
    journey.name = next(200);
    journey.description = next(4000);
  }
  for (const suppression of copy.suppressions ?? []) suppression.reason = next(2000);
  return copy;
}

/** One generated file with what to run it through. */
export interface FuzzCase {
  kind: 'hostile-text' | 'structural' | 'bytes' | 'random';
  /** File name (its extension picks the format, as on the command line). */
  fileName: string;
  bytes: Uint8Array;
  command: FuzzCommand;
  /** Whether the design must be accepted (exit 0 or 1). */
  mustAccept: boolean;
}

export type FuzzCommand =
  | { name: 'validate'; format: 'text' | 'json' | 'sarif' }
  | { name: 'cost'; format: 'text' | 'json' | 'csv' | 'markdown' }
  | { name: 'compare'; format: 'text' | 'json' | 'markdown' }
  | { name: 'export' };

const command: fc.Arbitrary<FuzzCommand> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ name: fc.constant('validate' as const), format: fc.constantFrom('text' as const, 'json' as const, 'sarif' as const) }) },
  { weight: 4, arbitrary: fc.record({ name: fc.constant('cost' as const), format: fc.constantFrom('text' as const, 'json' as const, 'csv' as const, 'markdown' as const) }) },
  { weight: 3, arbitrary: fc.record({ name: fc.constant('compare' as const), format: fc.constantFrom('text' as const, 'json' as const, 'markdown' as const) }) },
  { weight: 1, arbitrary: fc.constant({ name: 'export' as const }) },
);

const encoder = new TextEncoder();
const serialize = (document: unknown, asJson: boolean): string => (asJson ? JSON.stringify(document, null, 2) : yaml.dump(document, { lineWidth: -1, noRefs: true }));
const base = fc.constantFrom(...BASES);

const hostileCase: fc.Arbitrary<FuzzCase> = fc
  .record({ base, texts: fc.array(hostileText, { minLength: 1, maxLength: 12 }), asJson: fc.boolean(), command })
  .map(({ base, texts, asJson, command }) => ({
    kind: 'hostile-text',
    fileName: `hostile.${asJson ? 'json' : 'yaml'}`,
    bytes: encoder.encode(serialize(withHostileText(base.document, (i) => texts[i % texts.length]!), asJson)),
    command,
    mustAccept: true,
  }));

const structuralCase: fc.Arbitrary<FuzzCase> = fc
  .record({ base, mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }), asJson: fc.boolean(), command })
  .map(({ base, mutations, asJson, command }) => ({
    kind: 'structural',
    fileName: `mutated.${asJson ? 'json' : 'yaml'}`,
    bytes: encoder.encode(serialize(mutate(base.document, mutations), asJson)),
    command,
    mustAccept: false,
  }));

type ByteEdit = { op: 'flip' | 'insert' | 'delete'; at: number; byte: number } | { op: 'truncate'; at: number } | { op: 'prefix'; bytes: readonly number[] };

const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ op: fc.constantFrom('flip' as const, 'insert' as const, 'delete' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('prefix' as const), bytes: fc.constantFrom<readonly number[]>([0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x00], [0xc0, 0x80], [0xed, 0xa0, 0x80]) }),
);

const bytesCase: fc.Arbitrary<FuzzCase> = fc
  .record({ base, edits: fc.array(byteEdit, { minLength: 1, maxLength: 6 }), asJson: fc.boolean(), utf16: fc.boolean(), command })
  .map(({ base, edits, asJson, utf16, command }) => {
    const text = serialize(base.document, asJson);
    let bytes = [...(utf16 ? [0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))] : encoder.encode(text))];
    for (const edit of edits) {
      const at = 'at' in edit ? edit.at % Math.max(1, bytes.length) : 0;
      if (edit.op === 'flip') bytes[at] = edit.byte;
      else if (edit.op === 'insert') bytes.splice(at, 0, edit.byte);
      else if (edit.op === 'delete') bytes.splice(at, 1);
      else if (edit.op === 'truncate') bytes = bytes.slice(0, at);
      else if (edit.op === 'prefix') bytes = [...edit.bytes, ...bytes];
    }
    return { kind: 'bytes', fileName: `damaged.${asJson ? 'json' : 'yaml'}`, bytes: new Uint8Array(bytes), command, mustAccept: false };
  });

const randomCase: fc.Arbitrary<FuzzCase> = fc
  .record({ value: fc.jsonValue({ maxDepth: 5 }), versioned: fc.boolean(), asJson: fc.boolean(), command })
  .map(({ value, versioned, asJson, command }) => {
    const document = versioned && value !== null && typeof value === 'object' && !Array.isArray(value) ? { ninesmith: 1, name: 'x', ...value } : value;
    return { kind: 'random', fileName: `random.${asJson ? 'json' : 'yaml'}`, bytes: encoder.encode(serialize(document, asJson)), command, mustAccept: false };
  });

const decoder = new TextDecoder();

/** Shown by fast-check for a failing case: what it is and how its text starts, not a byte array. */
function described(fuzz: FuzzCase): FuzzCase {
  const text = decoder.decode(fuzz.bytes);
  return Object.assign(fuzz, {
    [fc.toStringMethod]: () => `${fuzz.kind} ${fuzz.fileName} ${JSON.stringify(fuzz.command)} (${fuzz.bytes.length} bytes): ${JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…` : text)}`,
  });
}

/** The mix of a run: a third valid designs with hostile text, the rest damaged in structure, in bytes, or random. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc
  .oneof({ weight: 3, arbitrary: hostileCase }, { weight: 4, arbitrary: structuralCase }, { weight: 2, arbitrary: bytesCase }, { weight: 1, arbitrary: randomCase })
  .map(described);
