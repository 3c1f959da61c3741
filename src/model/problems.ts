/**
 * A problem found while reading a design. Problems carry a code and the path of what is wrong
 * (`components[3].zones[1]`), so the app and the command line can word and locate them alike.
 */
export type PathSegment = string | number;

export interface DesignProblem {
  /** Where in the document, as segments: `['components', 3, 'zones', 1]`; empty for the whole file. */
  path: PathSegment[];
  /** A stable code, for tests and tooling. */
  code: ProblemCode;
  /** A sentence that says what is wrong and what was expected. */
  message: string;
}

export type ProblemCode =
  | 'too-large'
  | 'syntax'
  | 'too-deep'
  | 'too-many-values'
  | 'not-an-object'
  | 'version-missing'
  | 'version-unsupported'
  | 'schema'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'zone-not-in-region'
  | 'unknown-location'
  | 'region-required'
  | 'unknown-kind'
  | 'invalid-prop';

/** `['components', 3, 'zones', 1]` -> `components[3].zones[1]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** `components[3].zones[1]: zone "d" is not a zone of region "primary"` */
export function formatProblem(problem: DesignProblem): string {
  const where = formatPath(problem.path);
  return where ? `${where}: ${problem.message}` : problem.message;
}
