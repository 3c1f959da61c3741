/**
 * A small writer for HCL (Terraform's native syntax) that produces the layout `terraform fmt`
 * produces, so a generated file passes `terraform fmt -check` unchanged.
 *
 * Safety: text that comes from a design (names, descriptions, instance classes, region codes) only
 * ever enters a file through `str()`, which escapes it as a quoted literal: quotes, backslashes,
 * control characters and the template introducers `${` and `%{` cannot end the string, start an
 * expression or open a block. Raw expressions (`raw()`) are built by the generator from ids,
 * which the format restricts to `[a-z0-9-]`, and from fixed text. The escapers are the model's
 * (src/model/escape.ts), shared with every other output.
 */
import { hclComment, hclLiteral } from '../../src/model';
import { utf8Text } from '../types';


export type Expr =
  | string // shorthand for a literal string
  | number
  | boolean
  | null
  | RawExpr
  | TemplateExpr
  | ListExpr
  | ObjectExpr
  | CallExpr
  | FixedExpr;

export interface RawExpr {
  readonly kind: 'raw';
  readonly code: string;
}
export interface TemplateExpr {
  readonly kind: 'template';
  /** Literal text (escaped on output) and raw expressions (interpolated). */
  readonly parts: readonly (string | RawExpr)[];
}
export interface ListExpr {
  readonly kind: 'list';
  readonly items: readonly Expr[];
}
export interface ObjectExpr {
  readonly kind: 'object';
  /** Keys are literal text, or a template where the key is computed (an IAM condition on the cluster's OIDC issuer). */
  readonly entries: readonly (readonly [string | TemplateExpr, Expr])[];
}
export interface CallExpr {
  readonly kind: 'call';
  readonly fn: string;
  readonly args: readonly Expr[];
}

type AttrItem = { readonly kind: 'attr'; readonly name: string; readonly value: Expr };
export type BodyItem =
  | AttrItem
  | { readonly kind: 'block'; readonly block: Block }
  | { readonly kind: 'blank' }
  | { readonly kind: 'comment'; readonly text: string }
  | FixedBlock;

export interface Block {
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: readonly BodyItem[];
}

/** A trusted expression: a reference, function call or operator written by the generator. */
export const raw = (code: string): RawExpr => ({ kind: 'raw', code });

/**
 * `aws_vpc.primary.id` (or `aws_vpc.primary` without an attribute): a raw expression kept as its
 * parts, which the writer puts one after another. A large design's Terraform holds hundreds of
 * thousands of references, nearly all written once and never read as text: joining each into a
 * string made a concatenation the writer had to flatten before copying it, and read through an
 * indirection per character after. `code` is the same text, made only when something asks for it.
 */
export class ReferenceExpr implements RawExpr {
  readonly kind = 'raw';
  constructor(
    readonly type: string,
    readonly name: string,
    readonly attribute: string | undefined,
  ) {}

  get code(): string {
    return this.attribute === undefined ? `${this.type}.${this.name}` : `${this.type}.${this.name}.${this.attribute}`;
  }

  /** What `raw(code)` serialises to, so a reference and the raw expression of its text compare equal as JSON. */
  toJSON(): { kind: 'raw'; code: string } {
    return { kind: 'raw', code: this.code };
  }
}

/** `type.name.attribute` as a reference (see ReferenceExpr); without an attribute, the address itself. */
export const reference = (type: string, name: string, attribute?: string): RawExpr => new ReferenceExpr(type, name, attribute);

/**
 * HCL that is written the same wherever it goes at one indent (the trust policy of an ECS task's
 * roles, the same for thousands of roles): its text is made once per indent, the first time it is
 * written, and copied after. Made per export (`TerraformBuilder.memo`), not kept between exports.
 */
abstract class WrittenOnce {
  readonly kind = 'fixed';
  private readonly texts = new Map<string, string>();

  /** The text when written at `indent`. */
  textAt(indent: string): string {
    let text = this.texts.get(indent);
    if (text === undefined) {
      const w = new HclWriter();
      this.writeAt(indent, w);
      this.texts.set(indent, (text = utf8Text(w.utf8())));
    }
    return text;
  }

  protected abstract writeAt(indent: string, w: HclWriter): void;
}

