import type { AnyProps, ComponentKind, ComponentTraits } from '../../catalog';
import type { Component, Connection, Design, Provider, Region } from '../../model';
import type { PriceBook } from './price-catalog';
import { FIRST_PARTY_SOURCES, type LineItem, type LineStatus, type Range, type SourceKind, type UsageAssumption } from './types';

const isFirstParty = (kind: SourceKind | undefined): boolean => kind !== undefined && FIRST_PARTY_SOURCES.has(kind);

export const HOURS_PER_MONTH = 730;

export const range = (value: number): Range => ({ low: value, expected: value, high: value });
export const mapRange = (r: Range, f: (value: number) => number): Range => ({ low: f(r.low), expected: f(r.expected), high: f(r.high) });
export const ZERO: Range = Object.freeze(range(0));

const dateOf = (asOf: string): string => /^\d{4}-\d{2}(-\d{2})?/.exec(asOf)?.[0] ?? asOf;

/** The older of two price dates (ISO dates sort as text). */
export function olderDate(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return dateOf(a) <= dateOf(b) ? a : b;
}

/** An editable usage input of a kind (`pricing.usage.<component>.<name>`). */
export interface UsageSpec {
  name: string;
  label: string;
  unit: string;
  /** usage varies and is ranged by the profiles; provisioned is configured and fixed. */
  nature: 'usage' | 'provisioned';
  /** A top-level prop of the kind that holds the designer's figure. */
  prop?: string;
  /** The assumption when nothing else says; absent: the line "depends on usage". */
  default?: number;
  /** A figure worked out from the design's traffic, used before the default (and before a prop's default). */
  derived?: { value: number; derivation: string };
}

/** Monthly requests that reach a component from the design's users, and how they were worked out. */
export interface Traffic {
  /** Average requests a month. */
  requestsPerMonth: number;
  /** Average requests a second (requests a month / seconds in a month). */
  averagePerSecond: number;
  /** Kilobytes a response carries, on average (the users' assumption). */
  responseKb: number;
  derivation: string;
  /** Every path from the users reaches it through a CDN, which fetches from it and serves users itself. */
  behindEdge: boolean;
}

/** What a workload asks of its region's Kubernetes nodes. */
export interface PodRequests {
  what: string;
  /** Pods, per profile (autoscaling moves them between its bounds). */
  pods: Range;
  vcpuPerPod: number;
  memoryGbPerPod: number;
  /** Where the figures per pod come from (the size's shape, the props, an assumption). */
  basis: string;
  /** The node size this workload names (app services and worker pools on Kubernetes). */
  nodeSize?: string;
}

/** What a component backs up to a vault: how much, and the kind of recovery point it makes. */
export interface BackupProfile {
  gb: number;
  /** Price key of its recovery points in a backup vault (`backup/rds-snapshot`, `backup/s3`). */
  key: string;
  label: string;
}

/** Facts about the design that estimators share, computed once per estimate. */
export interface DesignIndex {
  design: Design;
  provider: Provider;
  regions: ReadonlyMap<string, Region>;
  /** Per component id: its position in design.components, which indexes kinds, zones and traits. */
  positions: ReadonlyMap<string, number>;
  /** Per component, by position: its kind and its zones (componentZones), worked out once per estimate. */
  kinds: readonly ComponentKind[];
  zones: readonly (readonly string[])[];
  outgoing: ReadonlyMap<string, readonly Connection[]>;
  incoming: ReadonlyMap<string, readonly Connection[]>;
  /** Per region id: the component that carries that region's Kubernetes control plane. */
  clusterOwners: ReadonlyMap<string, string>;
  /** Per region id: how many components run on that region's cluster. */
  clusterUsers: ReadonlyMap<string, number>;
  /** Per region id: the pods the cluster's workloads ask for, which size its nodes. */
  clusterPods: ReadonlyMap<string, readonly (PodRequests & { componentId: string })[]>;
  /** Per component, by position: the kind's answers (computed once per estimate). */
  traits: readonly ComponentTraits[];
  /** Per component id: the traffic from the users that reaches it, where the design states a peak rate. */
  traffic: ReadonlyMap<string, Traffic>;
  /** Per component id: what it sends to a backup vault, for components that can say. */
  backups: ReadonlyMap<string, BackupProfile>;
}

