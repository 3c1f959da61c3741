import yaml from 'js-yaml';

/**
 * A reader for the plain block YAML a design is saved as (serializeDesign: js-yaml's dump, block
 * style, two-space indents), which gives what `yaml.load(text, { schema: CORE_SCHEMA })` gives, in
 * about a fifth of the time: js-yaml was a quarter of `cost` at 20,000 components. It reads only
 * what it is sure of: block mappings and sequences, one scalar a line, plain scalars of a few safe
 * ASCII characters (resolved by js-yaml's own core types), quoted scalars without escapes, and `[]`
 * and `{}`. Anything else (a comment, an anchor, a tag, a block or flow scalar, a tab, an odd
 * indent, a duplicate key, a list longer than the limits, a character outside printable ASCII)
 * gives undefined, and js-yaml reads the text, so what is refused and how stays js-yaml's.
 */

/** Core schema resolution of a plain scalar, in js-yaml's order (its JSON schema's implicit types). */
const IMPLICIT_TYPES = (yaml.CORE_SCHEMA as unknown as { compiledImplicit: readonly yaml.Type[] }).compiledImplicit;

class NotSure extends Error {}
const NOT_SURE = new NotSure();

const SPACE = 0x20;
const NEWLINE = 0x0a;
const DASH = 0x2d;
const COLON = 0x3a;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;

