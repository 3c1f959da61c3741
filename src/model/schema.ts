import { z } from 'zod';
import { parseDuration } from './durations';
import { CONNECTION_MODES, CURRENT_FORMAT_VERSION, ID_PATTERN, ID_PATTERN_MESSAGE, MAX_LOGO_CHARACTERS, MAX_USAGE, MAX_ZONES_PER_REGION, PROVIDERS, REGION_ROLES, TENANCIES, ZONE_NAME_PATTERN } from './format-constants';

export * from './format-constants';

/** Ids are what other parts of the file, git diffs and generated code refer to: keep them boring. */
/**
 * How a design's schemas are run for a design of `items` components: without zod's JIT when it is
 * small. Zod compiles an object schema into a function the first time it parses with it, which
 * costs more than it saves on a small design read once (loading a template: about 47 → 30 ms CPU);
 * on a large one, and on designs read again and again, the compiled schema is the faster.
 */
export function schemaParseOptions(items: number): z.core.ParseContext<z.core.$ZodIssue> {
  return items <= JITLESS_UP_TO ? JITLESS : COMPILED;
}
const JITLESS_UP_TO = 300;
const JITLESS: z.core.ParseContext<z.core.$ZodIssue> = { jitless: true };
const COMPILED: z.core.ParseContext<z.core.$ZodIssue> = {};

export const idSchema = z.string().regex(ID_PATTERN, ID_PATTERN_MESSAGE);

/** Display text is any text a person types; it is never trusted as code anywhere downstream. */
const displayText = (max: number) => z.string().max(max, `expected at most ${max} characters`);

export const durationSchema = z
  .string()
  .refine((text) => parseDuration(text) !== undefined, 'expected a duration such as 30s, 15m, 4h or 1d');

export const percentSchema = z
  .number()
  .gt(0, 'expected a percentage above 0')
  .max(100, 'expected a percentage of at most 100');

export const tierTargetsSchema = z.strictObject({
  availability: percentSchema.optional(),
  rto: durationSchema.optional(),
  rpo: durationSchema.optional(),
});

export const regionSchema = z.strictObject({
  id: idSchema,
  name: displayText(200).optional(),
  location: z.string().min(1, 'expected the provider\'s region code, e.g. us-east-1').max(64),
  role: z.enum(REGION_ROLES).default('primary'),
  zones: z
    .array(z.string().regex(ZONE_NAME_PATTERN, 'expected a zone name such as a, b or 1'))
    .min(1, 'expected at least one zone')
    .max(MAX_ZONES_PER_REGION, `expected at most ${MAX_ZONES_PER_REGION} zones (the providers' largest regions have six)`),
  /** Secondary regions only: how much stands ready (AWS DR whitepaper names). Default warm-standby. */
  strategy: z.enum(['pilot-light', 'warm-standby']).optional(),
  /** Days since failover to (or from) this region was last exercised; absent or null: never. */
  failoverTestedDays: z.number().int().min(0).nullable().optional(),
});

export const componentSchema = z.strictObject({
  id: idSchema,
  kind: idSchema,
  name: displayText(200).optional(),
  description: displayText(4000).optional(),
  region: idSchema.optional(),
  zones: z
    .array(z.string())
    .min(1, 'expected at least one zone, or no `zones` for the first zone of the region')
    .max(MAX_ZONES_PER_REGION, `expected at most ${MAX_ZONES_PER_REGION} zones, each a zone of its region`)
    .optional(),
  replicas: z.number().int('expected a whole number').min(1, 'expected at least 1 instance').max(100000).optional(),
  props: z.record(z.string(), z.unknown()).optional(),
});

export const connectionSchema = z.strictObject({
  from: idSchema,
  to: idSchema,
  mode: z.enum(CONNECTION_MODES).default('sync'),
  label: displayText(200).optional(),
});

export const journeySchema = z.strictObject({
  id: idSchema,
  name: displayText(200),
  description: displayText(4000).optional(),
  from: idSchema,
  needs: z.array(idSchema).min(1, 'expected at least one needed component'),
  target: percentSchema.optional(),
});

export const suppressionSchema = z.strictObject({
  rule: idSchema,
  component: idSchema.optional(),
  reason: z.string().trim().min(1, 'expected a reason: a suppression says why the finding does not apply').max(2000),
});

export const priceAdjustmentSchema = z.strictObject({
  /** `aws`, `aws/rds`, or `*`: the provider, optionally narrowed to one service. */
  scope: z.string().regex(/^(\*|[a-z]+(\/[a-z0-9-]+)?)$/, 'expected a scope such as *, aws or aws/rds'),
  percent: z.number().min(-100, 'a discount cannot exceed 100%').max(1000),
  note: displayText(500).optional(),
});

export const pricingSettingsSchema = z.strictObject({
  profile: z.enum(['low', 'expected', 'high']).optional(),
  /** The commitment priced: on-demand list prices, or 1- or 3-year savings plans, reserved instances, committed-use discounts. */
  commitment: z.enum(['on-demand', '1-year', '3-year']).optional(),
  adjustments: z.array(priceAdjustmentSchema).optional(),
  /** Usage assumptions per component id, like Infracost's usage file: `{ web: { requestsPerMonth: 5e7 } }`. */
  usage: z.record(idSchema, z.record(z.string(), z.number().min(0, 'expected a usage of 0 or more').max(MAX_USAGE, `expected at most ${MAX_USAGE.toExponential()}: larger figures cannot be priced`))).optional(),
});

/**
 * A rate of failure events: one number (the expected rate; the low and high ends keep the default's
 * proportions), or the range the modelled availability's low and high figures come from.
 */
