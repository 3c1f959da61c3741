import type { AnyProps, ComponentKind, ComponentTraits } from '../../catalog';
import type { Component, Connection, Design, Provider, Region } from '../../model';
import type { PriceBook } from './price-catalog';
import type { LineItem, LineStatus, Range, UsageAssumption } from './types';

export const HOURS_PER_MONTH = 730;

export const range = (value: number): Range => ({ low: value, expected: value, high: value });
export const mapRange = (r: Range, f: (value: number) => number): Range => ({ low: f(r.low), expected: f(r.expected), high: f(r.high) });
export const ZERO: Range = Object.freeze(range(0));

const fallbackNotes = new Map<string, string>();

/** The note on a line priced in another region (interned: a large design repeats it thousands of times). */
function fallbackNote(priceRegion: string, location: string): string {
  const key = `${priceRegion}>${location}`;
  let note = fallbackNotes.get(key);
  if (note === undefined) {
    note = `priced at ${priceRegion} list prices, the nearest region the catalog has; ${location} prices may differ`;
    fallbackNotes.set(key, note);
  }
  return note;
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
}

/** Facts about the design that estimators share, computed once per estimate. */
export interface DesignIndex {
  design: Design;
  provider: Provider;
  regions: ReadonlyMap<string, Region>;
  components: ReadonlyMap<string, Component>;
  outgoing: ReadonlyMap<string, readonly Connection[]>;
  /** Per region id: the component that carries that region's Kubernetes control plane. */
  clusterOwners: ReadonlyMap<string, string>;
  /** Per region id: how many components run on that region's cluster. */
  clusterUsers: ReadonlyMap<string, number>;
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
  readonly lines: LineItem[] = [];
  readonly assumptions: UsageAssumption[] = [];
  /** Prices taken from another region than the component's: [component's location, price region, key]. */
  readonly regionFallbacks: [string, string, string][] = [];

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

  /** Reads a usage input (local setting, design's pricing.usage, the prop, then the default) and records it. */
  usage(spec: UsageSpec): Range | undefined {
    const id = this.component.id;
    const local = this.options.localUsage[id]?.[spec.name];
    const designed = this.index.design.pricing?.usage?.[id]?.[spec.name];
    const explicitProp = spec.prop !== undefined && this.component.props !== undefined && spec.prop in this.component.props;
    const propValue = spec.prop !== undefined ? (this.props as AnyProps)[spec.prop] : undefined;
    let value: number | undefined;
    let origin: UsageAssumption['origin'];
    if (typeof local === 'number') [value, origin] = [local, 'local usage'];
    else if (typeof designed === 'number') [value, origin] = [designed, 'design usage'];
    else if (typeof propValue === 'number') [value, origin] = [propValue, explicitProp ? 'prop' : 'default'];
    else [value, origin] = [spec.default, 'default'];
    if (value === undefined) {
      this.assumptions.push({ componentId: id, name: spec.name, label: spec.label, unit: spec.unit, value: null, range: null, origin: 'unset', nature: spec.nature });
      return undefined;
    }
    const r = spec.nature === 'usage' ? { low: value * this.options.usageFactors.low, expected: value, high: value * this.options.usageFactors.high } : range(value);
    this.assumptions.push({ componentId: id, name: spec.name, label: spec.label, unit: spec.unit, value, range: r, origin, nature: spec.nature });
    return r;
  }

  /** Adds a priced line, or a "not in catalog" line naming the missing price. */
  charge(spec: ChargeSpec): void {
    const location = spec.location ?? this.location;
    const match = this.book.find(spec.key, location);
    const quantity = typeof spec.quantity === 'number' ? range(spec.quantity) : spec.quantity;
    if (!match) {
      this.notInCatalog(spec.what, `no ${this.provider.toUpperCase()} price for "${spec.key}" in the catalog`);
      return;
    }
    const notes = [...(spec.notes ?? [])];
    let unitPrice = match.price.usd;
    let uncertain = match.price.uncertain === true;
    if (spec.multiplier) {
      const factor = this.book.find(spec.multiplier.key, location);
      if (!factor) {
        this.notInCatalog(spec.what, `no ${spec.multiplier.label} in the catalog`);
        return;
      }
      unitPrice = match.price.usd * (factor.price.usd - spec.multiplier.minus);
      uncertain ||= factor.price.uncertain === true;
      notes.push(`${spec.multiplier.label}: ${match.price.usd} x (${factor.price.usd} - ${spec.multiplier.minus}) per ${match.price.unit} (${factor.price.source}, ${factor.price.asOf})`);
      if (factor.price.note) notes.push(factor.price.note);
    }
    if (match.regionMatch === 'nearest') {
      this.regionFallbacks.push([location, match.price.region, match.price.key]);
      notes.push(fallbackNote(match.price.region, location));
    }
    if (uncertain) notes.push('uncertain: the reference marks this price as uncertain');
    if (match.price.note && !spec.multiplier) notes.push(match.price.note);
    const cents = mapRange(quantity, (q) => Math.round(((q / match.price.per) * unitPrice * 100)));
    this.lines.push({
      componentId: this.component.id,
      what: spec.what,
      status: 'priced',
      quantity,
      quantityUnit: match.price.quantityUnit,
      unitPrice,
      priceUnit: match.price.unit,
      priceKey: match.price.key,
      service: `${this.provider}/${match.price.serviceCode}`,
      priceRegion: match.price.region,
      source: match.price.source,
      asOf: match.price.asOf,
      // Always present (undefined when not), so every line has one shape.
      uncertain: uncertain || undefined,
      monthlyCents: cents,
      listCents: cents,
      notes,
    });
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

  /** The region code of a region id of this design. */
  locationOf(regionId: string | undefined): string | undefined {
    return regionId === undefined ? undefined : this.index.regions.get(regionId)?.location;
  }
}

/** Every estimator: one per kind (estimators/<kind>.ts), registered explicitly in estimators/index.ts. */
export interface Estimator<P = AnyProps> {
  /** Whether this component runs on a Kubernetes cluster of its region (which then pays a control plane). */
  usesCluster?: (props: P) => boolean;
  estimate: (ledger: ComponentLedger<P>) => void;
}