export interface ChargeSpec {
  what: string;
  key: string;
  /** Per month, in the price's quantity unit (hours, GB, requests...). */
  quantity: Range | number;
  /** Price in this region code instead of the component's (copies in another region). */
  location?: string;
  /** Multiplies the unit price by (multiplier price - minus): a Multi-AZ standby is (2.0 - 1) x the instance. */
  multiplier?: { key: string; minus: number; label: string };
  /** The line keeps this very list and may add to it: each charge gets a list of its own. */
  notes?: string[];
}

export interface EstimatorOptions {
  usageFactors: { low: number; high: number };
  localUsage: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * What one estimator sees and writes: the component, its effective props, usage inputs and
 * price lookups, and the lines it adds. Estimators only describe quantities; this class does
 * the price lookup, region fallback, rounding and the notes that go with them.
 */
export class ComponentLedger<P = AnyProps> {
  /** Region ids this component's own lines already send data to (so a connection there is not billed again); made for the few that do. */
  private transferCovered: Set<string> | undefined;
  /** Whether usage() has looked up this component's local and design usage settings (pricing.usage.<id>) yet. */
  private settingsRead = false;
  private localSettings: Readonly<Record<string, number>> | undefined;
  private designedSettings: Readonly<Record<string, number>> | undefined;

  constructor(
    readonly index: DesignIndex,
    readonly book: PriceBook,
    readonly component: Component,
    readonly kind: ComponentKind,
    /** The component's props, typed by its kind (each estimator is written for one kind). */
    readonly props: P,
    readonly traits: ComponentTraits,
    /** Region code prices are looked up in (`global` for global components). */
    readonly location: string,
    readonly zones: readonly string[],
    private readonly options: EstimatorOptions,
    /**
     * Where its lines and assumptions go: the report's own lists, which every component's ledger
     * appends to in turn (a list per component, copied into the report's, cost an array each).
     */
    readonly lines: LineItem[] = [],
    readonly assumptions: UsageAssumption[] = [],
  ) {}

  get provider(): Provider {
    return this.index.provider;
  }

  /** Instances in all: low/expected/high follow autoscaling min / replicas / max when autoscaling is on. */
  instances(): Range {
    const replicas = this.component.replicas ?? 1;
    const autoscaling = this.traits.autoscaling;
    if (autoscaling?.enabled) {
      const min = autoscaling.min ?? replicas;
      const max = Math.max(autoscaling.max ?? replicas, replicas);
      return { low: Math.min(min, replicas), expected: replicas, high: max };
    }
    return range(replicas);
  }