export const rateSchema = z.union([
  z.number().min(0, 'expected a rate of 0 or more').max(100000),
  z
    .strictObject({ low: z.number().min(0), expected: z.number().min(0), high: z.number().min(0) })
    .refine((r) => r.low <= r.expected && r.expected <= r.high, 'expected low <= expected <= high'),
]);

/**
 * Overrides of the failure rates and incident durations the modelled availability rests on
 * (docs/assumptions.md). Every field is optional: the engine's cited defaults fill the rest.
 */
export const assumptionsSchema = z.strictObject({
  rates: z
    .strictObject({
      /** Failures of one instance (a host, a VM, a pod's node) per instance per year. */
      instanceFailure: rateSchema.optional(),
      /** Incidents that take out one availability zone, per zone per year. */
      zoneIncident: rateSchema.optional(),
      /** Incidents that take out a whole region, per region per year. */
      regionIncident: rateSchema.optional(),
      /** Incidents of an external system with no SLA entered, per system per year. */
      externalIncident: rateSchema.optional(),
      /** Corruption or deletion of a store's data (bad migration, bug, operator error), per store per year. */
      dataCorruption: rateSchema.optional(),
      /** Incidents of one managed service in its region (the service itself, not the region), per service per year. */
      regionalServiceIncident: rateSchema.optional(),
      /** Incidents of a global service (DNS, CDN, a SaaS identity provider), per service per year. */
      globalServiceIncident: rateSchema.optional(),
      /** Incidents of a store or service the team runs itself, beyond instance losses, per service per year. */
      selfOperatedIncident: rateSchema.optional(),
      /** Releases of each deployable component per month. */
      deploymentsPerMonth: z.number().min(0).max(100000).optional(),
      /** Percent of releases that cause an incident (DORA change failure rate). */
      changeFailureRate: rateSchema.optional(),
    })
    .optional(),
  durations: z
    .strictObject({
      instanceIncident: durationSchema.optional(),
      zoneIncident: durationSchema.optional(),
      regionIncident: durationSchema.optional(),
      serviceIncident: durationSchema.optional(),
      externalIncident: durationSchema.optional(),
      manualRollback: durationSchema.optional(),
      corruptionDetection: durationSchema.optional(),
      corruptionRepair: durationSchema.optional(),
    })
    .optional(),
  /** Per component: its own incident rate and duration (a vendor's track record, a team's service). */
  components: z.record(idSchema, z.strictObject({ incidentsPerYear: rateSchema.optional(), incidentDuration: durationSchema.optional() })).optional(),
});

/**
 * What the client proposal's cover names: who it is for, who wrote it, its date and version, and a
 * logo. Every field is optional; the proposal leaves out what is not given, and invents none of it.
 */
export const proposalSettingsSchema = z.strictObject({
  /** The client the proposal is for: "Acme Ltd". */
  client: displayText(200).optional(),
  /** Who prepared it: a consultant or a firm. */
  consultant: displayText(200).optional(),
  /** The proposal's date, YYYY-MM-DD (the proposal has no other date but its prices'). */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2026-11-30')
    .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'expected a real calendar date such as 2026-11-30')
    .optional(),
  /** The proposal's version: "1.2", "draft 3". */
  version: displayText(40).optional(),
  /** A PNG or JPEG logo as a data URL (data:image/png;base64,...): shown on the cover of every format. */
  logo: z
    .string()
    .max(MAX_LOGO_CHARACTERS, `expected a logo of at most ${MAX_LOGO_CHARACTERS} characters (about 150 kB of image)`)
    .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/, 'expected a PNG or JPEG data URL: data:image/png;base64,...')
    .optional(),
});

export const layoutPointSchema = z.strictObject({
  x: z.number().finite(),
  y: z.number().finite(),
});

export const designSchema = z.strictObject({
  ninesmith: z.literal(CURRENT_FORMAT_VERSION),
  name: displayText(200).min(1, 'expected a name for the design'),
  description: displayText(8000).optional(),
  provider: z.enum(PROVIDERS).default('aws'),
  tier: idSchema.default('standard'),
  tiers: z.record(idSchema, tierTargetsSchema).optional(),
  tenancy: z.enum(TENANCIES).default('shared'),
  regions: z.array(regionSchema).default([]),
  components: z.array(componentSchema).default([]),
  connections: z.array(connectionSchema).default([]),
  journeys: z.array(journeySchema).default([]),
  suppressions: z.array(suppressionSchema).optional(),
  pricing: pricingSettingsSchema.optional(),
  assumptions: assumptionsSchema.optional(),
  proposal: proposalSettingsSchema.optional(),
  layout: z.record(idSchema, layoutPointSchema).optional(),
});

export type TierTargets = z.infer<typeof tierTargetsSchema>;
export type Region = z.infer<typeof regionSchema>;
export type Component = z.infer<typeof componentSchema>;
export type Connection = z.infer<typeof connectionSchema>;
export type Journey = z.infer<typeof journeySchema>;
export type Suppression = z.infer<typeof suppressionSchema>;
export type PriceAdjustment = z.infer<typeof priceAdjustmentSchema>;
export type PricingSettings = z.infer<typeof pricingSettingsSchema>;
export type ProposalSettings = z.infer<typeof proposalSettingsSchema>;
export type LayoutPoint = z.infer<typeof layoutPointSchema>;
export type RateInput = z.infer<typeof rateSchema>;
export type DesignAssumptions = z.infer<typeof assumptionsSchema>;
/** A design document after parsing: defaults applied, every reference checked. */
export type Design = z.infer<typeof designSchema>;