/** An expression written once per indent (see WrittenOnce). */
export class FixedExpr extends WrittenOnce {
  readonly multiline: boolean;

  constructor(readonly expr: Expr) {
    super();
    this.multiline = isMultilineExpr(expr);
  }

  protected writeAt(indent: string, w: HclWriter): void {
    writeExpr(this.expr, indent, w);
  }
}
export const fixed = (expr: Expr): FixedExpr => new FixedExpr(expr);

/** A nested block written once per indent (see WrittenOnce): its lines from the first line's indent to its closing newline. */
export class FixedBlock extends WrittenOnce {
  constructor(readonly block: Block) {
    super();
  }

  protected writeAt(indent: string, w: HclWriter): void {
    writeBlock(this.block, indent, w);
  }
}
/** `nested` for a block that is the same wherever it is written (see FixedBlock); made per export, like FixedExpr. */
export const fixedNested = (type: string, body: readonly (BodyItem | undefined | false)[]): FixedBlock => new FixedBlock(block(type, [], body));

/** Puts a raw expression's text: a reference part by part, any other as its code. */
function writeRaw(expr: RawExpr, w: HclWriter): void {
  if (!(expr instanceof ReferenceExpr)) {
    w.put(expr.code);
    return;
  }
  w.put(expr.type);
  w.put('.');
  w.put(expr.name);
  if (expr.attribute !== undefined) {
    w.put('.');
    w.put(expr.attribute);
  }
}
/** `"${var.name_prefix}-web"`: literal parts (generator text and ids only) and interpolated raw parts. */
export const template = (...parts: (string | RawExpr)[]): TemplateExpr => ({ kind: 'template', parts });
export const list = (items: readonly Expr[]): ListExpr => ({ kind: 'list', items });
export const object = (entries: Record<string, Expr> | readonly (readonly [string, Expr])[]): ObjectExpr => ({
  kind: 'object',
  entries: Array.isArray(entries) ? entries : Object.entries(entries as Record<string, Expr>),
});
export const call = (fn: string, ...args: Expr[]): CallExpr => ({ kind: 'call', fn, args });

export const attr = (name: string, value: Expr): BodyItem => ({ kind: 'attr', name, value });
export const blank: BodyItem = { kind: 'blank' };
/** A full-line comment. Only generator text and ids belong here; design text is flattened to one safe line. */
export const comment = (text: string): BodyItem => ({ kind: 'comment', text });
export const block = (type: string, labels: readonly string[], body: readonly (BodyItem | undefined | false)[]): Block => ({
  type,
  labels,
  body: present(body),
});

/** The items given, without the left-out ones (`false`, `undefined`); the list itself when none is left out, as most are. */
function present(body: readonly (BodyItem | undefined | false)[]): readonly BodyItem[] {
  for (let k = 0; k < body.length; k += 1) if (!body[k]) return body.filter((item): item is BodyItem => Boolean(item));
  return body as readonly BodyItem[];
}
export const nested = (type: string, body: readonly (BodyItem | undefined | false)[]): BodyItem => ({
  kind: 'block',
  block: block(type, [], body),
});

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Argument names, object keys and block types checked against IDENTIFIER once each: a file of
 * hundreds of thousands of lines uses a few hundred of them, so the check is a set lookup after
 * the first. Names the generator makes from ids (labels, some keys) are many, so the set is
 * emptied past a bound rather than grow with the designs exported.
 */
const CHECKED_NAMES = new Set<string>();
const MAX_CHECKED_NAMES = 20_000;

function isIdentifier(name: string): boolean {
  if (CHECKED_NAMES.has(name)) return true;
  if (!IDENTIFIER.test(name)) return false;
  if (CHECKED_NAMES.size >= MAX_CHECKED_NAMES) CHECKED_NAMES.clear();
  CHECKED_NAMES.add(name);
  return true;
}

/**
 * A Terraform identifier (resource name, provider alias, variable) from a design id. Ids are
 * `[a-z0-9-]` and never contain `_`, so replacing `-` by `_` keeps distinct ids distinct; an id
 * that starts with a digit gets a leading `_` (identifiers must not start with a digit).
 */