  /** Reads a usage input (local setting, design's pricing.usage, the prop, the traffic, then the default) and records it. */
  usage(spec: UsageSpec): Range | undefined {
    const id = this.component.id;
    // This component's settings, looked up by its id once: a look-up by id text costs a string-table probe each time.
    if (!this.settingsRead) {
      this.localSettings = this.options.localUsage[id];
      this.designedSettings = this.index.design.pricing?.usage?.[id];
      this.settingsRead = true;
    }
    const local = this.localSettings?.[spec.name];
    const designed = this.designedSettings?.[spec.name];
    const explicitProp = spec.prop !== undefined && this.component.props !== undefined && spec.prop in this.component.props;
    const propValue = spec.prop !== undefined ? (this.props as AnyProps)[spec.prop] : undefined;
    let value: number | undefined;
    let origin: UsageAssumption['origin'] = 'default';
    let derivation: string | undefined;
    // Plain assignments: a destructured array literal runs the array iterator, an object per step where the code is not optimised.
    if (typeof local === 'number') {
      value = local;
      origin = 'local usage';
    } else if (typeof designed === 'number') {
      value = designed;
      origin = 'design usage';
    } else if (explicitProp && typeof propValue === 'number') {
      value = propValue;
      origin = 'prop';
    } else if (spec.derived) {
      value = spec.derived.value;
      origin = 'traffic';
      derivation = spec.derived.derivation;
    } else if (typeof propValue === 'number') value = propValue;
    else value = spec.default;
    if (value === undefined) {
      this.assumptions.push({ componentId: id, name: spec.name, label: spec.label, unit: spec.unit, value: null, range: null, origin: 'unset', nature: spec.nature });
      return undefined;
    }
    const r = spec.nature === 'usage' ? { low: value * this.options.usageFactors.low, expected: value, high: value * this.options.usageFactors.high } : range(value);
    // Two literals rather than a spread of an optional field: the same fields in the same order, without an object made to be spread.
    this.assumptions.push(
      derivation
        ? { componentId: id, name: spec.name, label: spec.label, unit: spec.unit, value, range: r, origin, nature: spec.nature, derivation }
        : { componentId: id, name: spec.name, label: spec.label, unit: spec.unit, value, range: r, origin, nature: spec.nature },
    );
    return r;
  }

  /** This component's own lines already send data to `regionId`: a connection there is not billed again. */
  coverTransfer(regionId: string): void {
    (this.transferCovered ??= new Set()).add(regionId);
  }

  /** Whether this component's own lines already send data to `regionId`. */
  coversTransfer(regionId: string): boolean {
    return this.transferCovered?.has(regionId) === true;
  }

  /** The traffic that reaches this component from the design's users, if the design states a peak rate. */
  get traffic(): Traffic | undefined {
    return this.index.traffic.get(this.component.id);
  }

  /** A usage figure derived from traffic: `perRequest` of the unit for each request, with the derivation. */
  fromTraffic(perRequest: number, what: string, round = true): UsageSpec['derived'] {
    const traffic = this.traffic;
    if (!traffic) return undefined;
    const value = traffic.requestsPerMonth * perRequest;
    return { value: round ? Math.round(value) : value, derivation: `${traffic.derivation}${perRequest === 1 ? '' : ` x ${what}`}` };
  }

  /** Adds a priced line; a line that says the price is not known for the region; or a "not in catalog" line. */
  charge(spec: ChargeSpec): void {
    const location = spec.location ?? this.location;
    const match = this.book.find(spec.key, location);
    const quantity = typeof spec.quantity === 'number' ? range(spec.quantity) : spec.quantity;
    if (!match) {
      this.missingPrice(spec.what, spec.key, location);
      // How the quantity was read still matters to a reader of the excluded line.
      if (spec.notes !== undefined) {
        const notes = this.lines[this.lines.length - 1]!.notes;
        for (let i = 0; i < spec.notes.length; i++) notes.push(spec.notes[i]!);
      }
      return;
    }
    // The caller's own list (each charge is given a list made for it), not a copy of it.
    const notes = spec.notes ?? [];
    let unitPrice = match.price.usd;
    let uncertain = match.price.uncertain === true;
    let asOf: string | undefined = match.price.asOf;
    let firstParty = isFirstParty(match.price.sourceKind);
    if (spec.multiplier) {
      const factor = this.book.find(spec.multiplier.key, location);
      if (!factor) {
        this.missingPrice(spec.what, spec.multiplier.key, location, spec.multiplier.label);
        return;
      }
      unitPrice = match.price.usd * (factor.price.usd - spec.multiplier.minus);
      uncertain ||= factor.price.uncertain === true;
      asOf = olderDate(asOf, factor.price.asOf);
      firstParty &&= isFirstParty(factor.price.sourceKind);
      notes.push(`${spec.multiplier.label}: ${match.price.usd} x (${factor.price.usd} - ${spec.multiplier.minus}) per ${match.price.unit} (${factor.price.source}, ${factor.price.asOf})`);
      if (factor.price.note) notes.push(factor.price.note);
    }
    if (match.imported) notes.push('price from your imported price book');
    // The main price's note (made once with the match), also when only the multiplier's source is not first-party.
    if (!firstParty) notes.push(match.sourceNote);
    if (uncertain) notes.push('uncertain: the reference marks this price as uncertain');
    if (match.price.note && !spec.multiplier) notes.push(match.price.note);
    const per = match.price.per;
    const cents: Range = {
      low: Math.round((quantity.low / per) * unitPrice * 100),
      expected: Math.round((quantity.expected / per) * unitPrice * 100),
      high: Math.round((quantity.high / per) * unitPrice * 100),
    };
    this.lines.push({
      componentId: this.component.id,
      what: spec.what,
      status: 'priced',
      quantity,
      quantityUnit: match.price.quantityUnit,
      unitPrice,
      priceUnit: match.price.unit,
      priceKey: match.price.key,
      service: match.service,
      priceRegion: match.price.region,
      source: match.source,
      asOf,
      sourceKind: match.sourceKind,
      // Always present (undefined when not), so every line has one shape.
      uncertain: uncertain || undefined,
      monthlyCents: cents,
      listCents: cents,
      notes,
    });
  }