/** A plain scalar of letters, digits, spaces and `_ . / + ( ) , -` that starts with none of YAML's indicators and ends in no space. */
const SAFE_PLAIN = /^(?:[A-Za-z0-9_/(+]|-[A-Za-z0-9]|\.[A-Za-z0-9])[A-Za-z0-9 _./+(),-]*$/;
const ends = (text: string) => text.charCodeAt(text.length - 1) !== SPACE;

export interface QuickYamlLimits {
  /** Values in all. */
  maxValues: number;
  /** Items of one list or keys of one mapping. */
  maxItems: number;
  /** Nesting of collections. */
  maxDepth: number;
  /** Characters of one line's key and scalar together: a longer text is js-yaml's, whose reader bounds it. */
  maxLineCharacters: number;
}

/** The value js-yaml's core schema reads from `text`, or undefined when js-yaml should read it. */
export function quickYaml(text: string, limits: QuickYamlLimits): unknown {
  try {
    return new QuickYamlReader(text, limits).document();
  } catch (error) {
    if (error === NOT_SURE) return undefined;
    throw error;
  }
}

/**
 * Slots of a reader's caches of the plain keys and scalars it has read. A design repeats a few
 * dozen keys and values (`id`, `kind`, `region: primary`, `mode: sync`) hundreds of thousands of
 * times: taken from the cache, each is neither copied out of the text nor checked again, and the
 * document holds one string for each (less to allocate, and less for the collector to copy while
 * the rest of the document is read). A text unlike the slot's just takes the slot.
 */
const CACHE_SLOTS = 4096;

/** The cache slot of the text from `start` to `end` (not empty): from its length and three of its characters. */
function slotOf(text: string, start: number, end: number): number {
  const length = end - start;
  return (length * 131 + text.charCodeAt(start) * 31 + text.charCodeAt(start + (length >> 1)) * 7 + text.charCodeAt(end - 1)) & (CACHE_SLOTS - 1);
}

class QuickYamlReader {
  /** Start of the current line. */
  private position = 0;
  private values = 0;
  /** Where the colon after the last key read is. */
  private colon = 0;
  /** Plain keys read, by slotOf: each passed the checks key() makes. */
  private readonly keys: (string | undefined)[] = new Array<string | undefined>(CACHE_SLOTS).fill(undefined);
  /** Plain scalars' texts read, by slotOf, and the value each resolved to (in `scalarValues`). */
  private readonly scalarTexts: (string | undefined)[] = new Array<string | undefined>(CACHE_SLOTS).fill(undefined);
  private readonly scalarValues: unknown[] = new Array<unknown>(CACHE_SLOTS).fill(undefined);

  constructor(
    private readonly text: string,
    private readonly limits: QuickYamlLimits,
  ) {}

  document(): unknown {
    // The list js-yaml resolves plain scalars with (its loader reads the same field): should a
    // release of js-yaml keep it elsewhere, every text goes to js-yaml.
    if (!Array.isArray(IMPLICIT_TYPES) || IMPLICIT_TYPES.length === 0) throw NOT_SURE;
    // Comments, directives, document markers, tabs and carriage returns need no search of their
    // own: none is a key or scalar this reader takes, so each gives up where it meets one.
    this.skipBlankLines();
    if (this.position >= this.text.length || this.indentOfLine() !== 0) throw NOT_SURE;
    const value = this.mapping(0, 1);
    this.skipBlankLines();
    if (this.position < this.text.length) throw NOT_SURE;
    return value;
  }

  private counted(): void {
    if ((this.values += 1) > this.limits.maxValues) throw NOT_SURE;
  }

  /** Moves past empty lines; a line of spaces alone is js-yaml's. */
  private skipBlankLines(): void {
    while (this.position < this.text.length && this.text.charCodeAt(this.position) === NEWLINE) this.position += 1;
  }

  private indentOfLine(): number {
    let column = 0;
    while (this.text.charCodeAt(this.position + column) === SPACE) column += 1;
    if (this.position + column >= this.text.length || this.text.charCodeAt(this.position + column) === NEWLINE) throw NOT_SURE;
    return column;
  }

  private endOfLine(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end === -1 ? this.text.length : end;
  }

  private nextLine(end: number): void {
    this.position = end + 1;
    this.skipBlankLines();
  }

  private isSequenceEntry(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    return next === SPACE || next === NEWLINE || Number.isNaN(next);
  }

  /** The collection that starts on the current line at `indent`, more indented than its parent. */
  private block(indent: number, depth: number): unknown {
    if (depth > this.limits.maxDepth) throw NOT_SURE;
    return this.isSequenceEntry(this.position + indent) ? this.sequence(indent, depth) : this.mapping(indent, depth);
  }

  /** A block mapping whose first key is at column `indent` of the current line (after `- ` when it is a list item). */
  private mapping(indent: number, depth: number): Record<string, unknown> {
    this.counted();
    const result: Record<string, unknown> = {};
    let entries = 0;
    for (;;) {
      const lineEnd = this.endOfLine(this.position);
      const keyStart = this.position + indent;
      if (this.isSequenceEntry(keyStart) || lineEnd - keyStart > this.limits.maxLineCharacters) throw NOT_SURE;
      const key = this.key(keyStart, lineEnd);
      const colon = this.colon;
      if (key === '__proto__' || Object.hasOwn(result, key)) throw NOT_SURE;
      if ((entries += 1) > this.limits.maxItems) throw NOT_SURE;
      this.counted();
      if (colon + 1 === lineEnd) {
        // `key:` and the value on the lines below, more indented; nothing below: null.
        this.nextLine(lineEnd);
        const below = this.position < this.text.length ? this.indentOfLine() : -1;
        if (below > indent) {
          result[key] = this.block(below, depth + 1);
        } else {
          // A list at the key's own indent is the key's value in YAML: js-yaml's to read.
          if (below === indent && this.isSequenceEntry(this.position + below)) throw NOT_SURE;
          this.counted();
          result[key] = null;
        }
      } else {
        if (this.text.charCodeAt(colon + 1) !== SPACE) throw NOT_SURE;
        result[key] = this.scalar(colon + 2, lineEnd);
        this.nextLine(lineEnd);
      }
      if (this.position >= this.text.length) return result;
      const next = this.indentOfLine();
      if (next < indent) return result;
      if (next > indent) throw NOT_SURE;
    }
  }

  /** A block sequence whose `- ` marks are at column `indent`. */
  private sequence(indent: number, depth: number): unknown[] {
    this.counted();
    const result: unknown[] = [];
    for (;;) {
      const lineEnd = this.endOfLine(this.position);
      const itemStart = this.position + indent + 2;
      if (!this.isSequenceEntry(this.position + indent) || itemStart > lineEnd || lineEnd - itemStart > this.limits.maxLineCharacters) throw NOT_SURE;
      if (result.length >= this.limits.maxItems) throw NOT_SURE;
      if (this.startsMapping(itemStart, lineEnd)) {
        if (depth + 1 > this.limits.maxDepth) throw NOT_SURE;
        result.push(this.mapping(indent + 2, depth + 1));
      } else {
        result.push(this.scalar(itemStart, lineEnd));
        this.nextLine(lineEnd);
      }
      if (this.position >= this.text.length) return result;
      const next = this.indentOfLine();
      if (next < indent) return result;
      if (next > indent || !this.isSequenceEntry(this.position + indent)) throw NOT_SURE;
    }
  }

  /** Whether the rest of the line from `start` is `key:` or `key: value` (a mapping inside a list item). */
  private startsMapping(start: number, lineEnd: number): boolean {
    const first = this.text.charCodeAt(start);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const close = this.text.indexOf(String.fromCharCode(first), start + 1);
      return close !== -1 && close < lineEnd && this.text.charCodeAt(close + 1) === COLON;
    }
    const colon = this.text.indexOf(':', start);
    return colon !== -1 && colon < lineEnd;
  }

  /** A key from `start`; `colon` is where the colon after it is. */
  private key(start: number, lineEnd: number): string {
    const first = this.text.charCodeAt(start);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const close = this.quotedEnd(start, lineEnd);
      if (this.text.charCodeAt(close + 1) !== COLON) throw NOT_SURE;
      this.colon = close + 1;
      return this.text.slice(start + 1, close);
    }
    const colon = this.text.indexOf(':', start);
    // An empty key is one SAFE_PLAIN refuses.
    if (colon === -1 || colon >= lineEnd || colon === start) throw NOT_SURE;
    this.colon = colon;
    const slot = slotOf(this.text, start, colon);
    const known = this.keys[slot];
    if (known !== undefined && known.length === colon - start && this.text.startsWith(known, start)) return known;
    const key = this.text.slice(start, colon);
    // A key that reads as null, a boolean or a number would be that value's text in js-yaml: its to read.
    if (!SAFE_PLAIN.test(key) || !ends(key) || typeof resolvePlain(key) !== 'string') throw NOT_SURE;
    this.keys[slot] = key;
    return key;
  }

  /** The scalar that is the rest of the line from `start`. */
  private scalar(start: number, lineEnd: number): unknown {
    this.counted();
    const first = this.text.charCodeAt(start);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const close = this.quotedEnd(start, lineEnd);
      if (close + 1 !== lineEnd) throw NOT_SURE;
      return this.text.slice(start + 1, close);
    }
    if (start >= lineEnd) throw NOT_SURE; // Nothing after `- `: SAFE_PLAIN refuses the empty text.
    const slot = slotOf(this.text, start, lineEnd);
    const known = this.scalarTexts[slot];
    if (known !== undefined && known.length === lineEnd - start && this.text.startsWith(known, start)) return this.scalarValues[slot];
    const text = this.text.slice(start, lineEnd);
    // New objects each time: they are not values to share.
    if (text === '[]') return [];
    if (text === '{}') return {};
    if (!SAFE_PLAIN.test(text) || !ends(text)) throw NOT_SURE;
    const value = resolvePlain(text);
    this.scalarTexts[slot] = text;
    this.scalarValues[slot] = value;
    return value;
  }

  /** The closing quote of a quoted scalar on this line, holding printable ASCII and no escapes. */
  private quotedEnd(start: number, lineEnd: number): number {
    const quote = this.text.charCodeAt(start);
    for (let at = start + 1; at < lineEnd; at += 1) {
      const code = this.text.charCodeAt(at);
      if (code === quote) return at;
      if (code < SPACE || code > 0x7e || code === BACKSLASH || code === DOUBLE_QUOTE || code === SINGLE_QUOTE) throw NOT_SURE;
    }
    throw NOT_SURE;
  }
}