export function identifier(id: string): string {
  const known = IDENTIFIERS.get(id);
  if (known !== undefined) return known;
  const made = derivedIdentifier(id);
  // Each id is asked for again and again (every address, provider and variable of its resources).
  if (IDENTIFIERS.size >= MAX_CHECKED_NAMES) IDENTIFIERS.clear();
  IDENTIFIERS.set(id, made);
  return made;
}

/** `identifier` of text made once (ids joined into the key of a derived resource), not kept for a next time. */
export function derivedIdentifier(id: string): string {
  // Accepts an id, or words of an id joined by `_` (an identifier already): `[a-z0-9_-]+`, checked
  // in the pass that finds the hyphens rather than by a regular expression and a search, since a
  // name is made for each of the 126,000 resources of a design of 20,000 components.
  // With hyphens, the name is made from its character codes in one piece: `replaceAll` joins the
  // pieces between them into a string the maps of labels must flatten, and keep as two objects.
  let codes: number[] | undefined;
  for (let i = 0; i < id.length; i += 1) {
    const code = id.charCodeAt(i);
    if (code === 0x2d) {
      if (codes === undefined) {
        codes = new Array<number>(id.length);
        for (let k = 0; k < i; k += 1) codes[k] = id.charCodeAt(k);
      }
      codes[i] = 0x5f;
      continue;
    }
    if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x5f)) throw new Error(`not an id: ${JSON.stringify(id)}`);
    if (codes !== undefined) codes[i] = code;
  }
  if (id.length === 0) throw new Error(`not an id: ${JSON.stringify(id)}`);
  const name = codes === undefined ? id : String.fromCharCode(...codes);
  const first = name.charCodeAt(0);
  return first >= 0x30 && first <= 0x39 ? `_${name}` : name;
}
/** Identifiers made so far, by id: emptied past a bound, as CHECKED_NAMES is. */
const IDENTIFIERS = new Map<string, string>();

/** Text as a quoted HCL string, for conditions the generator writes as code (`== "us-east-1a"`). */
export function quoted(text: string): string {
  return `"${hclLiteral(text)}"`;
}

/**
 * Literal parts of a template are generator text and ids only (design text goes through `str`
 * literals, never into templates), so a part can never end in `$` or `%` and turn the next
 * interpolation into an escape.
 */
const TEMPLATE_LITERAL = /^[A-Za-z0-9 ._:/=+@*-]*$/;

function renderTemplate(parts: TemplateExpr['parts']): string {
  let out = '';
  for (const part of parts) out += typeof part === 'string' ? templateText(part) : `\${${part.code}}`;
  return `"${out}"`;
}

function templateText(part: string): string {
  if (!TEMPLATE_LITERAL.test(part)) throw new Error(`template text must be generator text or ids: ${JSON.stringify(part)}`);
  return part;
}

/** `renderTemplate` put part by part: no string of the whole made to be copied once more. */
function writeTemplate(parts: TemplateExpr['parts'], w: HclWriter): void {
  w.put('"');
  for (const part of parts) {
    if (typeof part === 'string') w.put(templateText(part));
    else {
      w.put('${');
      writeRaw(part, w);
      w.put('}');
    }
  }
  w.put('"');
}

const INDENT = '  ';

function renderKey(key: string | TemplateExpr): string {
  if (typeof key !== 'string') return renderTemplate(key.parts);
  return isIdentifier(key) ? key : `"${hclLiteral(key)}"`;
}

/** Whether an expression renders on more than one line, decided from its structure alone. */
function isMultilineExpr(expr: Expr): boolean {
  if (expr === null || typeof expr !== 'object') return false;
  switch (expr.kind) {
    case 'object':
      return expr.entries.length > 0;
    case 'list':
      return expr.items.some(isMultilineExpr);
    case 'call':
      return expr.args.some(isMultilineExpr);
    case 'fixed':
      return expr.multiline;
    default:
      return false;
  }
}

/**
 * The text being written, as UTF-8 bytes in chunks of fixed size, never copied once written. At
 * 5,000 components the Terraform is 17 MB in about 1.5 million parts: joining them as strings cost
 * a visit per part in the join and two copies of the text on the heap. One array that doubled when
 * full copied everything written at each doubling and asked for twice the memory it kept (at
 * 20,000 components, arrays of up to 32 MB for a 26 MB file). A file's chunks are what the command
 * line writes, and the text is decoded from them only when something reads it. Parts are nearly
 * all ASCII and copied a character at a time; the rest go through TextEncoder. Blank lines are
 * held back until a line follows them in the same body, so a body never starts or ends with one
 * and never doubles one (what `terraform fmt` keeps).
 */
