import { LineWriter, type TextOutput } from './line-writer';

/**
 * Writes `JSON.stringify(value, null, 2)` and a line break, the same text, without making it as one
 * string: the cost report of 20,000 components is 60 MB of JSON, which as one string and then its
 * bytes took 420 MB at the command's peak. Plain objects and arrays to `depth` levels are written
 * member by member; each member below them is stringified on its own (a line item: a few hundred
 * bytes) and indented to its place. Strings in JSON hold no raw line breaks, so every line break of
 * a member's text is one of the indentation's.
 */
export function writeJsonLines(value: unknown, out: LineWriter, depth = 2): void {
  writeMember('', '', value, '', out, depth);
}

/** `writeJsonLines` to an output of its own, all of it handed on at the end. */
export function writeJsonTo(output: TextOutput, value: unknown, depth?: number): void {
  const out = new LineWriter(output);
  writeJsonLines(value, out, depth);
  out.flush();
}

/** `indent` + `key` + the value + `after` (a comma, or nothing), as JSON.stringify lays the value out at that indent. */
function writeMember(indent: string, key: string, value: unknown, after: string, out: LineWriter, depth: number): void {
  if (depth > 0 && isWalkable(value)) {
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      if (value.length > 0) {
        out.raw(`${indent}${key}[`);
        // As JSON.stringify: what JSON cannot hold is null in an array.
        for (let i = 0; i < value.length; i += 1) writeMember(inner, '', isSerializable(value[i]) ? value[i] : null, i < value.length - 1 ? ',' : '', out, depth - 1);
        out.raw(`${indent}]${after}`);
        return;
      }
    } else {
      // As JSON.stringify: what JSON cannot hold is left out of an object.
      const members = Object.entries(value).filter(([, member]) => isSerializable(member));
      if (members.length > 0) {
        out.raw(`${indent}${key}{`);
        for (let i = 0; i < members.length; i += 1) writeMember(inner, `${JSON.stringify(members[i]![0])}: `, members[i]![1], i < members.length - 1 ? ',' : '', out, depth - 1);
        out.raw(`${indent}}${after}`);
        return;
      }
    }
  }
  const text = JSON.stringify(value, null, 2) as string | undefined;
  // Left out only by its toJSON, which is called here: the commas around it are already decided.
  if (text === undefined) throw new Error(`${key === '' ? 'a value' : `member ${key.slice(0, -2)}`} gives no JSON (its toJSON returned nothing): written a member at a time, the commas around it are already decided`);
  out.raw(`${indent}${key}${indent === '' ? text : text.replaceAll('\n', `\n${indent}`)}${after}`);
}

/** What JSON.stringify writes rather than leaves out, short of calling a toJSON. */
function isSerializable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** An array or object JSON.stringify writes member by member, as it is: no toJSON of its own, not a boxed value. */
function isWalkable(value: unknown): value is Record<string, unknown> | unknown[] {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
