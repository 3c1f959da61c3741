import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PROVIDERS, type Provider } from '../model';
import { parsePriceCatalog, type PriceCatalog } from '../engine/cost';

/**
 * Where `ninesmith prices import` keeps imported prices: `.ninesmith/prices/<provider>.json` in the
 * directory the command runs from, beside the designs it prices (commit it to share a negotiated
 * price book with the team, or list it in .gitignore to keep it to yourself).
 */
export const PRICE_BOOK_DIR = join('.ninesmith', 'prices');

export function priceBookDir(cwd: string, override?: string): string {
  return resolve(cwd, override ?? PRICE_BOOK_DIR);
}

/** The imported price books in `dir`, one per provider that has one; a file that cannot be read throws naming it. */
export async function loadPriceBooks(dir: string): Promise<PriceCatalog[]> {
  const books: PriceCatalog[] = [];
  for (const provider of PROVIDERS) {
    const path = join(dir, `${provider}.json`);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    books.push(parsePriceCatalog(JSON.parse(text), path));
  }
  return books;
}

export async function savePriceBook(dir: string, book: PriceCatalog): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${book.provider}.json`);
  await writeFile(path, `${JSON.stringify(book, null, 1)}\n`);
  return path;
}

export async function removePriceBook(dir: string, provider: Provider): Promise<boolean> {
  const path = join(dir, `${provider}.json`);
  try {
    await rm(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
