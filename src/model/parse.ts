import yaml from 'js-yaml';
import type { z } from 'zod';
import type { DesignProblem, PathSegment } from './problems';
import { designSchema, type Design } from './schema';
import { migrateDocument } from './migrate';
import { checkReferences } from './references';

/** Limits that keep a hostile or broken file from hanging the app or exhausting memory. */
export const READ_LIMITS = {
  /** Characters of text; a real design of 20,000 components is about 4 MB of YAML. */
  maxCharacters: 8 * 1024 * 1024,
  /** Nesting depth of the document; format 1 needs 6. */
  maxDepth: 64,
  /** Values after YAML aliases are expanded: stops "billion laughs" alias bombs. */
  maxValues: 2_000_000,
  /** Problems listed before the rest are summarised. */
  maxProblems: 200,
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

class LimitExceeded extends Error {
  constructor(readonly problem: DesignProblem) {
    super(problem.message);
  }
}

/**
 * Copies a freshly parsed value into plain objects and arrays while counting: YAML aliases
 * become independent copies, so the count bounds the expanded size and nothing downstream can
 * loop or blow up. Keys are defined, not assigned, so `__proto__` stays an ordinary (unknown) key.
 */
function copyBounded(value: unknown, limits: typeof READ_LIMITS): unknown {
  let count = 0;
  const visit = (node: unknown, depth: number, path: PathSegment[]): unknown => {
    count += 1;
    if (count > limits.maxValues) {
      throw new LimitExceeded({
        path: [],
        code: 'too-many-values',
        message: `the file expands to more than ${limits.maxValues.toLocaleString('en-US')} values (YAML aliases that repeat other aliases?); refused`,
      });
    }
    if (node === null || typeof node !== 'object') return node;
    if (depth >= limits.maxDepth) {
      throw new LimitExceeded({ path: path.slice(0, 3), code: 'too-deep', message: `nested more than ${limits.maxDepth} levels deep; a design is never nested like this` });
    }
    if (Array.isArray(node)) return node.map((item, index) => visit(item, depth + 1, [...path, index]));
    if (node instanceof Date) return node.toISOString();
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(node)) {
      Object.defineProperty(copy, key, {
        value: visit((node as Record<string, unknown>)[key], depth + 1, [...path, key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  };
  return visit(value, 0, []);
}

function parseText(text: string, format: TextFormat, fileName?: string): unknown {
  if (format === 'json') {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      if (error instanceof RangeError) throw error;
      throw new LimitExceeded({ path: [], code: 'syntax', message: `not valid JSON: ${(error as Error).message}` });
    }
  }
  try {
    // CORE_SCHEMA: plain data only. No custom tags, no timestamps turned into dates, and
    // js-yaml never executes code. Duplicate keys are an error.
    return yaml.load(text, { schema: yaml.CORE_SCHEMA, filename: fileName ?? 'design', json: false });
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      const mark = error.mark;
      const where = mark ? `line ${mark.line + 1}, column ${mark.column + 1}: ` : '';
      throw new LimitExceeded({ path: [], code: 'syntax', message: `not valid YAML: ${where}${error.reason}` });
    }
    throw error;
  }
}

function zodIssueToProblem(issue: z.core.$ZodIssue): DesignProblem {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
  let message = issue.message;
  if (issue.code === 'invalid_type' && /received undefined$/.test(message)) {
    message = `required: expected ${issue.expected}`;
  } else if (issue.code === 'unrecognized_keys') {
    message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
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

/** Validates a plain document (already parsed from text) against format 1, migrating older formats. */
export function readDesignDocument(document: unknown): ReadResult {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return { ok: false, problems: [{ path: [], code: 'not-an-object', message: 'expected a design: a mapping with ninesmith, name, regions, components, ...' }] };
  }
  const migrated = migrateDocument(document as Record<string, unknown>);
  if (!migrated.ok) return migrated;
  const parsed = designSchema.safeParse(migrated.document);
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
  if (text.trim() === '') {
    return { ok: false, problems: [{ path: [], code: 'not-an-object', message: 'the file is empty' }] };
  }
  let plain: unknown;
  try {
    plain = copyBounded(parseText(text, options.format ?? detectFormat(text), options.fileName), READ_LIMITS);
  } catch (error) {
    if (error instanceof LimitExceeded) return { ok: false, problems: [error.problem] };
    if (error instanceof RangeError) {
      return { ok: false, problems: [{ path: [], code: 'too-deep', message: 'nested too deeply to read; a design is never nested like this' }] };
    }
    throw error;
  }
  return readDesignDocument(plain);
}
