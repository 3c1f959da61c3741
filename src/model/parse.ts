import yaml from 'js-yaml';
import type { z } from 'zod';
import type { DesignProblem, PathSegment } from './problems';
import { componentSchema, connectionSchema, designSchema, idSchema, journeySchema, layoutPointSchema, regionSchema, schemaParseOptions, suppressionSchema, type Design } from './schema';
import { migrateDocument } from './migrate';
import { checkReferences } from './references';
import { isQuickId, quickComponent, quickConnection, quickLayoutPoint } from './quick-items';
import { quickYaml } from './quick-yaml';

/** Limits that keep a hostile or broken file from hanging the app or exhausting memory. */
export const READ_LIMITS = {
  /** Characters of text; a real design of 20,000 components is about 4 MB of YAML. */
  maxCharacters: 8 * 1024 * 1024,
  /** Nesting depth of the document; format 1 needs 6. */
  maxDepth: 64,
  /** Values after YAML aliases are expanded: stops "billion laughs" alias bombs. */
  maxValues: 2_000_000,
  /** Items of one list and keys of one mapping: two and a half times the 20,000 components the benchmarks load. */
  maxItems: 50_000,
  /** Characters of one string or key; the longest text the format allows is 8,000. */
  maxStringCharacters: 100_000,
  /** Problems listed before the rest are summarised. */
  maxProblems: 200,
  /** Items in the lists above which each item is checked on its own first, stopping at maxProblems. */
  itemCheckThreshold: 2_000,
} as const;

export type ReadResult =
  | { ok: true; design: Design; notes: string[] }
  | {
      ok: false;
      problems: DesignProblem[];
      /** The document as far as it fits the schema, when only references are wrong: later checks add their problems too. */
      partial?: Design;
    };

export type TextFormat = 'yaml' | 'json';

