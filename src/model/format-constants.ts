/**
 * The format's fixed vocabulary, apart from its zod schema (schema.ts): what the canvas, the store
 * and the edits need at start, without loading the validator before the first paint.
 */

/** The format version this build writes. Older versions are migrated on load (see migrate.ts). */
export const CURRENT_FORMAT_VERSION = 1;

export const PROVIDERS = ['aws', 'azure', 'gcp'] as const;
export const TENANCIES = ['shared', 'dedicated', 'cells'] as const;
export const REGION_ROLES = ['primary', 'secondary', 'active'] as const;
export const CONNECTION_MODES = ['sync', 'async', 'replication', 'backup'] as const;

export type Provider = (typeof PROVIDERS)[number];
export type Tenancy = (typeof TENANCIES)[number];
export type RegionRole = (typeof REGION_ROLES)[number];
export type ConnectionMode = (typeof CONNECTION_MODES)[number];

/** Zone names: lower-case letters, digits and "-", up to 32 characters (`a`, `1`, `use1-az4`). */
export const ZONE_NAME_PATTERN = /^[a-z0-9-]{1,32}$/;

/**
 * Zones a region (and so a component) may list. The providers' largest regions have six; the
 * designer draws a column for each, and a file listing tens of thousands hung it.
 */
export const MAX_ZONES_PER_REGION = 26;

/** A usage figure past this (a thousand trillion requests, GB, ...) is a typo, and would price at infinity. */
export const MAX_USAGE = 1e15;

/** The largest logo a design carries (a data URL of up to about 150 kB of image): the file stays readable in git. */
export const MAX_LOGO_CHARACTERS = 200_000;

/** Ids are what other parts of the file, git diffs and generated code refer to (see `idSchema`). */
export const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export const ID_PATTERN_MESSAGE = 'expected an id: lower-case letters, digits and "-", 1 to 64 characters, not starting or ending with "-"';
