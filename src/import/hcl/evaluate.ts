import { IMPORT_LIMITS, deeper, spend } from '../limits';
import type { Expr, Step } from './expression';

/**
 * A value as far as the configuration knows it. Terraform computes many values only when it
 * plans or applies (ids, endpoints, ARNs) and some inputs may be missing (variables without a
 * value): those are `Unknown`, and every operation on them stays unknown. Nothing is guessed here.
 */
export type Value = null | boolean | number | string | Value[] | ValueObject | Unknown;
export interface ValueObject {
  [key: string]: Value;
}

export class Unknown {
  constructor(
    /** Why it is not known: `computed`, `unset variable var.x`, `unsupported function`. */
    readonly reason: string,
    /** What is known inside it (the argument of `jsonencode`, for instance). */
    readonly partial?: Value,
  ) {}
}

export const isUnknown = (value: unknown): value is Unknown => value instanceof Unknown;
export const isObject = (value: Value | undefined): value is ValueObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Unknown);

/** Where evaluation records the things an expression refers to: resource addresses and module outputs. */
export type RefSink = Set<string>;

/** Names an expression can refer to; each module instance (and each `for`) has one. */
export interface Scope {
  /**
   * The value of a traversal from a root name (`var`, `local`, `aws_lb`, `each`, ...). Index
   * expressions in `steps` (`local.azs[count.index]`) are evaluated in `caller`, the scope the
   * traversal was written in.
   */
  lookup(root: string, steps: readonly Step[], refs: RefSink, caller: Scope): Value;
}

/** Plain objects whose keys come from the configuration: `__proto__` stays an ordinary key. */
export function makeObject(entries: Iterable<readonly [string, Value]>): ValueObject {
  const out: ValueObject = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

function unknownFrom(values: readonly Value[], fallback = 'computed'): Unknown | undefined {
  for (const value of values) if (value instanceof Unknown) return value;
  return values.length === 0 ? new Unknown(fallback) : undefined;
}

function containsUnknown(value: Value): boolean {
  spend();
  if (value instanceof Unknown) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (isObject(value)) return Object.values(value).some(containsUnknown);
  return false;
}

export function toText(value: Value): string | Unknown {
  if (value instanceof Unknown) return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return '';
  return new Unknown('not text');
}

function truthy(value: Value): boolean | Unknown {
  if (value instanceof Unknown) return value;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return new Unknown('not a boolean');
}

function toNumber(value: Value): number | Unknown {
  if (value instanceof Unknown) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return new Unknown('not a number');
}

function equal(a: Value, b: Value): boolean {
  spend();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => equal(item, b[i]!));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && equal(a[key]!, b[key]!));
  }
  return a === b;
}

/** Elements of a collection (list, set or map values), or unknown. */
function elements(value: Value): Value[] | Unknown {
  if (value instanceof Unknown) return value;
  if (Array.isArray(value)) return value;
  if (isObject(value)) return Object.values(value);
  if (value === null) return [];
  return new Unknown('not a collection');
}

/** Applies traversal steps to a value: attributes, indexes and splats. */
export function traverse(value: Value, steps: readonly Step[], scope: Scope, refs: RefSink): Value {
  let current = value;
  for (let index = 0; index < steps.length; index += 1) {
    const step = steps[index]!;
    if (current instanceof Unknown) return current;
    if (step.type === 'splat') {
      const rest = steps.slice(index + 1);
      const items = current === null ? [] : Array.isArray(current) ? current : [current];
      spend(items.length);
      return items.map((item) => traverse(item, rest, scope, refs));
    }
    if (step.type === 'attr') {
      if (isObject(current) && Object.hasOwn(current, step.name)) current = current[step.name]!;
      else if (Array.isArray(current) && /^[0-9]+$/.test(step.name)) current = current[Number(step.name)] ?? new Unknown('index out of range');
      else return new Unknown(`no attribute ${step.name}`);
      continue;
    }
    const key = evaluate(step.key, scope, refs);
    if (key instanceof Unknown) return key;
    if (Array.isArray(current) && typeof key === 'number') current = current[key] ?? new Unknown('index out of range');
    else if (isObject(current) && (typeof key === 'string' || typeof key === 'number') && Object.hasOwn(current, String(key))) current = current[String(key)]!;
    else return new Unknown('no such element');
  }
  return current;
}