/** JSON when the text starts with `{`, YAML otherwise (YAML also reads JSON, but more slowly). */
export function detectFormat(text: string): TextFormat {
  return /^\s*\{/.test(text) ? 'json' : 'yaml';
}

/** The format a file's name promises: `.json` JSON, `.yaml`/`.yml` YAML (a YAML flow mapping starts with `{` too), else undefined. */
export function formatOfFileName(fileName: string): TextFormat | undefined {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  return undefined;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; problems: DesignProblem[] };

/**
 * A design file's bytes as text, the same in the command line and the browser: UTF-8 (with or
 * without a byte order mark), or UTF-16 with a byte order mark. Invalid UTF-8 sequences become
 * U+FFFD. UTF-16 without a byte order mark cannot be told apart reliably: refused with a message.
 */
export function decodeDesignBytes(bytes: Uint8Array): DecodeResult {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  if (encoding === 'utf-8' && bytes.length >= 2 && looksLikeUtf16WithoutBom(bytes)) {
    return {
      ok: false,
      problems: [{ path: [], code: 'syntax', message: 'the file looks like UTF-16 without a byte order mark; save it as UTF-8 (or UTF-16 with a byte order mark)' }],
    };
  }
  // The decoder drops a leading byte order mark.
  return { ok: true, text: new TextDecoder(encoding).decode(bytes) };
}

/** Every other byte of the first few hundred is zero: ASCII text written as UTF-16. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512 - (Math.min(bytes.length, 512) % 2));
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const pairs = sample.length / 2;
  return pairs > 0 && (evenZeros / pairs > 0.8 || oddZeros / pairs > 0.8);
}

const tooManyValues = (): DesignProblem => ({
  path: [],
  code: 'too-many-values',
  message: `the file expands to more than ${READ_LIMITS.maxValues.toLocaleString('en-US')} values (YAML aliases that repeat other aliases?); refused`,
});

class LimitExceeded extends Error {
  constructor(readonly problem: DesignProblem) {
    super(problem.message);
  }
}

/**
 * Walks a freshly parsed value, counting values and bounding depth, lists, mappings and strings,
 * and refusing a `__proto__` key (zod's records would assign it, setting a prototype). For YAML it
 * also copies into plain objects and arrays: aliases become independent copies, so the count bounds
 * the expanded size and nothing downstream can loop or blow up, and dates become text. JSON has no
 * aliases or dates, so its value is only walked: copying a mapping of 50,000 keys costs seconds.
 */
function checkBounded(value: unknown, limits: typeof READ_LIMITS, copy: boolean): unknown {
  let count = 0;
  // One path for the whole walk, copied only into a problem.
  const path: PathSegment[] = [];
  const fail = (code: DesignProblem['code'], message: string, at: PathSegment[] = [...path]): never => {
    throw new LimitExceeded({ path: at, code, message });
  };
  const visit = (node: unknown, depth: number): unknown => {
    count += 1;
    if (count > limits.maxValues) throw new LimitExceeded(tooManyValues());
    if (typeof node === 'string' && node.length > limits.maxStringCharacters) {
      fail('too-large', `a text of ${node.length.toLocaleString('en-US')} characters; at most ${limits.maxStringCharacters.toLocaleString('en-US')} are read`);
    }
    if (node === null || typeof node !== 'object') return node;
    if (depth >= limits.maxDepth) fail('too-deep', `nested more than ${limits.maxDepth} levels deep; a design is never nested like this`, path.slice(0, 3));
    if (Array.isArray(node)) {
      if (node.length > limits.maxItems) fail('too-large', `a list of ${node.length.toLocaleString('en-US')} items; at most ${limits.maxItems.toLocaleString('en-US')} are read`);
      const items: unknown[] | undefined = copy ? new Array(node.length) : undefined;
      for (let index = 0; index < node.length; index += 1) {
        path.push(index);
        const item = visit(node[index], depth + 1);
        if (items) items[index] = item;
        path.pop();
      }
      return items ?? node;
    }
    if (node instanceof Date) return node.toISOString();
    const keys = Object.keys(node);
    if (keys.length > limits.maxItems) fail('too-large', `a mapping of ${keys.length.toLocaleString('en-US')} keys; at most ${limits.maxItems.toLocaleString('en-US')} are read`);
    const result: Record<string, unknown> | undefined = copy ? {} : undefined;
    for (const key of keys) {
      if (key === '__proto__') fail('schema', 'a key named "__proto__" is not allowed', [...path, key]);
      if (key.length > limits.maxStringCharacters) fail('too-large', `a key of ${key.length.toLocaleString('en-US')} characters; at most ${limits.maxStringCharacters.toLocaleString('en-US')} are read`);
      path.push(key);
      const item = visit((node as Record<string, unknown>)[key], depth + 1);
      if (result) result[key] = item;
      path.pop();
    }
    return result ?? node;
  };
  return visit(value, 0);
}

/**
 * The value of the text, and whether it is already known to keep within READ_LIMITS: the quick
 * YAML reader's limits are tighter than those and it makes every node afresh, so its value needs
 * no walk.
 */
function parseText(text: string, format: TextFormat, fileName?: string): { value: unknown; bounded: boolean } {
  if (format === 'json') {
    // Sizes and duplicate keys first, in one pass over the text: a list of millions of items is
    // refused before JSON.parse builds it.
    const structural = checkJsonStructure(text);
    if (structural) throw new LimitExceeded(structural);
    try {
      return { value: JSON.parse(text) as unknown, bounded: false };
    } catch (error) {
      if (error instanceof RangeError) throw error;
      throw new LimitExceeded({ path: [], code: 'syntax', message: `not valid JSON: ${jsonErrorWhere(text, (error as Error).message)}` });
    }
  }
  // Half the values: the quick reader counts as js-yaml does, but must never take what js-yaml refuses.
  const quick = quickYaml(text, { maxValues: READ_LIMITS.maxValues / 2, maxItems: READ_LIMITS.maxItems, maxDepth: 32, maxLineCharacters: READ_LIMITS.maxStringCharacters });
  if (quick !== undefined) return { value: quick, bounded: true };
  // Counts the nodes js-yaml composes, per collection and in all, so a huge list is refused while it is read.
  const children: number[] = [];
  let nodes = 0;
  const listener = (event: 'open' | 'close', state: { line: number }) => {
    if (event === 'open') {
      children.push(0);
      nodes += 1;
      if (nodes > READ_LIMITS.maxValues) throw new LimitExceeded(tooManyValues());
      return;
    }
    children.pop();
    const parent = children.length - 1;
    // A mapping's entries are two nodes each, a key and a value.
    if (parent >= 0 && (children[parent] = children[parent]! + 1) > 2 * READ_LIMITS.maxItems) {
      throw new LimitExceeded({ path: [], code: 'too-large', message: `line ${state.line + 1}: a list or mapping of more than ${READ_LIMITS.maxItems.toLocaleString('en-US')} items; refused` });
    }
  };
  try {
    // CORE_SCHEMA: plain data only. No custom tags, no timestamps turned into dates, and
    // js-yaml never executes code. Duplicate keys are an error.
    return { value: yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: fileName ?? 'design', json: false, listener }), bounded: false };
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const mark = error.mark;
      const where = mark ? `line ${mark.line + 1}, column ${mark.column + 1}: ` : '';
      throw new LimitExceeded({ path: [], code: 'syntax', message: `not valid YAML: ${where}${error.reason}` });
    }
    throw error;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** JSON.parse's message with a line and column: from its "position N", or the end of the text for "Unexpected end". */