/**
 * Whether a plain scalar may read as something other than text: the core schema's nulls (`~`,
 * `null`), booleans (`true`, `false`) and numbers (a sign, a digit or `.`) start with one of these.
 * A word like `app-service` need not go through the float type's pattern.
 */
const MAY_RESOLVE = /^[~nNtTfF+\-.0-9]/;

/** The most digits of a decimal whole number read here: below 2^53, so it is exact, as js-yaml's parseInt gives it. */
const MAX_QUICK_DIGITS = 15;

/** The number a plain scalar of decimal digits without a leading zero (or `0`) is, as js-yaml's int type reads it; -1 for any other text. */
function wholeNumber(text: string): number {
  const length = text.length;
  if (length > MAX_QUICK_DIGITS || (text.charCodeAt(0) === 0x30 && length > 1)) return -1;
  let value = 0;
  for (let at = 0; at < length; at += 1) {
    const digit = text.charCodeAt(at) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function resolvePlain(text: string): unknown {
  if (!MAY_RESOLVE.test(text)) return text;
  // A layout's coordinates and replica counts: without the four types' patterns.
  const number = wholeNumber(text);
  if (number !== -1) return number;
  for (const type of IMPLICIT_TYPES) {
    if (type.resolve(text)) return type.construct(text) as unknown;
  }
  return text;
}