class HclWriter {
  /** The chunks filled before the current one, each cut to what was written in it. */
  private readonly filled: Uint8Array[] = [];
  /** Bytes in `filled`. */
  private before = 0;
  /** The chunk being written. */
  private bytes: Uint8Array = new Uint8Array(FIRST_CHUNK_BYTES);
  /** Bytes written in the current chunk. */
  private length = 0;
  /** Lines begun so far (a multi-line value counts as the one line it starts on). */
  lines = 0;
  /** A blank line asked for and not written yet: written only if the body goes on. */
  pendingBlank = false;

  /** Writes a part; returns where it starts in the file, for `rewrite`. */
  put(part: string): number {
    const count = part.length;
    let bytes = this.bytes;
    if (this.length + count > bytes.length) bytes = this.room(count);
    const start = this.before + this.length;
    let at = this.length;
    for (let i = 0; i < count; i += 1) {
      const code = part.charCodeAt(i);
      if (code >= 0x80) {
        this.length = at;
        this.putEncoded(part.slice(i));
        return start;
      }
      bytes[at++] = code;
    }
    this.length = at;
    return start;
  }

  /**
   * The inside of a quoted string (`hclLiteral` of `text`). Nearly every value is printable ASCII
   * without `"`, `\\`, `$` or `%`, which `hclLiteral` returns as it is: those characters are checked
   * as they are copied, instead of by a regular expression before; any other text is written as
   * `hclLiteral` escapes it, over what the copy had begun (its length is not counted until the end).
   */
  putLiteral(text: string): void {
    const count = text.length;
    let bytes = this.bytes;
    if (this.length + count > bytes.length) bytes = this.room(count);
    let at = this.length;
    for (let i = 0; i < count; i += 1) {
      const code = text.charCodeAt(i);
      if (code < 0x20 || code > 0x7e || code === 0x22 || code === 0x5c || code === 0x24 || code === 0x25) {
        this.put(hclLiteral(text));
        return;
      }
      bytes[at++] = code;
    }
    this.length = at;
  }

  /**
   * Text beyond ASCII: at most three bytes per UTF-16 unit, so a character is never cut between
   * two chunks. A lone surrogate, which the model's escapers never let through, would become
   * U+FFFD here, as it does when the file is written.
   */
  private putEncoded(text: string): void {
    const bytes = this.length + text.length * 3 > this.bytes.length ? this.room(text.length * 3) : this.bytes;
    this.length += ENCODER.encodeInto(text, bytes.subarray(this.length)).written;
  }

  /** A chunk with room for `count` more bytes: the current one, or a new one, twice as large as the last up to CHUNK_BYTES. */
  private room(count: number): Uint8Array {
    if (this.length + count <= this.bytes.length) return this.bytes;
    this.filled.push(this.bytes.subarray(0, this.length));
    this.before += this.length;
    this.length = 0;
    return (this.bytes = new Uint8Array(Math.max(Math.min(this.bytes.length * 2, CHUNK_BYTES), count)));
  }

  /** Puts `part` in place of everything written since `at` (what `put` returned). */
  rewrite(at: number, part: string): void {
    // Back into a chunk already filled (a block opened at the end of one): it is the current one again.
    while (at < this.before) {
      const previous = this.filled.pop()!;
      this.before -= previous.length;
      this.bytes = new Uint8Array(previous.buffer, previous.byteOffset, previous.buffer.byteLength - previous.byteOffset);
    }
    this.length = at - this.before;
    this.put(part);
  }

  /** Starts a line at `indent`, writing first the blank line held back, if any. */
  beginLine(indent: string): void {
    if (this.pendingBlank) {
      this.put('\n');
      this.lines += 1;
      this.pendingBlank = false;
    }
    this.lines += 1;
    if (indent !== '') this.put(indent);
  }

  /** Everything written, as UTF-8 bytes in order. */
  utf8(): Uint8Array[] {
    return this.length === 0 ? [...this.filled] : [...this.filled, this.bytes.subarray(0, this.length)];
  }
}