class ChildScope implements Scope {
  constructor(
    private readonly parent: Scope,
    private readonly names: ReadonlyMap<string, Value>,
  ) {}
  lookup(root: string, steps: readonly Step[], refs: RefSink, caller: Scope): Value {
    if (this.names.has(root)) return traverse(this.names.get(root)!, steps, caller, refs);
    return this.parent.lookup(root, steps, refs, caller);
  }
}

export function childScope(parent: Scope, names: ReadonlyMap<string, Value>): Scope {
  return new ChildScope(parent, names);
}

function evaluateFor(expr: Extract<Expr, { type: 'for' }>, scope: Scope, refs: RefSink): Value {
  const collection = evaluate(expr.collection, scope, refs);
  if (collection instanceof Unknown) {
    // Still collect what the body refers to: `[for s in module.vpc.private_subnets : s]` names the module.
    evaluate(expr.value, childScope(scope, new Map([[expr.valueVar, collection]])), refs);
    return collection;
  }
  const pairs: [Value, Value][] = Array.isArray(collection)
    ? collection.map((item, i) => [i, item])
    : isObject(collection)
      ? Object.entries(collection)
      : [];
  const list: Value[] = [];
  const object = new Map<string, Value>();
  for (const [key, item] of pairs) {
    const names = new Map<string, Value>([[expr.valueVar, item]]);
    if (expr.keyVar) names.set(expr.keyVar, key);
    const inner = childScope(scope, names);
    if (expr.condition) {
      const keep = truthy(evaluate(expr.condition, inner, refs));
      if (keep instanceof Unknown) return keep;
      if (!keep) continue;
    }
    const value = evaluate(expr.value, inner, refs);
    if (!expr.object) {
      list.push(value);
      continue;
    }
    const k = toText(evaluate(expr.key!, inner, refs));
    if (k instanceof Unknown) return k;
    if (expr.group) object.set(k, [...((object.get(k) as Value[] | undefined) ?? []), value]);
    else object.set(k, value);
  }
  return expr.object ? makeObject(object) : list;
}

function arithmetic(op: string, left: Value, right: Value): Value {
  if (op === '==' || op === '!=') {
    if (containsUnknown(left) || containsUnknown(right)) return unknownFrom([left, right]) ?? new Unknown('computed');
    return op === '==' ? equal(left, right) : !equal(left, right);
  }
  if (op === '&&' || op === '||') {
    const a = truthy(left);
    const b = truthy(right);
    // false && unknown is false; true || unknown is true.
    if (op === '&&' && (a === false || b === false)) return false;
    if (op === '||' && (a === true || b === true)) return true;
    if (a instanceof Unknown) return a;
    if (b instanceof Unknown) return b;
    return op === '&&' ? a && b : a || b;
  }
  const a = toNumber(left);
  const b = toNumber(right);
  if (a instanceof Unknown) return a;
  if (b instanceof Unknown) return b;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    default:
      return new Unknown(`operator ${op}`);
  }
}

const TOO_LONG = `longer than ${IMPORT_LIMITS.maxTextLength / 1024 / 1024} MB of text`;

/** A value within IMPORT_LIMITS: longer text or lists become unknown, as Terraform's own limits would never be the point. */
function bounded(value: Value): Value {
  if (typeof value === 'string' && value.length > IMPORT_LIMITS.maxTextLength) return new Unknown(TOO_LONG);
  if (Array.isArray(value) && value.length > IMPORT_LIMITS.maxListLength) return new Unknown(`a list of more than ${IMPORT_LIMITS.maxListLength} elements`);
  return value;
}

/**
 * Evaluates an expression in a scope, recording what it refers to in `refs`. Every evaluation
 * counts against the import's budget (src/import/limits.ts), so a configuration whose values
 * grow without end is refused instead of hanging.
 */
export function evaluate(expr: Expr, scope: Scope, refs: RefSink): Value {
  spend();
  return deeper(() => bounded(evaluateExpression(expr, scope, refs)));
}

