import type { CatalogPrice, CommitmentRate } from '../types';

/** One row of a price file, as Ninesmith reads it: a price, a commitment rate, or a reason it was left out. */
export type ImportedRow = { price: CatalogPrice } | { commitment: CommitmentRate } | { skipped: string };

/** Reads one parsed file into rows. */
export type RowMapper = (data: unknown, file: string) => { rows: ImportedRow[]; publishedAt: string | undefined; format: string };
