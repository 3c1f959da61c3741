import { parseDuration, type DesignAssumptions, type RateInput } from '../../model';
import type { DesignGraph } from '../graph';
import type { Assumption } from './assumptions';

/**
 * The failure rates and incident durations behind the modelled availability, each with where it
 * comes from. Defaults are cited below; a design's `assumptions` section overrides any of them
 * (docs/assumptions.md). Rates carry a low and a high end: the modelled range comes from them.
 */

/** Events a year, or a percentage, at three levels of belief. */
export interface Rate {
  low: number;
  expected: number;
  high: number;
}

export interface RateAssumption {
  rate: Rate;
  assumption: Assumption;
}

export interface DurationAssumption {
  seconds: number;
  assumption: Assumption;
}

const DEAN_2008 = 'Jeff Dean (Google), Google I/O 2008, as reported by Data Center Knowledge, "Failure Rates in Google Data Centers" (2008-05-30)';
const PES = 'AWS Post-Event Summaries (https://aws.amazon.com/premiumsupport/technology/pes/)';
const GUNAWI = 'Gunawi et al., "Why Does the Cloud Stop Computing? Lessons from Hundreds of Service Outages", ACM SoCC 2016';
const IWGCR = 'International Working Group on Cloud Computing Resiliency, availability ranking of cloud services (2012), as reported by InfoWorld';
const DORA = 'DORA, Accelerate State of DevOps Report 2023 and 2024 (performance clusters)';

type RateKey = 'instanceFailure' | 'zoneIncident' | 'regionIncident' | 'regionalServiceIncident' | 'globalServiceIncident' | 'selfOperatedIncident' | 'externalIncident' | 'dataCorruption' | 'changeFailureRate';
type DurationKey = 'instanceIncident' | 'zoneIncident' | 'regionIncident' | 'serviceIncident' | 'externalIncident' | 'manualRollback' | 'corruptionDetection' | 'corruptionRepair';

interface RateDefault {
  rate: Rate;
  /** What is counted, for the sentence: "{rate} {unit}". */
  unit: string;
  text: string;
  source: string;
  heuristic: boolean;
  /** The name of the override in the design's `assumptions.rates`, when it has one. */
  override?: keyof NonNullable<DesignAssumptions['rates']>;
}

export const DEFAULT_RATES: Readonly<Record<RateKey, RateDefault>> = {
  instanceFailure: {
    rate: { low: 0.1, expected: 0.5, high: 2 },
    unit: 'failures per instance a year',
    text: 'A host, virtual machine or node fails under an instance',
    source: `${DEAN_2008}: about 1,000 machine failures in a 1,800-machine cluster's first year (0.55 per machine), and about twice that counting rack and power-distribution failures, the high end; cloud hosts that live-migrate fail less often, hence the low end`,
    heuristic: true,
    override: 'instanceFailure',
  },
  zoneIncident: {
    rate: { low: 0.02, expected: 0.1, high: 0.3 },
    unit: 'incidents per zone a year',
    text: 'A power, cooling or network incident takes out one availability zone',
    source: `${PES}: single-zone power and cooling events large enough for a public summary (eu-west-1 2011, us-east-1 2012 and 2021, ap-southeast-2 2016, ap-northeast-1 2019) come to about 0.01 per zone a year, the low end; smaller zonal impairments are announced only on the health dashboard, and ${DEAN_2008} counts a power-distribution failure per cluster a year`,
    heuristic: true,
    override: 'zoneIncident',
  },
  regionIncident: {
    rate: { low: 0.05, expected: 0.2, high: 0.6 },
    unit: 'incidents per region a year',
    text: 'An incident impairs a whole region (its network, its control planes, or a foundational service every other one uses)',
    source: `${PES}: region-wide events in us-east-1 (2011, 2012, 2015, 2017, 2020, December 2021, 2023, 2025) are about 0.5 a year in the busiest region, the high end; other regions have had far fewer`,
    heuristic: true,
    override: 'regionIncident',
  },
  regionalServiceIncident: {
    rate: { low: 0.1, expected: 0.3, high: 1 },
    unit: 'incidents per service a year',
    text: "A managed service fails in its region by itself (its own software or capacity), while the region's other services run on",
    source: `${GUNAWI}: 597 publicly reported outages of 32 popular services over 2009-2015, 2.7 a service a year across all its regions; one region sees a fraction of them`,
    heuristic: true,
    override: 'regionalServiceIncident',
  },
  globalServiceIncident: {
    rate: { low: 0.03, expected: 0.1, high: 0.3 },
    unit: 'incidents per service a year',
    text: 'A global service (DNS, CDN, edge firewall, a SaaS identity provider) fails everywhere at once; a 100% SLA is a credit commitment, not a forecast of none',
    source: `${GUNAWI} and the providers' post-event summaries of global edge incidents: a few per provider per decade`,
    heuristic: true,
    override: 'globalServiceIncident',
  },
  selfOperatedIncident: {
    rate: { low: 0.2, expected: 0.5, high: 2 },
    unit: 'incidents per service a year',
    text: 'A database, cache or broker the team runs itself fails beyond an instance loss (an upgrade, a failover bug, an operator error a managed service would absorb)',
    source: 'Designer convention: no published rate; set above the managed-service rate because no provider operates it',
    heuristic: true,
    override: 'selfOperatedIncident',
  },
  externalIncident: {
    rate: { low: 1, expected: 2.7, high: 6 },
    unit: 'incidents per system a year',
    text: 'An external system with no vendor track record entered has outages like a popular cloud service',
    source: `${GUNAWI}: 597 unplanned outages of 32 services in 7 years (2.7 a service a year)`,
    heuristic: false,
    override: 'externalIncident',
  },
  dataCorruption: {
    rate: { low: 0.03, expected: 0.1, high: 0.3 },
    unit: 'events per store a year',
    text: "A bad migration, an application bug or an operator error corrupts or deletes a store's data",
    source: 'Designer convention: no published rate (Google SRE book, chapter 26, "Data Integrity", lists the causes but not their frequency)',
    heuristic: true,
    override: 'dataCorruption',
  },
  changeFailureRate: {
    rate: { low: 5, expected: 10, high: 20 },
    unit: '% of releases',
    text: 'Releases that cause an incident in production',
    source: `${DORA}: change failure rate about 5% for elite performers, 10-20% for high performers`,
    heuristic: false,
    override: 'changeFailureRate',
  },
};

