/**
 * What the importer will read and work through, so a huge or hostile Terraform folder is refused
 * with a message naming the limit, in seconds, instead of filling the memory or hanging the tab.
 * Real configurations are far inside every one of them: the three real-world fixtures take under
 * 10,000 evaluation steps, and the largest template export about 40,000.
 */
export const IMPORT_LIMITS = {
  /**
   * Characters of all files together, and of one file. HashiCorp's parser in WebAssembly reads about
   * 200 kB a second on a loaded 2-core machine (5 s for 1 MB, 10 s for 2 MB, 80 s and 1.3 GB for
   * 7 MB), so these keep the worst case under a minute; the largest root modules teams write are a
   * few hundred kB, and terraform-aws-modules' biggest (eks) about 100 kB.
   */
  maxCharacters: 8 * 1024 * 1024,
  maxFileCharacters: 2 * 1024 * 1024,
  /**
   * Characters of JSON (`terraform show -json` of a plan or state, `.tf.json`), read with JSON.parse
   * at hundreds of MB a second: a plan of a few thousand resources is tens of MB.
   */
  maxJsonCharacters: 64 * 1024 * 1024,
  maxFiles: 2000,
  /** Expressions evaluated and values visited: what a doubling local or nested `for` over `range` would exhaust. */
  maxEvaluationSteps: 5_000_000,
  /** Expressions nested in one another while evaluating (function calls in function calls, locals through locals). */
  maxEvaluationDepth: 256,
  /** A text value longer than this is not known (Terraform would build it; nothing the importer reads needs it). */
  maxTextLength: 1024 * 1024,
  /** A list longer than this is not known. */
  maxListLength: 65_536,
  /** Instances of one resource (`count`, `for_each`): the first ones are read, and a note says so. */
  maxInstancesPerResource: 256,
  /** Resource instances in all modules together. */
  maxResourceInstances: 50_000,
  /** Local module instances, counting each call of the same module again. */
  maxModuleInstances: 1_000,
  /** Problems listed in a refusal (each cut to `maxProblemLength` characters). */
  maxProblems: 20,
  maxProblemLength: 500,
} as const;

/** The import stopped at one of IMPORT_LIMITS; the message names it, and the import is refused. */
export class ImportLimitError extends Error {}

interface Budget {
  steps: number;
  depth: number;
}

let budget: Budget = { steps: 0, depth: 0 };

/**
 * Runs `work` (synchronous: reading a configuration or a plan) with a fresh evaluation budget.
 * Evaluation never awaits, so one budget at a time is enough even with several imports in a page.
 */
export function withEvaluationBudget<T>(work: () => T): T {
  const outer = budget;
  budget = { steps: 0, depth: 0 };
  try {
    return work();
  } finally {
    budget = outer;
  }
}

/** Counts `units` of work (an expression evaluated, a value visited or made) against the budget. */
export function spend(units = 1): void {
  budget.steps += units;
  if (budget.steps > IMPORT_LIMITS.maxEvaluationSteps) {
    throw new ImportLimitError(
      `evaluating the configuration takes more than ${IMPORT_LIMITS.maxEvaluationSteps.toLocaleString('en-US')} steps (a value that doubles through locals, or for expressions nested over long ranges?), refused`,
    );
  }
}

/** Runs `work` one level deeper, refusing nesting past maxEvaluationDepth. */
export function deeper<T>(work: () => T): T {
  budget.depth += 1;
  try {
    if (budget.depth > IMPORT_LIMITS.maxEvaluationDepth) {
      throw new ImportLimitError(`expressions nest more than ${IMPORT_LIMITS.maxEvaluationDepth} deep while evaluating (locals or outputs that refer through one another?), refused`);
    }
    return work();
  } finally {
    budget.depth -= 1;
  }
}

const megabytes = (size: number) => (size / 1024 / 1024).toFixed(size < 1024 * 1024 ? 1 : 0);
const isJson = (path: string) => /\.json$/i.test(path);

/**
 * Why a set of files is more than the importer reads, or undefined: checked on sizes alone, before
 * any file is read or parsed. `size` is characters, or bytes where only those are known (a file on
 * disk or picked in the browser): UTF-8 never has fewer bytes than characters.
 */
export function sizeRefusal(files: readonly { readonly path: string; readonly size: number }[]): { file: string; message: string } | undefined {
  if (files.length > IMPORT_LIMITS.maxFiles) return { file: '.', message: `${files.length} files: more than ${IMPORT_LIMITS.maxFiles}, refused; import the folder of one root module` };
  let hcl = 0;
  let json = 0;
  for (const file of files) {
    const limit = isJson(file.path) ? IMPORT_LIMITS.maxJsonCharacters : IMPORT_LIMITS.maxFileCharacters;
    if (file.size > limit) return { file: file.path, message: `${megabytes(file.size)} MB: more than ${megabytes(limit)} MB in one ${isJson(file.path) ? 'JSON' : 'HCL'} file, refused` };
    if (isJson(file.path)) json += file.size;
    else hcl += file.size;
  }
  if (hcl > IMPORT_LIMITS.maxCharacters) return { file: '.', message: `${megabytes(hcl)} MB of HCL in all: more than ${megabytes(IMPORT_LIMITS.maxCharacters)} MB, refused; import the folder of one root module` };
  if (json > IMPORT_LIMITS.maxJsonCharacters) return { file: '.', message: `${megabytes(json)} MB of JSON in all: more than ${megabytes(IMPORT_LIMITS.maxJsonCharacters)} MB, refused` };
  return undefined;
}
