/** The cost model: price catalogs, one estimator per kind, roll-ups, commitments and adjustments. Plain TypeScript. */
export * from './types';
export { estimateCost, GLOBAL_REGION, type EstimateOptions, type CatalogSet } from './estimate';
export { parsePriceCatalog, PriceBook, type PriceMatch } from './price-catalog';
export { ESTIMATORS, findEstimator } from './estimators';
export { HOURS_PER_MONTH, type Estimator, type UsageSpec } from './ledger';
export { scopeMatches } from './adjustments';
export { nearestRegion } from './regions';
export { LINE_STATUS_LABELS, totalCaption, excludedCaption } from '../format';
export { COMMITMENT_TITLES } from './commitment';
export { detectFormat, importPriceFile, mergeImported, NEGOTIATED_COLUMNS, type ImportResult, type PriceFileFormat } from './import';
