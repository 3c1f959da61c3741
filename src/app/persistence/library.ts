import { formatProblem, type Design, type DesignProblem } from '../../model';
import type * as LibraryChecksModule from './library-checks';

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

/**
 * A stored record that does not fit: set aside so every other design stays reachable, shown in the
 * Library as damaged, and offered as raw JSON (`rawRecordJson`) so whatever it holds can be rescued.
 */
export interface DamagedRecord {
  /** The record's key in storage (what `purge` needs), shown as text. */
  key: IDBValidKey;
  label: string;
  problem: string;
  entry: unknown;
  /** Whether the design's document itself is intact, so the entry can be rebuilt from it. */
  recoverable: boolean;
}

export interface LibraryListing {
  entries: LibraryEntry[];
  damaged: DamagedRecord[];
}

/** The key of a stored record, whatever it holds. */
function keyOf(record: unknown): IDBValidKey | undefined {
  const id = record !== null && typeof record === 'object' ? (record as { id?: unknown }).id : undefined;
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : undefined;
}

/**
 * Any stored value as JSON text, for the user to keep: cycles, BigInts, Dates, Maps, Sets, binary
 * data and functions (all of which IndexedDB can hold or a bug can leave) are written as descriptions.
 */
export function rawRecordJson(value: unknown): string {
  const ancestors: unknown[] = [];
  return JSON.stringify(
    value,
    function replacer(this: unknown, _key, item: unknown) {
      if (typeof item === 'bigint') return `${item}n`;
      if (typeof item === 'function' || typeof item === 'symbol') return `[${typeof item}]`;
      if (item === undefined) return null;
      if (item === null || typeof item !== 'object') return item;
      // The objects being written from the root to here: `this` is the one whose member `item` is.
      while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop();
      if (ancestors.includes(item)) return '[cycle]';
      if (ArrayBuffer.isView(item) || item instanceof ArrayBuffer) return `[binary, ${item.byteLength} bytes]`;
      const written = item instanceof Map ? { '[Map]': [...item.entries()] } : item instanceof Set ? { '[Set]': [...item.values()] } : item;
      ancestors.push(written);
      return written;
    },
    2,
  ) ?? 'null';
}

/** What the library needs from storage: IndexedDB in the browser, memory in tests or when IndexedDB is unavailable. */
export interface LibraryBackend {
  /** Every stored entry record, as stored: the library checks each one. */
  listEntries(): Promise<unknown[]>;
  getEntry(id: IDBValidKey): Promise<unknown>;
  getDocument(id: IDBValidKey): Promise<unknown>;
  /**
   * Writes the entry, and the document when given, atomically. Implementations issue the writes
   * and commit before their first await, so a save begun while the page is closing is not lost.
   */
  put(entry: LibraryEntry, document?: StoredDesign): Promise<void>;
  remove(id: IDBValidKey): Promise<void>;
  getMeta(key: string): Promise<unknown>;
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

type LibraryChecks = typeof LibraryChecksModule;
let loadedChecks: LibraryChecks | undefined;

/**
 * The checks of stored records and designs (zod and the full design schema), loaded on first use:
 * a first start with an empty library paints its canvas without them. Once loaded they run
 * synchronously, so a save begun while the page closes still issues its write at once.
 */
export async function libraryChecks(): Promise<LibraryChecks> {
  loadedChecks ??= await import('./library-checks');
  return loadedChecks;
}

export type LoadResult = { ok: true; design: Design; entry: LibraryEntry } | { ok: false; problems: DesignProblem[] };

export function newDesignId(): string {
  const random = globalThis.crypto?.randomUUID?.();
  if (random) return random;
  return `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
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

  /** Every design, newest first; trashed ones included (callers split them by `deletedAt`). Damaged records are left out. */
  async list(): Promise<LibraryEntry[]> {
    return (await this.listAll()).entries;
  }

  /** Every design, newest first, and the stored records that are damaged, each checked on its own. */
  async listAll(): Promise<LibraryListing> {
    const entries: LibraryEntry[] = [];
    const damaged: DamagedRecord[] = [];
    for (const record of await this.backend.listEntries()) {
      const { checkEntry, loadDesignDocument } = loadedChecks ?? (await libraryChecks());
      const checked = checkEntry(record);
      if (checked.ok) {
        entries.push(checked.entry);
        this.createdAt.set(checked.entry.id, checked.entry.createdAt);
        continue;
      }
      const key = keyOf(record);
      if (key === undefined) continue; // IndexedDB keys every record by its id: such a record cannot be stored.
      const stored = await this.backend.getDocument(key).catch(() => undefined);
      const recoverable = typeof key === 'string' && documentOf(stored) !== undefined && loadDesignDocument(documentOf(stored)).ok;
      damaged.push({ key, label: String(key), problem: checked.problem, entry: record, recoverable });
    }
    entries.sort((a, b) => b.updatedAt - a.updatedAt || a.name.localeCompare(b.name));
    return { entries, damaged };
  }

  async load(id: string): Promise<LoadResult | undefined> {
    const [record, stored] = await Promise.all([this.backend.getEntry(id), this.backend.getDocument(id)]);
    if (record === undefined || stored === undefined) return undefined;
    const { checkEntry, loadDesignDocument } = loadedChecks ?? (await libraryChecks());
    const checked = checkEntry(record);
    if (!checked.ok) return { ok: false, problems: [{ path: [], code: 'schema', message: `the library's record of this design is damaged (${checked.problem})` }] };
    const entry = checked.entry;
    this.createdAt.set(id, entry.createdAt);
    const result = loadDesignDocument(documentOf(stored));
    return result.ok ? { ok: true, design: result.design, entry } : { ok: false, problems: result.problems };
  }

