/** The design document: format 1 schema, reading, writing and migration. Plain TypeScript. */
export * from './schema';
export * from './problems';
export * from './durations';
export * from './tiers';
export * from './ids';
export * from './providers';
export * from './escape';
export { emptyDesign } from './empty-design';
export { primaryRegion } from './regions';
export { PROVIDER_REGIONS, AWS_REGIONS, AZURE_REGIONS, GCP_REGIONS, isProviderRegion, suggestRegion, locationProblem } from './region-codes';
export { readDesignText, readDesignDocument, detectFormat, formatOfFileName, decodeDesignBytes, READ_LIMITS, type ReadResult, type TextFormat, type DecodeResult } from './parse';
export { serializeDesign, toDocument } from './serialize';
export { migrateDocument, MIGRATIONS, type Migration } from './migrate';
export { checkReferences } from './references';
export * as edits from './edits';
export { renameComponent, componentIdProblem } from './rename-component';
