import { z } from 'zod';
import { serializeDesign, toDocument, type Design, type DesignProblem } from '../../model';
import { loadDesignDocument } from '../../catalog';
import type { LibraryEntry } from './library';

// What the library checks stored records and designs with; library.ts loads it on first use
// (`libraryChecks`), so zod and the design schema are not fetched before the canvas first paints.

export { loadDesignDocument, serializeDesign };

/** A time that `new Date()` can show: finite and within ECMAScript's date range. */
const timestamp = z.number().finite().min(-8.64e15).max(8.64e15);

/** What a stored entry must be before the library trusts it: storage is written by other versions and other code. */
const libraryEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  updatedAt: timestamp,
  createdAt: timestamp,
  componentCount: z.number().int().min(0),
  deletedAt: timestamp.optional(),
});

export function checkEntry(record: unknown): { ok: true; entry: LibraryEntry } | { ok: false; problem: string } {
  const parsed = libraryEntrySchema.safeParse(record);
  if (parsed.success) return { ok: true, entry: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: `${issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}` };
}

/** The validated, canonical plain document of a design, or the problems that keep it from being saved. */
export function storableDocument(design: Design): { ok: true; document: Record<string, unknown>; design: Design } | { ok: false; problems: DesignProblem[] } {
  const document = toDocument(design);
  const checked = loadDesignDocument(structuredClone(document));
  return checked.ok ? { ok: true, document, design: checked.design } : { ok: false, problems: checked.problems };
}