  /** The raw JSON of a damaged record: its entry and its document, as stored. */
  async rawJson(key: IDBValidKey): Promise<string> {
    const [entry, document] = await Promise.all([this.backend.getEntry(key), this.backend.getDocument(key)]);
    return rawRecordJson({ key, entry, document });
  }

  /** Rebuilds a damaged entry from its intact document: the design comes back under its own name. */
  async recover(id: string): Promise<void> {
    const { loadDesignDocument } = loadedChecks ?? (await libraryChecks());
    const result = loadDesignDocument(documentOf(await this.backend.getDocument(id)));
    if (!result.ok) throw new Error('the design itself cannot be read, so it cannot be recovered; download its raw JSON instead');
    this.createdAt.delete(id);
    await this.save(id, result.design);
  }

  /** Adds a design as a new entry and returns its id. Refuses an invalid design. */
  async create(design: Design, id: string = newDesignId()): Promise<string> {
    const storable = (loadedChecks ?? (await libraryChecks())).storableDocument(design);
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
    const storable = (loadedChecks ?? (await libraryChecks())).storableDocument(design);
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
    const { checkEntry } = loadedChecks ?? (await libraryChecks());
    const checked = checkEntry(await this.backend.getEntry(id));
    if (checked.ok) await this.backend.put({ ...checked.entry, deletedAt: this.clock() });
  }

  async restore(id: string): Promise<void> {
    const { checkEntry } = loadedChecks ?? (await libraryChecks());
    const checked = checkEntry(await this.backend.getEntry(id));
    if (!checked.ok || checked.entry.deletedAt === undefined) return;
    const { deletedAt: _deletedAt, ...restored } = checked.entry;
    await this.backend.put(restored);
  }

  /** Deletes for good; also a damaged record, by its key. */
  async purge(id: IDBValidKey): Promise<void> {
    await this.backend.remove(id);
  }

  /** Deletes for good what has been in the trash longer than the retention. Damaged records are never purged unseen. */
  async purgeExpired(): Promise<string[]> {
    const cutoff = this.clock() - TRASH_RETENTION_MS;
    const expired = (await this.list()).filter((e) => e.deletedAt !== undefined && e.deletedAt < cutoff).map((e) => e.id);
    for (const id of expired) await this.backend.remove(id);
    return expired;
  }

  async lastOpen(): Promise<string | undefined> {
    const id = await this.backend.getMeta(LAST_OPEN);
    return typeof id === 'string' ? id : undefined;
  }

  async setLastOpen(id: string): Promise<void> {
    await this.backend.setMeta(LAST_OPEN, id);
  }

  /** The design's text as exported, for tests and diagnostics. */
  async exportText(id: string): Promise<string | undefined> {
    const loaded = await this.load(id);
    return loaded?.ok ? (loadedChecks ?? (await libraryChecks())).serializeDesign(loaded.design) : undefined;
  }
}

/** The document of a stored record, if it has one that is an object. */
function documentOf(stored: unknown): unknown {
  return stored !== null && typeof stored === 'object' ? (stored as { document?: unknown }).document : undefined;
}

/** Storage in memory: for tests, and for browsers where IndexedDB is unavailable (the app says so). */
export class MemoryBackend implements LibraryBackend {
  private readonly entries = new Map<IDBValidKey, unknown>();
  private readonly documents = new Map<IDBValidKey, unknown>();
  private readonly meta = new Map<string, unknown>();

  async listEntries() {
    return [...this.entries.values()].map((entry) => structuredClone(entry));
  }
  async getEntry(id: IDBValidKey) {
    return structuredClone(this.entries.get(id));
  }
  async getDocument(id: IDBValidKey) {
    return structuredClone(this.documents.get(id));
  }
  async put(entry: LibraryEntry, document?: StoredDesign) {
    this.entries.set(entry.id, { ...entry });
    if (document) this.documents.set(document.id, structuredClone(document));
  }
  /** Stores records as they are, unchecked: what another version, a bug or a user with devtools may leave. */
  putRaw(store: 'entries' | 'documents', key: IDBValidKey, record: unknown) {
    (store === 'entries' ? this.entries : this.documents).set(key, record);
  }
  async remove(id: IDBValidKey) {
    this.entries.delete(id);
    this.documents.delete(id);
  }
  async getMeta(key: string) {
    return this.meta.get(key);
  }
  async setMeta(key: string, value: unknown) {
    this.meta.set(key, value);
  }
}