function jsonErrorWhere(text: string, message: string): string {
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : /end of JSON input/i.test(message) ? text.length : undefined;
  if (offset === undefined) return message;
  const { line, column } = lineAndColumn(text, offset);
  return `line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$| \(line \d+ column \d+\)$/, '')}`;
}

/**
 * The first structural problem of JSON text: a list or object with more than maxItems entries, or
 * a key that appears twice in one object (refused, as YAML refuses it, instead of "last one wins").
 * One pass that only finds strings, nesting and key positions; syntax is left to JSON.parse.
 */
function checkJsonStructure(text: string): DesignProblem | undefined {
  const containers: { keys: Set<string> | null; entries: number }[] = [];
  let expectKey = false;
  const at = (offset: number) => {
    const { line, column } = lineAndColumn(text, offset);
    return `line ${line}, column ${column}`;
  };
  const counted = (offset: number): DesignProblem | undefined => {
    const top = containers[containers.length - 1];
    if (!top || (top.entries += 1) <= READ_LIMITS.maxItems) return undefined;
    return { path: [], code: 'too-large', message: `${at(offset)}: a list or object of more than ${READ_LIMITS.maxItems.toLocaleString('en-US')} entries; refused` };
  };
  let valueStarted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    if (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) continue;
    const top = containers[containers.length - 1];
    if (!valueStarted && top && ch !== 0x7d /* } */ && ch !== 0x5d /* ] */ && !(expectKey && top.keys)) {
      // The first character of an entry of the innermost container (a key counts for an object).
      valueStarted = true;
      if (!top.keys) {
        const problem = counted(i);
        if (problem) return problem;
      }
    }
    if (ch === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      for (i += 1; i < text.length; i += 1) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) {
          escaped = true;
          i += 1;
        } else if (c === 0x22) break;
      }
      if (expectKey && top?.keys) {
        const raw = text.slice(start, i + 1);
        let key: string;
        try {
          key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        } catch {
          return undefined; // Not valid JSON: JSON.parse says where.
        }
        if (top.keys.has(key)) return { path: [], code: 'syntax', message: `not valid JSON: ${at(start)}: duplicated mapping key ${JSON.stringify(key)}` };
        top.keys.add(key);
        const problem = counted(start);
        if (problem) return problem;
        expectKey = false;
        valueStarted = false;
      }
    } else if (ch === 0x7b /* { */) {
      containers.push({ keys: new Set(), entries: 0 });
      expectKey = true;
      valueStarted = false;
    } else if (ch === 0x5b /* [ */) {
      containers.push({ keys: null, entries: 0 });
      expectKey = false;
      valueStarted = false;
    } else if (ch === 0x7d || ch === 0x5d) {
      containers.pop();
      expectKey = false;
      valueStarted = true;
    } else if (ch === 0x2c /* , */) {
      expectKey = Boolean(containers[containers.length - 1]?.keys);
      valueStarted = false;
    } else if (ch === 0x3a /* : */) {
      valueStarted = true;
    }
  }
  return undefined;
}