/** Most files of a design are small: the first chunk is small, and each next one twice the last. */
const FIRST_CHUNK_BYTES = 1 << 14;
/** The largest chunk: fresh memory at most this much at a time, and little of it left unused at the end. */
const CHUNK_BYTES = 1 << 20;
const ENCODER = new TextEncoder();
/** A file without lines is one newline. */
const NEWLINE = ENCODER.encode('\n');

/** Spaces that pad a key to the width of its run, by count. */
const PADDING: string[] = [''];
function padding(count: number): string {
  while (PADDING.length <= count) PADDING.push(`${PADDING[PADDING.length - 1]!} `);
  return PADDING[count]!;
}

/**
 * Starts of assignment lines (`    name     = `) by indent depth, key and padding. Most of a file is
 * assignments, and the text is joined from its parts: one cached part in place of indent, key,
 * padding and `=` makes the joins and the lists of parts that feed them about half as long. Keys are
 * argument names and object keys, few whatever the design's size except where ids become keys, so
 * the cache is emptied past a bound and never grows with the designs exported.
 */
const LINE_STARTS: Map<string, string[]>[] = [];
let lineStartCount = 0;
const MAX_LINE_STARTS = 20_000;

function lineStart(indent: string, key: string, pad: number): string {
  const depth = indent.length / INDENT.length;
  let byKey = LINE_STARTS[depth];
  if (!byKey) LINE_STARTS[depth] = byKey = new Map();
  let byPad = byKey.get(key);
  if (!byPad) {
    if (lineStartCount >= MAX_LINE_STARTS) {
      for (const map of LINE_STARTS) map?.clear();
      lineStartCount = 0;
    }
    byKey.set(key, (byPad = []));
  }
  let start = byPad[pad];
  if (start === undefined) {
    // Joined, not concatenated: a concatenation is a tree of its parts that V8 reads through one
    // level of indirection per character even once flattened, and this part is copied into the
    // file for each of its millions of lines; a join is one flat string.
    byPad[pad] = start = [indent, key, padding(pad), ' = '].join('');
    lineStartCount += 1;
  }
  return start;
}

/** Writes a value and ends its line; a quoted string ends it in the same part as its closing quote. */
function writeValueLine(value: Expr, indent: string, w: HclWriter): void {
  if (typeof value === 'string') {
    w.put('"');
    w.putLiteral(value);
    w.put('"\n');
    return;
  }
  writeExpr(value, indent, w);
  w.put('\n');
}

/**
 * Writes `name = value` lines, with runs of single-line assignments aligned on `=` as fmt aligns
 * them; a multi-line value ends a run (fmt leaves its `=` unaligned). `keys[i]` is the written key
 * of `entries[i]`'s value.
 */
function writeEntries(keys: readonly string[], entries: ObjectExpr['entries'], indent: string, w: HclWriter): void {
  let runStart = 0;
  while (runStart < keys.length) {
    let runEnd = runStart;
    let width = 0;
    while (runEnd < keys.length && !isMultilineExpr(entries[runEnd]![1])) {
      if (keys[runEnd]!.length > width) width = keys[runEnd]!.length;
      runEnd += 1;
    }
    for (let i = runStart; i < runEnd; i += 1) {
      const key = keys[i]!;
      w.beginLine('');
      w.put(lineStart(indent, key, width - key.length));
      writeValueLine(entries[i]![1], indent, w);
    }
    if (runEnd < keys.length) {
      w.beginLine('');
      w.put(lineStart(indent, keys[runEnd]!, 0));
      writeValueLine(entries[runEnd]![1], indent, w);
      runEnd += 1;
    }
    runStart = runEnd;
  }
}

/**
 * `writeEntries` for the arguments `items[from]` to `items[to - 1]` of a body, read from the items
 * themselves: no lists of their names and values are made for each run of a block (hundreds of
 * thousands of blocks at 20,000 components, each list garbage at once).
 */