  /** The catalog has no price for `key` in `location`: say whether it has one elsewhere. */
  private missingPrice(what: string, key: string, location: string, label?: string): void {
    const gap = this.book.missing(key, location, label);
    this.note(gap.status, what, gap.reason);
  }

  private note(status: Exclude<LineStatus, 'priced'>, what: string, reason: string): void {
    this.lines.push({ componentId: this.component.id, what, status, monthlyCents: ZERO, listCents: ZERO, notes: [reason] });
  }

  free(what: string, reason: string): void {
    this.note('free', what, reason);
  }
  /** Depends on usage the design does not state: names the input that would price it. */
  dependsOnUsage(what: string, usageName: string, reason: string): void {
    this.note('usage', what, `${reason}; set pricing.usage.${this.component.id}.${usageName} to price it`);
  }
  notInCatalog(what: string, reason: string): void {
    this.note('not-in-catalog', what, reason);
  }
  unsupported(what: string, reason: string): void {
    this.note('unsupported', what, reason);
  }
  included(what: string, reason: string): void {
    this.note('included', what, reason);
  }
  external(what: string, reason: string): void {
    this.note('external', what, reason);
  }

  /** The traits of another component of the design, by its id. */
  traitsOf(componentId: string): ComponentTraits | undefined {
    const at = this.index.positions.get(componentId);
    return at === undefined ? undefined : this.index.traits[at];
  }

  /** The region code of a region id of this design. */
  locationOf(regionId: string | undefined): string | undefined {
    return regionId === undefined ? undefined : this.index.regions.get(regionId)?.location;
  }
}

/** Every estimator: one per kind (estimators/<kind>.ts), registered explicitly in estimators/index.ts. */
export interface Estimator<P = AnyProps> {
  /** Whether this component runs on a Kubernetes cluster of its region (which then pays a control plane). */
  usesCluster?: (props: P) => boolean;
  /** On a cluster: the pods it asks the region's nodes for (which decide how many nodes there are). */
  clusterPods?: (props: P, context: { replicas: number; traits: ComponentTraits; book: PriceBook; /** Props the design file sets itself. */ explicit: ReadonlySet<string> }) => PodRequests[];
  /** What it sends to a backup vault over a `backup` connection. */
  backupProfile?: (props: P, traits: ComponentTraits) => BackupProfile | undefined;
  /** Serves users from the provider's edge (a CDN): origins behind it send their responses to it, not to users. */
  servesFromEdge?: boolean;
  /** Users: the peak requests per second they send, when the design states it (`explicit`: the props the file sets). */
  peakRequestsPerSecond?: (props: P, explicit: ReadonlySet<string>) => number | undefined;
  estimate: (ledger: ComponentLedger<P>) => void;
}
