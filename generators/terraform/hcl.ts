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


export type Expr =
  | string // shorthand for a literal string
  | number
  | boolean
  | null
  | RawExpr
  | TemplateExpr
  | ListExpr
  | ObjectExpr
  | CallExpr;

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

export type BodyItem =
  | { readonly kind: 'attr'; readonly name: string; readonly value: Expr }
  | { readonly kind: 'block'; readonly block: Block }
  | { readonly kind: 'blank' }
  | { readonly kind: 'comment'; readonly text: string };

export interface Block {
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: readonly BodyItem[];
}

/** A trusted expression: a reference, function call or operator written by the generator. */
export const raw = (code: string): RawExpr => ({ kind: 'raw', code });
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
  body: body.filter((item): item is BodyItem => Boolean(item)),
});
export const nested = (type: string, body: readonly (BodyItem | undefined | false)[]): BodyItem => ({
  kind: 'block',
  block: block(type, [], body),
});

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A Terraform identifier (resource name, provider alias, variable) from a design id. Ids are
 * `[a-z0-9-]` and never contain `_`, so replacing `-` by `_` keeps distinct ids distinct; an id
 * that starts with a digit gets a leading `_` (identifiers must not start with a digit).
 */
export function identifier(id: string): string {
  const name = id.replace(/-/g, '_');
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not an id: ${JSON.stringify(id)}`);
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

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
  for (const part of parts) {
    if (typeof part === 'string') {
      if (!TEMPLATE_LITERAL.test(part)) throw new Error(`template text must be generator text or ids: ${JSON.stringify(part)}`);
      out += part;
    } else {
      out += `\${${part.code}}`;
    }
  }
  return `"${out}"`;
}

const INDENT = '  ';

function renderKey(key: string | TemplateExpr): string {
  if (typeof key !== 'string') return renderTemplate(key.parts);
  return IDENTIFIER.test(key) ? key : `"${hclLiteral(key)}"`;
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
    default:
      return false;
  }
}

/**
 * Writes `name = value` lines into `out`, with runs of single-line assignments aligned on `=` as
 * fmt aligns them; a multi-line value ends a run (fmt leaves its `=` unaligned).
 */
function writeAssignments(entries: readonly (readonly [string | TemplateExpr, Expr])[], indent: string, quoteKeys: boolean, out: string[]): void {
  let runStart = 0;
  while (runStart < entries.length) {
    let runEnd = runStart;
    let width = 0;
    while (runEnd < entries.length && !isMultilineExpr(entries[runEnd]![1])) {
      const key = quoteKeys ? renderKey(entries[runEnd]![0]) : (entries[runEnd]![0] as string);
      if (key.length > width) width = key.length;
      runEnd += 1;
    }
    for (let i = runStart; i < runEnd; i += 1) {
      const [name, value] = entries[i]!;
      const key = quoteKeys ? renderKey(name) : (name as string);
      out.push(`${indent}${key.padEnd(width)} = ${renderExpr(value, indent)}`);
    }
    if (runEnd < entries.length) {
      const [name, value] = entries[runEnd]!;
      out.push(`${indent}${quoteKeys ? renderKey(name) : (name as string)} = ${renderExpr(value, indent)}`);
      runEnd += 1;
    }
    runStart = runEnd;
  }
}

/** Renders an expression; multi-line results have inner lines indented one level deeper than `indent`. */
export function renderExpr(expr: Expr, indent: string): string {
  if (expr === null) return 'null';
  if (typeof expr === 'string') return `"${hclLiteral(expr)}"`;
  if (typeof expr === 'number') {
    if (!Number.isFinite(expr)) throw new Error(`not a finite number: ${expr}`);
    return String(expr);
  }
  if (typeof expr === 'boolean') return expr ? 'true' : 'false';
  switch (expr.kind) {
    case 'raw':
      return expr.code;
    case 'template':
      return renderTemplate(expr.parts);
    case 'list': {
      if (expr.items.length === 0) return '[]';
      const inner = indent + INDENT;
      if (!isMultilineExpr(expr)) return `[${expr.items.map((item) => renderExpr(item, inner)).join(', ')}]`;
      return `[\n${expr.items.map((item) => `${inner}${renderExpr(item, inner)},`).join('\n')}\n${indent}]`;
    }
    case 'object': {
      if (expr.entries.length === 0) return '{}';
      const lines: string[] = [];
      writeAssignments(expr.entries, indent + INDENT, true, lines);
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
    case 'call':
      return `${expr.fn}(${expr.args.map((arg) => renderExpr(arg, indent)).join(', ')})`;
  }
}

/** Writes a body: blocks, comments, blank lines (never leading, trailing or doubled) and aligned arguments. */
function writeBody(items: readonly BodyItem[], indent: string, out: string[]): void {
  const start = out.length;
  let pending: (readonly [string, Expr])[] = [];
  for (const item of items) {
    if (item.kind === 'attr') {
      if (!IDENTIFIER.test(item.name)) throw new Error(`not an argument name: ${item.name}`);
      pending.push([item.name, item.value]);
      continue;
    }
    if (pending.length > 0) {
      writeAssignments(pending, indent, false, out);
      pending = [];
    }
    if (item.kind === 'blank') {
      if (out.length > start && out[out.length - 1] !== '') out.push('');
    } else if (item.kind === 'comment') {
      out.push(`${indent}# ${hclComment(item.text)}`.trimEnd());
    } else {
      writeBlock(item.block, indent, out);
    }
  }
  if (pending.length > 0) writeAssignments(pending, indent, false, out);
  if (out.length > start && out[out.length - 1] === '') out.pop();
}

function writeBlock(b: Block, indent: string, out: string[]): void {
  for (const label of b.labels) if (!IDENTIFIER.test(label)) throw new Error(`not a block label: ${label}`);
  const header = b.labels.length === 0 ? b.type : `${b.type} "${b.labels.join('" "')}"`;
  const opened = out.length;
  out.push(`${indent}${header} {`);
  writeBody(b.body, indent + INDENT, out);
  if (out.length === opened + 1) out[opened] = `${indent}${header} {}`;
  else out.push(`${indent}}`);
}

/** A whole file: top-level items (blocks, comments, blank lines), ending with one newline. */
export function renderFile(items: readonly BodyItem[]): string {
  const out: string[] = [];
  writeBody(items, '', out);
  return `${out.join('\n')}\n`;
}
