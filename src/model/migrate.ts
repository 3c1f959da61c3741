import type { DesignProblem } from './problems';
import { CURRENT_FORMAT_VERSION } from './format-constants';

/**
 * A migration turns a plain document of format `from` into one of format `from + 1`.
 * It works on plain data, before validation, so that a file written by any earlier
 * version keeps loading. Each returns notes of what it changed, shown to the user.
 */
export interface Migration {
  from: number;
  migrate(document: Record<string, unknown>): { document: Record<string, unknown>; notes: string[] };
}

/** Format 1 is the first: nothing to migrate yet. A format 2 adds `{ from: 1, migrate }` here. */
export const MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  | { ok: true; document: Record<string, unknown>; notes: string[] }
  | { ok: false; problems: DesignProblem[] };

export function migrateDocument(
  raw: Record<string, unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
  currentVersion: number = CURRENT_FORMAT_VERSION,
): MigrationResult {
  const version = raw.ninesmith;
  if (version === undefined) {
    return {
      ok: false,
      problems: [{ path: ['ninesmith'], code: 'version-missing', message: `required: the format version (this version of Ninesmith writes ${currentVersion})` }],
    };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, problems: [{ path: ['ninesmith'], code: 'version-unsupported', message: `expected a format version such as ${currentVersion}, got ${JSON.stringify(version)}` }] };
  }
  if (version > currentVersion) {
    return {
      ok: false,
      problems: [{ path: ['ninesmith'], code: 'version-unsupported', message: `format ${version} was written by a newer Ninesmith; this version reads formats up to ${currentVersion}` }],
    };
  }
  let current = raw;
  const notes: string[] = [];
  for (let from = version; from < currentVersion; from += 1) {
    const step = migrations.find((migration) => migration.from === from);
    if (!step) {
      return { ok: false, problems: [{ path: ['ninesmith'], code: 'version-unsupported', message: `no migration from format ${from}` }] };
    }
    const result = step.migrate(current);
    current = { ...result.document, ninesmith: from + 1 };
    notes.push(...result.notes);
  }
  return { ok: true, document: current, notes };
}