function evaluateExpression(expr: Expr, scope: Scope, refs: RefSink): Value {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'template': {
      let text = '';
      let unknown: Unknown | undefined;
      for (const part of expr.parts) {
        if (typeof part === 'string') {
          text += part;
          continue;
        }
        const piece = toText(evaluate(part, scope, refs));
        if (piece instanceof Unknown) unknown ??= piece;
        else if (text.length + piece.length > IMPORT_LIMITS.maxTextLength) unknown ??= new Unknown(TOO_LONG);
        else text += piece;
      }
      return unknown ?? text;
    }
    case 'traversal':
      return scope.lookup(expr.root, expr.steps, refs, scope);
    case 'postfix':
      return traverse(evaluate(expr.target, scope, refs), expr.steps, scope, refs);
    case 'tuple':
      return expr.items.map((item) => evaluate(item, scope, refs));
    case 'object': {
      const entries: [string, Value][] = [];
      let unknown: Unknown | undefined;
      for (const entry of expr.entries) {
        const key = toText(evaluate(entry.key, scope, refs));
        const value = evaluate(entry.value, scope, refs);
        if (key instanceof Unknown) unknown ??= key;
        else entries.push([key, value]);
      }
      return unknown ? new Unknown(unknown.reason, makeObject(entries)) : makeObject(entries);
    }
    case 'unary': {
      const operand = evaluate(expr.operand, scope, refs);
      if (expr.op === '!') {
        const value = truthy(operand);
        return value instanceof Unknown ? value : !value;
      }
      const value = toNumber(operand);
      return value instanceof Unknown ? value : -value;
    }
    case 'binary':
      return arithmetic(expr.op, evaluate(expr.left, scope, refs), evaluate(expr.right, scope, refs));
    case 'conditional': {
      const condition = truthy(evaluate(expr.condition, scope, refs));
      if (condition instanceof Unknown) {
        // Both branches are possible: record what either refers to.
        evaluate(expr.then, scope, refs);
        evaluate(expr.else, scope, refs);
        return condition;
      }
      return evaluate(condition ? expr.then : expr.else, scope, refs);
    }
    case 'for':
      return evaluateFor(expr, scope, refs);
    case 'call':
      return callFunction(expr, scope, refs);
    case 'invalid':
      return new Unknown(`expression not understood: ${expr.text.slice(0, 60)}`);
  }
}

function flatten(values: readonly Value[]): Value[] {
  spend(values.length);
  return values.flatMap((value) => (Array.isArray(value) ? flatten(value) : [value]));
}

/** The total length of the text in a value, counting each visit against the budget. */
function textLength(value: Value): number {
  spend();
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + textLength(item), 0);
  if (isObject(value)) return Object.entries(value).reduce<number>((sum, [key, item]) => sum + key.length + textLength(item), 0);
  return 8;
}

