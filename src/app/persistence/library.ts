import { serializeDesign, toDocument, formatProblem, type Design, type DesignProblem } from '../../model';
import { loadDesignDocument } from '../../catalog';

/**
 * The library of saved designs. Each design is stored twice over, in one transaction: a small
 * summary (for the list) and the full document (for opening). The document is stored as the
 * canonical plain document of format 1 (what `serializeDesign` writes), so a stored design is a
 * design file, readable by any later version through the format's migrations.
 *
 * Write-ahead safety: nothing overwrites a stored copy without first passing the same full
 * validation as a file import, so a bug in an edit can never replace a good copy with a bad one.
 *
 * Several tabs: IndexedDB transactions are atomic, so a summary and its document never disagree.
 * Two tabs editing the same design is last write wins per design; tabs tell each other about
 * saves (BroadcastChannel) so a list or a design open elsewhere can say so.
 */
export interface LibraryEntry {
  id: string;
  name: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
  createdAt: number;
  componentCount: number;
  /** Set when moved to the trash; the entry is restorable until purged. */
  deletedAt?: number;
}

export interface StoredDesign {
  id: string;
  document: Record<string, unknown>;
}

/** What the library needs from storage: IndexedDB in the browser, memory in tests or when IndexedDB is unavailable. */
export interface LibraryBackend {
  listEntries(): Promise<LibraryEntry[]>;
  getEntry(id: string): Promise<LibraryEntry | undefined>;
  getDocument(id: string): Promise<StoredDesign | undefined>;
  /**
   * Writes the entry, and the document when given, atomically. Implementations issue the writes
   * and commit before their first await, so a save begun while the page is closing is not lost.
   */
  put(entry: LibraryEntry, document?: StoredDesign): Promise<void>;
  remove(id: string): Promise<void>;
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
}

export class InvalidDesignError extends Error {
  constructor(readonly problems: readonly DesignProblem[]) {
    super(`not saved: the design has problems: ${problems.slice(0, 5).map(formatProblem).join('; ')}`);
    this.name = 'InvalidDesignError';
  }
}

/** Trashed designs are kept this long, then purged when the library opens. */
export const TRASH_RETENTION_MS = 30 * 24 * 3600 * 1000;

const LAST_OPEN = 'lastOpenDesign';

export type LoadResult = { ok: true; design: Design; entry: LibraryEntry } | { ok: false; problems: DesignProblem[] };