interface DurationDefault {
  seconds: number;
  text: string;
  source: string;
  heuristic: boolean;
}

export const DEFAULT_DURATIONS: Readonly<Record<DurationKey, DurationDefault>> = {
  instanceIncident: {
    seconds: 3600,
    text: 'A failed instance is replaced by the provider (host recovery, a restarted task or node) within about',
    source: 'Designer convention: EC2 automatic recovery and managed-service host replacement take minutes to tens of minutes',
    heuristic: true,
  },
  zoneIncident: {
    seconds: 4 * 3600,
    text: 'A zone incident lasts about',
    source: `${PES}: us-east-1 power event of 2012-06-14 (most instances back in about 2 h), eu-west-1 of 2011-08-07 (network back in about 3 h); ${DEAN_2008} (a power-distribution failure: about 6 h)`,
    heuristic: true,
  },
  regionIncident: {
    seconds: 6 * 3600,
    text: 'A region-wide incident lasts about',
    source: 'AWS, "Summary of the AWS Service Event in the Northern Virginia (US-EAST-1) Region" (https://aws.amazon.com/message/12721/, 2021-12-10): impairment from 7:30 AM PST into the afternoon, about 7 h; the S3 event of 2017 lasted about 4 h',
    heuristic: true,
  },
  serviceIncident: {
    seconds: 3 * 3600,
    text: "A provider service's incident lasts about",
    source: `${IWGCR}: 7.5 h of downtime a year per service, over ${GUNAWI}'s 2.7 outages a year: about 2.8 h each`,
    heuristic: false,
  },
  externalIncident: {
    seconds: 3 * 3600,
    text: "An external system's outage lasts about",
    source: `${IWGCR} and ${GUNAWI}: about 2.8 h per publicly reported outage`,
    heuristic: false,
  },
  manualRollback: {
    seconds: 3600,
    text: 'Noticing a bad release and rolling it back by hand takes about',
    source: `${DORA}: elite performers recover from a failed deployment in under an hour`,
    heuristic: false,
  },
  corruptionDetection: {
    seconds: 3600,
    text: 'Corruption is noticed and writes to the store stopped within about',
    source: 'Designer convention: alerting on errors and data checks; writes made between the corruption and its detection are lost from the restored copy unless replayed',
    heuristic: true,
  },
  corruptionRepair: {
    seconds: 24 * 3600,
    text: 'Without a copy to restore, repairing corrupted data by hand (or accepting the loss) takes about',
    source: 'Designer convention: a working day and night of manual repair',
    heuristic: true,
  },
};

/** Releases of each deployable component per month: about weekly (DORA's high performers deploy daily to weekly). */
export const DEFAULT_DEPLOYMENTS_PER_MONTH = 4;