function zodIssueToProblem(issue: z.core.$ZodIssue): DesignProblem {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined$/.test(message)) {
    message = `required: expected ${issue.expected}`;
  } else if (issue.code === 'unrecognized_keys') {
    const listed = issue.keys.slice(0, 10).map((key) => JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key));
    const more = issue.keys.length > listed.length ? ` and ${issue.keys.length - listed.length} more` : '';
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${listed.join(', ')}${more}`;
  }
  return { path, code: 'schema', message };
}

function capProblems(problems: DesignProblem[]): DesignProblem[] {
  if (problems.length <= READ_LIMITS.maxProblems) return problems;
  return [
    ...problems.slice(0, READ_LIMITS.maxProblems),
    { path: [], code: 'schema', message: `and ${problems.length - READ_LIMITS.maxProblems} more problems` },
  ];
}

const ITEM_SCHEMAS = { regions: regionSchema, components: componentSchema, connections: connectionSchema, journeys: journeySchema, suppressions: suppressionSchema } as const;

type ItemField = keyof typeof ITEM_SCHEMAS;

/** The lists a large design has thousands of items in, read without zod when an item certainly fits (quick-items.ts). */
const QUICK_READERS: Partial<Record<ItemField, (value: unknown, owned: boolean) => unknown>> = { components: quickComponent, connections: quickConnection };

/** What checking a long document's items one by one found: its problems, or every item as the schema reads it. */
type ItemCheck = { ok: false; problems: DesignProblem[] } | { ok: true; lists: Partial<Record<ItemField, unknown[]>>; layout?: Record<string, unknown> };

/**
 * For long lists, checks each item on its own and stops at maxProblems, so a file of a million
 * wrong items is refused after a few hundred checks rather than after describing every item.
 * When every item fits, their parsed values come back, so the whole schema need not check every
 * item a second time. Undefined when the lists are short: the whole schema then runs as usual.
 */
function checkItemsFirst(fields: Record<string, unknown>, owned: boolean): ItemCheck | undefined {
  const lists = (Object.keys(ITEM_SCHEMAS) as ItemField[]).flatMap((field) => {
    const items = Object.hasOwn(fields, field) ? fields[field] : undefined;
    return Array.isArray(items) ? [{ field, items: items as unknown[], schema: ITEM_SCHEMAS[field] as z.ZodType, quick: QUICK_READERS[field] }] : [];
  });
  const layout = Object.hasOwn(fields, 'layout') ? fields.layout : undefined;
  const layoutRecord = layout !== null && typeof layout === 'object' && !Array.isArray(layout) ? (layout as Record<string, unknown>) : undefined;
  const layoutKeys = layoutRecord !== undefined ? Object.keys(layoutRecord) : [];
  const total = lists.reduce((sum, list) => sum + list.items.length, 0) + layoutKeys.length;
  if (total <= READ_LIMITS.itemCheckThreshold) return undefined;
  const problems: DesignProblem[] = [];
  const full = () => problems.length >= READ_LIMITS.maxProblems;
  const add = (prefix: PathSegment[], issues: readonly z.core.$ZodIssue[]) => {
    for (const issue of issues) problems.push(zodIssueToProblem({ ...issue, path: [...prefix, ...issue.path] }));
  };
  const parsedLists: Partial<Record<ItemField, unknown[]>> = {};
  for (const { field, items, schema, quick } of lists) {
    const parsed: unknown[] = new Array(items.length);
    for (let index = 0; index < items.length && !full(); index += 1) {
      const read = quick?.(items[index], owned);
      if (read !== undefined) {
        parsed[index] = read;
        continue;
      }
      const result = schema.safeParse(items[index]);
      if (result.success) parsed[index] = result.data;
      else add([field, index], result.error.issues);
    }
    parsedLists[field] = parsed;
  }
  // An owned layout whose every point is kept as it is is itself what the schema makes of it: it is
  // copied only from the first point that is not (20,000 keys put in a new object one by one, and a
  // pair made for each by Object.entries, were a tenth of checking the items).
  let parsedLayout: Record<string, unknown> | undefined = owned ? undefined : {};
  for (let at = 0; at < layoutKeys.length && !full(); at += 1) {
    const key = layoutKeys[at]!;
    const point = layoutRecord![key];
    if (!isQuickId(key)) {
      const id = idSchema.safeParse(key);
      if (!id.success) add(['layout', key], id.error.issues);
    }
    let read: unknown = quickLayoutPoint(point, owned);
    if (read === undefined) {
      const result = layoutPointSchema.safeParse(point);
      if (!result.success) {
        add(['layout', key], result.error.issues);
        continue;
      }
      read = result.data;
    }
    if (parsedLayout === undefined && read !== point) {
      parsedLayout = {};
      for (let before = 0; before < at; before += 1) parsedLayout[layoutKeys[before]!] = layoutRecord![layoutKeys[before]!];
    }
    if (parsedLayout !== undefined) parsedLayout[key] = read;
  }
  if (problems.length === 0) return { ok: true, lists: parsedLists, ...(layoutKeys.length > 0 ? { layout: parsedLayout ?? layoutRecord } : {}) };
  if (!full()) return { ok: false, problems };
  return { ok: false, problems: [...problems.slice(0, READ_LIMITS.maxProblems), { path: [], code: 'schema', message: `more problems may follow: checking stopped after ${READ_LIMITS.maxProblems}` }] };
}

/**
 * The whole schema over fields whose list items were checked one by one (`checked`): it reads the
 * fields with those lists empty, then puts the items as they were read in their places, which
 * keeps the keys where the schema put them. The schema has no rule across items, so this is what
 * it gives for all the fields at once, items included.
 */
function parseWithCheckedItems(fields: Record<string, unknown>, checked: Extract<ItemCheck, { ok: true }>): ReturnType<typeof designSchema.safeParse> {
  const emptied: Record<string, unknown> = { ...fields };
  for (const field of Object.keys(checked.lists)) emptied[field] = [];
  if (checked.layout) emptied.layout = {};
  const parsed = designSchema.safeParse(emptied, schemaParseOptions(0));
  if (!parsed.success) return parsed;
  const design = parsed.data as Record<string, unknown>;
  for (const [field, items] of Object.entries(checked.lists)) design[field] = items;
  if (checked.layout) design.layout = checked.layout;
  return parsed;
}

/** Validates a plain document (already parsed from text) against format 1, migrating older formats. */
export function readDesignDocument(document: unknown): ReadResult {
  return readDocument(document, false);
}

/**
 * readDesignDocument; `owned` when the document was made by this module's own parse and nothing
 * else holds it or any part of it (every node its own): then the items that already read as the
 * schema would make them are kept, not copied. A caller's document is always copied, as the
 * schema copies it. A migrated document is too: a migration may move one item to two places.
 */
function readDocument(document: unknown, owned: boolean): ReadResult {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return { ok: false, problems: [{ path: [], code: 'not-an-object', message: 'expected a design: a mapping with ninesmith, name, regions, components, ...' }] };
  }
  const migrated = migrateDocument(document as Record<string, unknown>);
  if (!migrated.ok) return migrated;
  const checked = checkItemsFirst(migrated.document, owned && migrated.document === document);
  if (checked && !checked.ok) return { ok: false, problems: checked.problems };
  const { components } = migrated.document;
  const parsed = checked ? parseWithCheckedItems(migrated.document, checked) : designSchema.safeParse(migrated.document, schemaParseOptions(Array.isArray(components) ? components.length : 0));
  if (!parsed.success) return { ok: false, problems: capProblems(parsed.error.issues.map(zodIssueToProblem)) };
  const referenceProblems = checkReferences(parsed.data);
  if (referenceProblems.length > 0) return { ok: false, problems: capProblems(referenceProblems), partial: parsed.data };
  return { ok: true, design: parsed.data, notes: migrated.notes };
}

/**
 * Reads a design file's text (YAML or JSON). Never throws for bad input: every problem comes
 * back with its path. Never executes anything in the file.
 */
export function readDesignText(text: string, options: { format?: TextFormat; fileName?: string } = {}): ReadResult {
  if (text.length > READ_LIMITS.maxCharacters) {
    const megabytes = (READ_LIMITS.maxCharacters / 1024 / 1024).toFixed(0);
    return { ok: false, problems: [{ path: [], code: 'too-large', message: `the file is larger than ${megabytes} MB; a design is far smaller, refused` }] };
  }
  // A byte order mark decoded as text: YAML skips it, JSON.parse does not.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    return { ok: false, problems: [{ path: [], code: 'not-an-object', message: 'the file is empty' }] };
  }
  let plain: unknown;
  try {
    const format = options.format ?? detectFormat(text);
    const parsed = parseText(text, format, options.fileName);
    // Without an `&` the text defines no anchor, so it holds no alias and every node is its own:
    // the walk need not copy (a copy of 20,000 components is about a tenth of reading them).
    plain = parsed.bounded ? parsed.value : checkBounded(parsed.value, READ_LIMITS, format === 'yaml' && text.includes('&'));
  } catch (error) {
    if (error instanceof LimitExceeded) return { ok: false, problems: [error.problem] };
    if (error instanceof RangeError) {
      return { ok: false, problems: [{ path: [], code: 'too-deep', message: 'nested too deeply to read; a design is never nested like this' }] };
    }
    throw error;
  }
  // Every node of `plain` is its own: the quick YAML reader, JSON.parse and js-yaml make each afresh,
  // and checkBounded copies a document with anchors, whose aliases would share one.
  return readDocument(plain, true);
}