export function newDesignId(): string {
  const random = globalThis.crypto?.randomUUID?.();
  if (random) return random;
  return `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The validated, canonical plain document of a design, or the problems that keep it from being saved. */
export function storableDocument(design: Design): { ok: true; document: Record<string, unknown>; design: Design } | { ok: false; problems: DesignProblem[] } {
  const document = toDocument(design);
  const checked = loadDesignDocument(structuredClone(document));
  return checked.ok ? { ok: true, document, design: checked.design } : { ok: false, problems: checked.problems };
}

/** A name for a copy that is not taken yet: `Name (copy)`, `Name (copy 2)`, ... */
export function copyName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/ \(copy(?: \d+)?\)$/, '');
  for (let n = 1; ; n += 1) {
    const candidate = `${base} (copy${n === 1 ? '' : ` ${n}`})`.slice(0, 200);
    if (!taken.has(candidate)) return candidate;
  }
}

export class DesignLibrary {
  /** Creation times of the entries seen, so a save writes without reading first. */
  private readonly createdAt = new Map<string, number>();

  constructor(
    private readonly backend: LibraryBackend,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Every design, newest first; trashed ones included (callers split them by `deletedAt`). */
  async list(): Promise<LibraryEntry[]> {
    const entries = await this.backend.listEntries();
    for (const entry of entries) this.createdAt.set(entry.id, entry.createdAt);
    return entries.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
  }

  async load(id: string): Promise<LoadResult | undefined> {
    const [entry, stored] = await Promise.all([this.backend.getEntry(id), this.backend.getDocument(id)]);
    if (!entry || !stored) return undefined;
    this.createdAt.set(id, entry.createdAt);
    const result = loadDesignDocument(stored.document);
    return result.ok ? { ok: true, design: result.design, entry } : { ok: false, problems: result.problems };
  }

  /** Adds a design as a new entry and returns its id. Refuses an invalid design. */
  async create(design: Design, id: string = newDesignId()): Promise<string> {
    const storable = storableDocument(design);
    if (!storable.ok) throw new InvalidDesignError(storable.problems);
    const now = this.clock();
    this.createdAt.set(id, now);
    await this.backend.put(
      { id, name: design.name, createdAt: now, updatedAt: now, componentCount: design.components.length },
      { id, document: storable.document },
    );
    return id;
  }

  /** Saves a design over its entry (creating the entry if it is gone). Refuses an invalid design. */
  async save(id: string, design: Design): Promise<void> {
    const storable = storableDocument(design);
    if (!storable.ok) throw new InvalidDesignError(storable.problems);
    const now = this.clock();
    // No read before the write: a save started in `pagehide` must issue its write at once.
    // Saving a design that was trashed in another tab brings it back: the edit is newer.
    const createdAt = this.createdAt.get(id) ?? now;
    this.createdAt.set(id, createdAt);
    await this.backend.put({ id, name: design.name, createdAt, updatedAt: now, componentCount: design.components.length }, { id, document: storable.document });
  }

  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim();
    if (trimmed === '') throw new Error('a design needs a name');
    const loaded = await this.load(id);
    if (!loaded?.ok) throw new Error('the design cannot be read, so it cannot be renamed');
    await this.save(id, { ...loaded.design, name: trimmed.slice(0, 200) });
  }

  async duplicate(id: string): Promise<string> {
    const loaded = await this.load(id);
    if (!loaded?.ok) throw new Error('the design cannot be read, so it cannot be duplicated');
    const taken = new Set((await this.list()).map((entry) => entry.name));
    return this.create({ ...loaded.design, name: copyName(loaded.design.name, taken) });
  }

  async trash(id: string): Promise<void> {
    const entry = await this.backend.getEntry(id);
    if (entry) await this.backend.put({ ...entry, deletedAt: this.clock() });
  }

  async restore(id: string): Promise<void> {
    const entry = await this.backend.getEntry(id);
    if (entry?.deletedAt === undefined) return;
    const { deletedAt: _deletedAt, ...restored } = entry;
    await this.backend.put(restored);
  }

  /** Deletes for good. */
  async purge(id: string): Promise<void> {
    await this.backend.remove(id);
  }

  /** Deletes for good what has been in the trash longer than the retention. */
  async purgeExpired(): Promise<string[]> {
    const cutoff = this.clock() - TRASH_RETENTION_MS;
    const expired = (await this.backend.listEntries()).filter((e) => e.deletedAt !== undefined && e.deletedAt < cutoff).map((e) => e.id);
    for (const id of expired) await this.backend.remove(id);
    return expired;
  }

  async lastOpen(): Promise<string | undefined> {
    return this.backend.getMeta(LAST_OPEN);
  }

  async setLastOpen(id: string): Promise<void> {
    await this.backend.setMeta(LAST_OPEN, id);
  }

  /** The design's text as exported, for tests and diagnostics. */
  async exportText(id: string): Promise<string | undefined> {
    const loaded = await this.load(id);
    return loaded?.ok ? serializeDesign(loaded.design) : undefined;
  }
}

/** Storage in memory: for tests, and for browsers where IndexedDB is unavailable (the app says so). */
export class MemoryBackend implements LibraryBackend {
  private readonly entries = new Map<string, LibraryEntry>();
  private readonly documents = new Map<string, StoredDesign>();
  private readonly meta = new Map<string, string>();

  async listEntries() {
    return [...this.entries.values()].map((entry) => ({ ...entry }));
  }
  async getEntry(id: string) {
    const entry = this.entries.get(id);
    return entry ? { ...entry } : undefined;
  }
  async getDocument(id: string) {
    const stored = this.documents.get(id);
    return stored ? structuredClone(stored) : undefined;
  }
  async put(entry: LibraryEntry, document?: StoredDesign) {
    this.entries.set(entry.id, { ...entry });
    if (document) this.documents.set(document.id, structuredClone(document));
  }
  async remove(id: string) {
    this.entries.delete(id);
    this.documents.delete(id);
  }
  async getMeta(key: string) {
    return this.meta.get(key);
  }
  async setMeta(key: string, value: string) {
    this.meta.set(key, value);
  }
}