function format(spec: string, args: readonly Value[]): Value {
  let index = 0;
  let unknown: Unknown | undefined;
  let length = spec.length;
  const text = spec.replace(/%(%|[-+ 0#]*[0-9]*(?:\.[0-9]+)?[sdvfqt])/g, (match, verb: string) => {
    if (verb === '%') return '%';
    const piece = toText(args[index++] ?? null);
    length += piece instanceof Unknown ? 0 : piece.length;
    if (piece instanceof Unknown || length > IMPORT_LIMITS.maxTextLength) {
      unknown ??= piece instanceof Unknown ? piece : new Unknown(TOO_LONG);
      return '';
    }
    return match.endsWith('q') ? JSON.stringify(piece) : piece;
  });
  return unknown ?? text;
}

/** The functions teams use in resource arguments; any other call is unknown (its arguments' references still count). */
function callFunction(expr: Extract<Expr, { type: 'call' }>, scope: Scope, refs: RefSink): Value {
  const name = expr.name;
  if (name === 'try' || name === 'coalesce') {
    const values = expr.args.map((arg) => evaluate(arg, scope, refs));
    if (name === 'try') return values.find((value) => !(value instanceof Unknown && value.reason.startsWith('no ')) ) ?? new Unknown('computed');
    for (const value of values) {
      if (value instanceof Unknown) return value;
      if (value !== null && value !== '') return value;
    }
    return null;
  }
  if (name === 'can') {
    const value = evaluate(expr.args[0] ?? { type: 'literal', value: null }, scope, refs);
    return value instanceof Unknown ? (value.reason.startsWith('no ') ? false : value) : true;
  }
  let args = expr.args.map((arg) => evaluate(arg, scope, refs));
  if (expr.expandLast && args.length > 0) {
    const last = args[args.length - 1]!;
    if (last instanceof Unknown) return last;
    args = [...args.slice(0, -1), ...(Array.isArray(last) ? last : [])];
  }
  const [a, b, c] = args;
  const text = (value: Value | undefined) => toText(value ?? null);
  switch (name) {
    case 'jsonencode':
    case 'yamlencode':
      if (a === undefined) return null;
      if (containsUnknown(a)) return new Unknown('computed', a);
      return textLength(a) > IMPORT_LIMITS.maxTextLength ? new Unknown(TOO_LONG) : JSON.stringify(a);
    case 'jsondecode': {
      if (a instanceof Unknown) return a.partial ?? a;
      if (typeof a !== 'string') return new Unknown('not text');
      try {
        return JSON.parse(a) as Value;
      } catch {
        return new Unknown('not JSON');
      }
    }
    case 'tostring':
    case 'tonumber':
    case 'tobool':
    case 'tolist':
    case 'toset':
    case 'tomap':
    case 'sensitive':
    case 'nonsensitive':
      if (name === 'toset' && Array.isArray(a)) return a.filter((item, i) => a.findIndex((other) => equal(other, item)) === i);
      return a ?? null;
    case 'concat': {
      const unknown = args.find((arg) => arg instanceof Unknown);
      if (unknown) return unknown;
      spend(args.reduce<number>((sum, arg) => sum + (Array.isArray(arg) ? arg.length : 0), 0));
      return args.flatMap((arg) => (Array.isArray(arg) ? arg : []));
    }
    case 'merge': {
      const unknown = args.find((arg) => arg instanceof Unknown) as Unknown | undefined;
      spend(args.reduce<number>((sum, arg) => sum + (isObject(arg) ? Object.keys(arg).length : 0), 0));
      const merged = makeObject(args.flatMap((arg) => (isObject(arg) ? Object.entries(arg) : arg instanceof Unknown && isObject(arg.partial ?? null) ? Object.entries(arg.partial as ValueObject) : [])));
      return unknown ? new Unknown(unknown.reason, merged) : merged;
    }
    case 'length': {
      if (a instanceof Unknown) return a;
      if (typeof a === 'string') return [...a].length;
      const items = elements(a ?? null);
      return items instanceof Unknown ? items : items.length;
    }
    case 'element': {
      const items = elements(a ?? null);
      const i = toNumber(b ?? null);
      if (items instanceof Unknown) return items;
      if (i instanceof Unknown) return i;
      return items.length === 0 ? new Unknown('empty list') : items[((i % items.length) + items.length) % items.length]!;
    }
    case 'lookup':
      if (a instanceof Unknown) return a;
      if (isObject(a)) {
        const key = text(b);
        if (key instanceof Unknown) return key;
        return Object.hasOwn(a, key) ? a[key]! : (c ?? new Unknown('no such key'));
      }
      return new Unknown('not a map');
    case 'keys':
    case 'values':
      if (a instanceof Unknown) return a;
      return isObject(a) ? (name === 'keys' ? Object.keys(a).sort() : Object.keys(a).sort().map((key) => a[key]!)) : new Unknown('not a map');
    case 'flatten': {
      if (a instanceof Unknown) return a;
      return Array.isArray(a) ? flatten(a) : new Unknown('not a list');
    }
    case 'distinct':
      if (!Array.isArray(a)) return a instanceof Unknown ? a : new Unknown('not a list');
      return a.filter((item, i) => a.findIndex((other) => equal(other, item)) === i);
    case 'compact':
      if (!Array.isArray(a)) return a instanceof Unknown ? a : new Unknown('not a list');
      return a.filter((item) => item !== null && item !== '');
    case 'slice': {
      const from = toNumber(b ?? null);
      const to = toNumber(c ?? null);
      if (!Array.isArray(a)) return a instanceof Unknown ? a : new Unknown('not a list');
      if (from instanceof Unknown) return from;
      if (to instanceof Unknown) return to;
      return a.slice(from, to);
    }
    case 'contains':
      if (!Array.isArray(a)) return a instanceof Unknown ? a : new Unknown('not a list');
      if (containsUnknown(b ?? null) || a.some(containsUnknown)) return new Unknown('computed');
      return a.some((item) => equal(item, b ?? null));
    case 'one':
      if (!Array.isArray(a)) return a instanceof Unknown ? a : new Unknown('not a list');
      return a.length === 0 ? null : a[0]!;
    case 'range': {
      const numbers = args.map((arg) => toNumber(arg));
      const unknown = numbers.find((n) => n instanceof Unknown);
      if (unknown) return unknown as Unknown;
      const [start, end, step] = numbers.length === 1 ? [0, numbers[0] as number, 1] : [numbers[0] as number, numbers[1] as number, (numbers[2] as number | undefined) ?? 1];
      const out: number[] = [];
      if (!(step > 0 || step < 0)) return new Unknown('range with a step of zero');
      for (let n = start; step > 0 ? n < end : n > end; n += step) {
        spend();
        out.push(n);
        if (out.length > IMPORT_LIMITS.maxListLength) return new Unknown(`a list of more than ${IMPORT_LIMITS.maxListLength} elements`);
      }
      return out;
    }
    case 'zipmap': {
      if (!Array.isArray(a) || !Array.isArray(b)) return unknownFrom([a ?? null, b ?? null]) ?? new Unknown('not lists');
      const entries: [string, Value][] = [];
      spend(a.length);
      for (let i = 0; i < a.length; i += 1) {
        const key = toText(a[i]!);
        if (key instanceof Unknown) return key;
        entries.push([key, b[i] ?? null]);
      }
      return makeObject(entries);
    }
    case 'min':
    case 'max': {
      const numbers = args.map(toNumber);
      const unknown = numbers.find((n) => n instanceof Unknown);
      if (unknown) return unknown as Unknown;
      return name === 'min' ? Math.min(...(numbers as number[])) : Math.max(...(numbers as number[]));
    }
    case 'abs':
    case 'ceil':
    case 'floor': {
      const n = toNumber(a ?? null);
      return n instanceof Unknown ? n : Math[name](n);
    }
    case 'format': {
      const spec = text(a);
      return spec instanceof Unknown ? spec : format(spec, args.slice(1));
    }
    case 'join': {
      const separator = text(a);
      const items = flatten(args.slice(1));
      if (separator instanceof Unknown) return separator;
      const pieces = items.map(text);
      const unknown = pieces.find((piece) => piece instanceof Unknown);
      if (unknown) return unknown;
      const length = (pieces as string[]).reduce((sum, piece) => sum + piece.length + separator.length, 0);
      return length > IMPORT_LIMITS.maxTextLength ? new Unknown(TOO_LONG) : pieces.join(separator);
    }
    case 'split': {
      const separator = text(a);
      const whole = text(b);
      if (separator instanceof Unknown) return separator;
      if (whole instanceof Unknown) return whole;
      spend(whole.length / 64);
      return whole.split(separator, IMPORT_LIMITS.maxListLength + 1);
    }
    case 'lower':
    case 'upper':
    case 'trimspace': {
      const value = text(a);
      if (value instanceof Unknown) return value;
      return name === 'lower' ? value.toLowerCase() : name === 'upper' ? value.toUpperCase() : value.trim();
    }
    case 'substr': {
      const value = text(a);
      const offset = toNumber(b ?? null);
      const length = toNumber(c ?? null);
      if (value instanceof Unknown) return value;
      if (offset instanceof Unknown) return offset;
      if (length instanceof Unknown) return length;
      return length < 0 ? value.slice(offset) : value.slice(offset, offset + length);
    }
    case 'replace': {
      const [value, search, replacement] = [text(a), text(b), text(c)];
      if (value instanceof Unknown) return value;
      if (search instanceof Unknown) return search;
      if (replacement instanceof Unknown) return replacement;
      // `/pattern/` is a regular expression in Terraform; only literal replacement is evaluated.
      if (search.startsWith('/') && search.endsWith('/')) return new Unknown('regular expression');
      const pieces = value.split(search);
      return value.length + (pieces.length - 1) * replacement.length > IMPORT_LIMITS.maxTextLength ? new Unknown(TOO_LONG) : pieces.join(replacement);
    }
    case 'startswith':
    case 'endswith': {
      const [value, affix] = [text(a), text(b)];
      if (value instanceof Unknown) return value;
      if (affix instanceof Unknown) return affix;
      return name === 'startswith' ? value.startsWith(affix) : value.endsWith(affix);
    }
    default:
      return new Unknown(`function ${name}() is not evaluated`);
  }
}
