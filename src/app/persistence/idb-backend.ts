import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LibraryBackend, LibraryEntry, StoredDesign } from './library';

/** What the stores are written with; what is read back is checked by the library (it may be anything). */
interface NinesmithDb extends DBSchema {
  entries: { key: IDBValidKey; value: LibraryEntry };
  documents: { key: IDBValidKey; value: StoredDesign };
  meta: { key: string; value: { key: string; value: string } };
}

export const DB_NAME = 'ninesmith';
const DB_VERSION = 1;

/** The library in IndexedDB: entries and documents in separate stores, written in one transaction. */
export class IdbBackend implements LibraryBackend {
  private constructor(private readonly db: IDBPDatabase<NinesmithDb>) {}

  static async open(name = DB_NAME): Promise<IdbBackend> {
    const db = await openDB<NinesmithDb>(name, DB_VERSION, {
      upgrade(database, oldVersion) {
        // One step per version, so a user on any older version upgrades through all of them.
        if (oldVersion < 1) {
          database.createObjectStore('entries', { keyPath: 'id' });
          database.createObjectStore('documents', { keyPath: 'id' });
          database.createObjectStore('meta', { keyPath: 'key' });
        }
      },
      blocking() {
        // A newer version of the app opened in another tab wants to upgrade: step aside.
        db.close();
      },
    });
    return new IdbBackend(db);
  }

  async listEntries(): Promise<unknown[]> {
    return this.db.getAll('entries');
  }
  async getEntry(id: IDBValidKey): Promise<unknown> {
    return this.db.get('entries', id);
  }
  async getDocument(id: IDBValidKey): Promise<unknown> {
    return this.db.get('documents', id);
  }
  async put(entry: LibraryEntry, document?: StoredDesign) {
    // Everything is issued synchronously and committed at once (see LibraryBackend.put): a
    // transaction still open when the page unloads would be aborted.
    const tx = this.db.transaction(['entries', 'documents'], 'readwrite');
    const writes: Promise<unknown>[] = [tx.objectStore('entries').put(entry)];
    if (document) writes.push(tx.objectStore('documents').put(document));
    tx.commit();
    await Promise.all([...writes, tx.done]);
  }
  async remove(id: IDBValidKey) {
    const tx = this.db.transaction(['entries', 'documents'], 'readwrite');
    await Promise.all([tx.objectStore('entries').delete(id), tx.objectStore('documents').delete(id), tx.done]);
  }
  async getMeta(key: string): Promise<unknown> {
    const record: unknown = await this.db.get('meta', key);
    return record !== null && typeof record === 'object' ? (record as { value?: unknown }).value : undefined;
  }
  async setMeta(key: string, value: string) {
    await this.db.put('meta', { key, value });
  }
}