function writeArguments(items: readonly BodyItem[], from: number, to: number, indent: string, w: HclWriter): void {
  let runStart = from;
  while (runStart < to) {
    let runEnd = runStart;
    let width = 0;
    for (; runEnd < to; runEnd += 1) {
      const item = items[runEnd] as AttrItem;
      if (isMultilineExpr(item.value)) break;
      if (item.name.length > width) width = item.name.length;
    }
    for (let i = runStart; i < runEnd; i += 1) {
      const item = items[i] as AttrItem;
      w.beginLine('');
      w.put(lineStart(indent, item.name, width - item.name.length));
      writeValueLine(item.value, indent, w);
    }
    if (runEnd < to) {
      const item = items[runEnd] as AttrItem;
      w.beginLine('');
      w.put(lineStart(indent, item.name, 0));
      writeValueLine(item.value, indent, w);
      runEnd += 1;
    }
    runStart = runEnd;
  }
}

/** Writes an expression; multi-line results have inner lines indented one level deeper than `indent`. */
function writeExpr(expr: Expr, indent: string, w: HclWriter): void {
  if (expr === null) {
    w.put('null');
    return;
  }
  if (typeof expr === 'string') {
    w.put('"');
    w.putLiteral(expr);
    w.put('"');
    return;
  }
  if (typeof expr === 'number') {
    if (!Number.isFinite(expr)) throw new Error(`not a finite number: ${expr}`);
    w.put(String(expr));
    return;
  }
  if (typeof expr === 'boolean') {
    w.put(expr ? 'true' : 'false');
    return;
  }
  switch (expr.kind) {
    case 'raw':
      writeRaw(expr, w);
      return;
    case 'template':
      writeTemplate(expr.parts, w);
      return;
    case 'fixed':
      w.put(expr.textAt(indent));
      return;
    case 'list': {
      if (expr.items.length === 0) {
        w.put('[]');
        return;
      }
      const inner = indent + INDENT;
      if (!isMultilineExpr(expr)) {
        w.put('[');
        for (let index = 0; index < expr.items.length; index += 1) {
          if (index > 0) w.put(', ');
          writeExpr(expr.items[index]!, inner, w);
        }
        w.put(']');
        return;
      }
      w.put('[\n');
      for (const item of expr.items) {
        w.put(inner);
        writeExpr(item, inner, w);
        w.put(',\n');
      }
      w.put(indent);
      w.put(']');
      return;
    }
    case 'object': {
      if (expr.entries.length === 0) {
        w.put('{}');
        return;
      }
      w.put('{\n');
      const keys = new Array<string>(expr.entries.length);
      for (let index = 0; index < keys.length; index += 1) keys[index] = renderKey(expr.entries[index]![0]);
      writeEntries(keys, expr.entries, indent + INDENT, w);
      w.put(indent);
      w.put('}');
      return;
    }
    case 'call':
      w.put(expr.fn);
      w.put('(');
      for (let index = 0; index < expr.args.length; index += 1) {
        if (index > 0) w.put(', ');
        writeExpr(expr.args[index]!, indent, w);
      }
      w.put(')');
      return;
  }
}

/** Writes a body: blocks, comments, blank lines (never leading, trailing or doubled) and aligned arguments. */
function writeBody(items: readonly BodyItem[], indent: string, w: HclWriter): void {
  const start = w.lines;
  let index = 0;
  while (index < items.length) {
    const item = items[index]!;
    if (item.kind === 'attr') {
      // A run of arguments, aligned together.
      const from = index;
      for (; index < items.length; index += 1) {
        const run = items[index]!;
        if (run.kind !== 'attr') break;
        if (!isIdentifier(run.name)) throw new Error(`not an argument name: ${run.name}`);
      }
      writeArguments(items, from, index, indent, w);
      continue;
    }
    if (item.kind === 'blank') {
      if (w.lines > start) w.pendingBlank = true;
    } else if (item.kind === 'comment') {
      writeComment(item.text, indent, w);
    } else if (item.kind === 'fixed') {
      // One line begun for the whole block, as a multi-line value counts as the line it starts on.
      w.beginLine('');
      w.put(item.textAt(indent));
    } else {
      writeBlock(item.block, indent, w);
    }
    index += 1;
  }
  w.pendingBlank = false;
}

function writeComment(text: string, indent: string, w: HclWriter): void {
  w.beginLine('');
  w.put(`${indent}# ${hclComment(text)}`.trimEnd());
  w.put('\n');
}

