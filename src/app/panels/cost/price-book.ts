import { useSyncExternalStore } from 'react';
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { importPriceFile, mergeImported, parsePriceCatalog, type ImportResult, type PriceCatalog } from '../../../engine/cost';
import type { Provider } from '../../../model';
import { loadCatalog } from './catalogs';

/**
 * The user's own price book in this browser: imported official price files (AWS Price List,
 * Azure Retail Prices, GCP Cloud Billing SKUs) or negotiated rates, one book per provider, kept in
 * IndexedDB and never sent anywhere. It overrides the bundled prices, as `ninesmith prices import`
 * does for the command line.
 */
interface PriceBookDb extends DBSchema {
  books: { key: string; value: PriceCatalog };
}

const DB_NAME = 'ninesmith-price-book';
let database: Promise<IDBPDatabase<PriceBookDb>> | undefined;
let books: readonly PriceCatalog[] = [];
let loaded = false;
const listeners = new Set<() => void>();

function open(): Promise<IDBPDatabase<PriceBookDb>> | undefined {
  if (typeof indexedDB === 'undefined') return undefined;
  database ??= openDB<PriceBookDb>(DB_NAME, 1, { upgrade: (db) => db.createObjectStore('books') });
  return database;
}

function publish(next: readonly PriceCatalog[]): void {
  books = next;
  for (const listener of listeners) listener();
}

async function loadBooks(): Promise<void> {
  if (loaded) return;
  loaded = true;
  const db = open();
  if (!db) return;
  try {
    const stored = await (await db).getAll('books');
    publish(stored.flatMap((book) => {
      try {
        return [parsePriceCatalog(book, 'stored price book')];
      } catch {
        return [];
      }
    }));
  } catch {
    // IndexedDB unavailable (private mode): the book lives for this session only.
  }
}

/** The imported price books, loaded once from IndexedDB; components re-render when one changes. */
export function usePriceBooks(): readonly PriceCatalog[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      void loadBooks();
      return () => listeners.delete(listener);
    },
    () => books,
    () => books,
  );
}

/** Imports a price file into the book of its provider; throws naming what is wrong with it. */
export async function importPriceBookFile(name: string, text: string): Promise<ImportResult> {
  await loadBooks();
  const result = importPriceFile(name, text);
  if (result.prices.length === 0 && result.commitments.length === 0) throw new Error(`${name} (${result.format}) holds no price Ninesmith uses`);
  const bundled = await loadCatalog(result.provider).then((c) => c.catalog).catch(() => undefined);
  const existing = books.find((book) => book.provider === result.provider);
  const merged = mergeImported(existing, result, name, bundled);
  const db = open();
  if (db) await (await db).put('books', merged, merged.provider);
  publish([...books.filter((book) => book.provider !== merged.provider), merged]);
  return result;
}

export async function clearPriceBook(provider: Provider): Promise<void> {
  const db = open();
  if (db) await (await db).delete('books', provider);
  publish(books.filter((book) => book.provider !== provider));
}

/** The books, outside React (the export panel's proposal). */
export async function currentPriceBooks(): Promise<readonly PriceCatalog[]> {
  await loadBooks();
  return books;
}