/** Every input of the modelled availability for one design, defaults and overrides resolved. */
export interface ModelInputs {
  rates: Readonly<Record<RateKey, RateAssumption>>;
  durations: Readonly<Record<DurationKey, DurationAssumption>>;
  deploymentsPerMonth: { value: number; assumption: Assumption };
  /** Per component id: a rate and duration the design sets for that component's own incidents. */
  components: ReadonlyMap<string, { rate?: RateAssumption; duration?: DurationAssumption }>;
}

const formatRate = (rate: Rate) => (rate.low === rate.expected && rate.expected === rate.high ? `${rate.expected}` : `${rate.expected} (from ${rate.low} to ${rate.high})`);

function durationText(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** A number overrides the expected rate and keeps the default's proportions for the low and high ends. */
function resolveRate(input: RateInput | undefined, fallback: Rate): { rate: Rate; overridden: boolean } {
  if (input === undefined) return { rate: fallback, overridden: false };
  if (typeof input === 'number') {
    const scale = fallback.expected > 0 ? input / fallback.expected : 1;
    return { rate: fallback.expected > 0 ? { low: fallback.low * scale, expected: input, high: fallback.high * scale } : { low: input, expected: input, high: input }, overridden: true };
  }
  return { rate: { ...input }, overridden: true };
}

const FROM_DESIGN = "set in this design's `assumptions` section";

function rateAssumption(key: RateKey, input: RateInput | undefined): RateAssumption {
  const fallback = DEFAULT_RATES[key];
  const { rate, overridden } = resolveRate(input, fallback.rate);
  return {
    rate,
    assumption: {
      id: `rate-${key}`,
      text: `${fallback.text}: ${formatRate(rate)} ${fallback.unit}.`,
      source: overridden ? FROM_DESIGN : fallback.source,
      heuristic: overridden ? false : fallback.heuristic,
    },
  };
}

function durationAssumption(key: DurationKey, input: string | undefined): DurationAssumption {
  const fallback = DEFAULT_DURATIONS[key];
  const parsed = input !== undefined ? parseDuration(input) : undefined;
  const seconds = parsed ?? fallback.seconds;
  return {
    seconds,
    assumption: {
      id: `duration-${key}`,
      text: `${fallback.text} ${durationText(seconds)}.`,
      seconds,
      source: parsed !== undefined ? FROM_DESIGN : fallback.source,
      heuristic: parsed !== undefined ? false : fallback.heuristic,
    },
  };
}

const inputsCache = new WeakMap<DesignGraph, ModelInputs>();

/** The design's model inputs, resolved once per graph. */
export function modelInputs(graph: DesignGraph): ModelInputs {
  let inputs = inputsCache.get(graph);
  if (inputs) return inputs;
  const given = graph.design.assumptions;
  const rates = Object.fromEntries(
    (Object.keys(DEFAULT_RATES) as RateKey[]).map((key) => {
      const override = DEFAULT_RATES[key].override;
      return [key, rateAssumption(key, override ? given?.rates?.[override] : undefined)];
    }),
  ) as Record<RateKey, RateAssumption>;
  const durations = Object.fromEntries((Object.keys(DEFAULT_DURATIONS) as DurationKey[]).map((key) => [key, durationAssumption(key, given?.durations?.[key])])) as Record<DurationKey, DurationAssumption>;
  const deployments = given?.rates?.deploymentsPerMonth;
  const components = new Map<string, { rate?: RateAssumption; duration?: DurationAssumption }>();
  for (const [id, override] of Object.entries(given?.components ?? {})) {
    const rate = override.incidentsPerYear !== undefined ? resolveRate(override.incidentsPerYear, { low: 0, expected: 0, high: 0 }).rate : undefined;
    const seconds = override.incidentDuration !== undefined ? parseDuration(override.incidentDuration) : undefined;
    components.set(id, {
      rate: rate && { rate, assumption: { id: `rate-component-${id}`, text: `Incidents of ${id}: ${formatRate(rate)} a year.`, source: FROM_DESIGN, heuristic: false } },
      duration: seconds !== undefined ? { seconds, assumption: { id: `duration-component-${id}`, text: `An incident of ${id} lasts about ${durationText(seconds)}.`, seconds, source: FROM_DESIGN, heuristic: false } } : undefined,
    });
  }
  inputs = {
    rates,
    durations,
    deploymentsPerMonth: {
      value: deployments ?? DEFAULT_DEPLOYMENTS_PER_MONTH,
      assumption: {
        id: 'rate-deployments',
        text: `Each deployable component is released ${deployments ?? DEFAULT_DEPLOYMENTS_PER_MONTH} times a month.`,
        source: deployments !== undefined ? FROM_DESIGN : `${DORA}: high performers deploy between daily and weekly, medium between weekly and monthly`,
        heuristic: deployments === undefined,
      },
    },
    components,
  };
  inputsCache.set(graph, inputs);
  return inputs;
}