/** `  }` and its newline, by indent depth: one part (as `lineStart`). */
const CLOSING_LINES: string[] = [];
function closingLine(indent: string): string {
  return (CLOSING_LINES[indent.length / INDENT.length] ??= `${indent}}\n`);
}

/** What IDENTIFIER accepts, checked by a loop: every block has labels, and most are names made for one resource. */
function isLabel(label: string): boolean {
  if (label.length === 0) return false;
  for (let i = 0; i < label.length; i += 1) {
    const code = label.charCodeAt(i);
    const lower = code | 0x20; // A-Z to a-z; no other character lands in a-z
    if ((lower >= 0x61 && lower <= 0x7a) || code === 0x5f) continue;
    if (i > 0 && (code === 0x2d || (code >= 0x30 && code <= 0x39))) continue;
    return false;
  }
  return true;
}

function writeBlock(b: Block, indent: string, w: HclWriter): void {
  for (const label of b.labels) if (!isLabel(label)) throw new Error(`not a block label: ${label}`);
  w.beginLine(indent);
  w.put(b.type);
  for (const label of b.labels) {
    w.put(' "');
    w.put(label);
    w.put('"');
  }
  const opening = w.put(' {\n');
  const before = w.lines;
  writeBody(b.body, indent + INDENT, w);
  // No line since the opening: nothing was written after it (every line starts with beginLine).
  if (w.lines === before) w.rewrite(opening, ' {}\n');
  else {
    w.beginLine('');
    w.put(closingLine(indent));
  }
}

/** A whole file: top-level items (blocks, comments, blank lines), ending with one newline. */
export function renderFile(items: readonly BodyItem[]): string {
  return utf8Text(renderFileUtf8(items));
}

/** `renderFile` as UTF-8 bytes, in chunks. */
export function renderFileUtf8(items: readonly BodyItem[]): Uint8Array[] {
  const w = new HclWriter();
  writeBody(items, '', w);
  return w.lines === 0 ? [NEWLINE] : w.utf8();
}

/**
 * A file written as its blocks are added, one blank line between blocks and before a comment that
 * follows a block (the layout `renderFile` gives the same items). Each block is written into the
 * file's bytes the moment it is added: its tree is garbage at once, and the file's text is made
 * once, at the end (at 5,000 components the Terraform is 17 MB, and every fresh megabyte costs).
 */
export class HclFile {
  private readonly w = new HclWriter();
  /**
   * The names of the resources added, by resource type, in order: what a generator looks resources
   * up by. Only the names are kept (they live on in the builder's names anyway), not a record and
   * the labels of each of the hundred thousand blocks of a large design.
   */
  private readonly resources = new Map<string, string[]>();
  private last: 'comment' | 'block' | undefined;

  /** Adds a top-level block or comment. */
  add(item: Block | BodyItem): void {
    const kind = !('kind' in item) ? 'block' : item.kind;
    if (kind !== 'block' && kind !== 'comment') throw new Error(`only blocks and comments are added to a file one by one, not ${kind}`);
    // A blank line after a block; none between a comment and what it introduces.
    if (this.last === 'block') this.w.pendingBlank = true;
    if (!('kind' in item)) this.writeBlock(item);
    else if (item.kind === 'block') this.writeBlock(item.block);
    else if (item.kind === 'comment') writeComment(item.text, '', this.w);
    this.last = kind;
  }

  private writeBlock(b: Block): void {
    writeBlock(b, '', this.w);
    if (b.type === 'resource' && b.labels.length > 0) {
      const type = b.labels[0]!;
      const names = this.resources.get(type);
      if (names) names.push(b.labels[1]!);
      else this.resources.set(type, [b.labels[1]!]);
    }
  }

  /** The names of the resources of `type` added so far, in the order they were added. */
  resourceNames(type: string): readonly string[] {
    return this.resources.get(type) ?? [];
  }

  /** Whether nothing has been added. */
  get empty(): boolean {
    return this.last === undefined;
  }

  /** The file's text, ending with one newline. */
  text(): string {
    return utf8Text(this.utf8());
  }

  /** The file's text as UTF-8 bytes, in chunks. */
  utf8(): Uint8Array[] {
    return this.w.lines === 0 ? [NEWLINE] : this.w.utf8();
  }
}
