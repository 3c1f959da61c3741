import { componentZones, type Component, type Design } from '../model';
import { effectiveProps } from './props';
import type {
  ComponentKind,
  ComponentPatch,
  ComponentTraits,
  DataTraits,
  KindCapabilities,
  KindContext,
  Layer,
  PropInput,
  PropsOf,
  PropSpec,
  ProviderServices,
  RemedyContext,
  RemedyId,
  SlaAnswer,
} from './types';
import { isSlaFigure } from './types';

/** A kind as its file declares it: data, typed props, and its answers written against them. */
export interface KindDefinition<Specs extends readonly PropSpec[]> {
  id: string;
  title: string;
  description: string;
  layer: Layer;
  keywords: readonly string[];
  /** Each provider's service names for the kind, the first the one shown for a design on that provider. */
  services: ProviderServices;
  capabilities: KindCapabilities;
  props: Specs;
  initialProps?: PropInput<PropsOf<Specs>>;
  initialReplicas?: number;
  /**
   * Answers that differ from what the capabilities imply: `operator` defaults to the vendor for
   * external kinds, the team for instances and deployables, else the provider; `instanceUnits`
   * to the replicas (one for instance kinds without replicas, else every placed zone);
   * `zoneRedundant` to the capability when the provider runs it; `zonalFailover` to the
   * service, load balancing for health-checked kinds, else independent instances.
   */
  traits?: (props: PropsOf<Specs>, component: Component, context: KindContext) => Partial<ComponentTraits>;
  remedies?: { readonly [R in RemedyId]?: (props: PropsOf<Specs>, component: Component, context: RemedyContext) => ComponentPatch<PropsOf<Specs>> };
  /**
   * The published SLA for the design's provider as configured, or why there is none (a self-hosted
   * store, a tier without one). Kinds without it: no SLA, with a reason naming the kind.
   */
  sla?: (props: PropsOf<Specs>, component: Component, context: KindContext) => SlaAnswer;
}

/** The context a kind answers in, for code that has a design and one of its components. */
export function kindContext(design: Design, component: Component): KindContext {
  return { provider: design.provider, design, zones: componentZones(design, component) };
}

/** Every field of T named, the ones not given left undefined: none forgotten. */
type OneShape<T> = { [K in keyof Required<T>]: T[K] | undefined };

/**
 * Traits and their data answers are made by constructors with every field named, in one order, not
 * as object literals: a literal has an allocation site, and V8 throws away the optimised code that
 * makes objects there when it decides they live long (a component's traits live as long as its
 * graph), which compiled the traits' code again two or three times in a process.
 */
class Traits implements OneShape<ComponentTraits> {
  operator: ComponentTraits['operator'] | undefined = undefined;
  runtime: ComponentTraits['runtime'] | undefined = undefined;
  instanceUnits: ComponentTraits['instanceUnits'] | undefined = undefined;
  zoneRedundant: ComponentTraits['zoneRedundant'] | undefined = undefined;
  zonalFailover: ComponentTraits['zonalFailover'] | undefined = undefined;
  healthChecks: ComponentTraits['healthChecks'] | undefined = undefined;
  healthCheckPath: ComponentTraits['healthCheckPath'] | undefined = undefined;
  targetHealthCheck: ComponentTraits['targetHealthCheck'] | undefined = undefined;
  autoscaling: ComponentTraits['autoscaling'] | undefined = undefined;
  sessionState: ComponentTraits['sessionState'] | undefined = undefined;
  workload: ComponentTraits['workload'] | undefined = undefined;
  tenantLimits: ComponentTraits['tenantLimits'] | undefined = undefined;
  audience: ComponentTraits['audience'] | undefined = undefined;
  exposure: ComponentTraits['exposure'] | undefined = undefined;
  rateLimiting: ComponentTraits['rateLimiting'] | undefined = undefined;
  monitoring: ComponentTraits['monitoring'] | undefined = undefined;
  data: ComponentTraits['data'] | undefined = undefined;
  foundation: ComponentTraits['foundation'] | undefined = undefined;
  vendor: ComponentTraits['vendor'] | undefined = undefined;
  cluster: ComponentTraits['cluster'] | undefined = undefined;
  images: ComponentTraits['images'] | undefined = undefined;
  privateLink: ComponentTraits['privateLink'] | undefined = undefined;
}

class Data implements OneShape<DataTraits> {
  role: DataTraits['role'] | undefined = undefined;
  irreplaceable: DataTraits['irreplaceable'] | undefined = undefined;
  backup: DataTraits['backup'] | undefined = undefined;
  versioned: DataTraits['versioned'] | undefined = undefined;
  replicatedToRegion: DataTraits['replicatedToRegion'] | undefined = undefined;
  replicationBoundSeconds: DataTraits['replicationBoundSeconds'] | undefined = undefined;
  persistence: DataTraits['persistence'] | undefined = undefined;
  sizeGb: DataTraits['sizeGb'] | undefined = undefined;
  replication: DataTraits['replication'] | undefined = undefined;
  readReplicas: DataTraits['readReplicas'] | undefined = undefined;
  readScaling: DataTraits['readScaling'] | undefined = undefined;
  deadLetter: DataTraits['deadLetter'] | undefined = undefined;
  durableWrites: DataTraits['durableWrites'] | undefined = undefined;
  messageRetentionDays: DataTraits['messageRetentionDays'] | undefined = undefined;
  replayable: DataTraits['replayable'] | undefined = undefined;
  pitrAvailable: DataTraits['pitrAvailable'] | undefined = undefined;
  vault: DataTraits['vault'] | undefined = undefined;
}


/**
 * A kind's answers completed with the defaults its capabilities imply. Every component's traits have
 * the same fields in the same order: the rules read them for every component, and objects of one
 * shape are read at one place without a lookup per kind (a spread of each kind's answers gave one
 * shape per kind, and copying them was the largest cost of building a design's indexes).
 */
function completeTraits(capabilities: KindCapabilities, component: Component, context: KindContext, answers: Partial<ComponentTraits>): ComponentTraits {
  const traits = new Traits();
  // The answers copied over by their own keys: each kind's answers have shapes of their own, and
  // reading every field by name from all of them is a lookup per field that misses the engine's
  // caches (it was the largest cost of building a design's indexes). Object.assign copies an object's
  // own fields in order as a for-in of keyed stores did, for less: each store of a for-in's varying
  // keys went through the engine's generic lookup. The traits, all of one shape, take them; then the
  // defaults, read back from the traits as they were from the answers.
  Object.assign(traits, answers);
  const operator = (traits.operator ??= capabilities.external ? 'vendor' : capabilities.instances || capabilities.deployable ? 'team' : 'provider');
  const zoneRedundant = (traits.zoneRedundant ??= capabilities.zoneRedundantService === true && operator === 'provider');
  traits.instanceUnits ??= component.replicas ?? (capabilities.instances ? 1 : context.zones.length);
  traits.zonalFailover ??= zoneRedundant ? 'service' : capabilities.healthChecked ? 'load-balanced' : 'independent';
  if (traits.data !== undefined) traits.data = oneShapeData(traits.data);
  return traits as ComponentTraits;
}

/**
 * A store's data answers in one shape, every field named, as completeTraits makes the traits: rules
 * and scenarios read them for every store, and each kind's data answers had a shape of its own.
 */
function oneShapeData(given: DataTraits): DataTraits {
  const data = new Data();
  // As completeTraits copies the answers.
  Object.assign(data, given);
  return data as DataTraits;
}

/** Spreading a kind without a remedy of its own: its zones, and at least an instance per zone where it runs instances. */
function defaultSpread(capabilities: KindCapabilities, component: Component, zones: readonly string[]): ComponentPatch {
  const instances = capabilities.instances || capabilities.deployable || component.replicas !== undefined;
  return instances ? { zones: [...zones], replicas: Math.max(component.replicas ?? 1, zones.length) } : { zones: [...zones] };
}

/**
 * Declares a kind: the props' literal types flow into `traits`, `remedies` and `sla`, so a
 * renamed or mistyped prop is a compile error in the kind's own file.
 */
export function defineKind<const Specs extends readonly PropSpec[]>(definition: KindDefinition<Specs>): ComponentKind<PropsOf<Specs>> {
  type Props = PropsOf<Specs>;
  // Read out of the definition once: every kind's traitsOf is one function to the engine (V8), whose
  // optimised code is shared by all kinds, and the definitions, each of a shape of its own, made it
  // deoptimise and compile again at every new kind.
  const capabilities = definition.capabilities;
  const answersOf = definition.traits;
  const kind: ComponentKind<Props> = {
    id: definition.id,
    title: definition.title,
    description: definition.description,
    layer: definition.layer,
    keywords: definition.keywords,
    services: definition.services,
    capabilities: definition.capabilities,
    props: definition.props,
    initialProps: definition.initialProps,
    initialReplicas: definition.initialReplicas,
    // Merged when asked, not kept per component: an analysis asks once per component (its traits) and
    // again for the few hundred on journeys, and a cache keyed by component object held an entry and a
    // merged copy for every component of every design analysed (about 40,000 objects at 20,000).
    // The loader has checked the props against the specs, so the merged object has their types.
    propsOf: (component) => effectiveProps(kind, component) as Props,
    traitsOf: (component, context) => completeTraits(capabilities, component, context, answersOf === undefined ? {} : answersOf(kind.propsOf(component), component, context)),
    slaAnswerOf: (component, context) =>
      definition.sla?.(kind.propsOf(component), component, context) ?? { unknown: `no published SLA for the ${definition.title} kind` },
    slaOf: (component, context) => {
      const answer = kind.slaAnswerOf(component, context);
      return isSlaFigure(answer) ? answer : undefined;
    },
    remedy: (id, component, context) => {
      const remedy = definition.remedies?.[id];
      if (remedy) return remedy(kind.propsOf(component), component, context) as ComponentPatch;
      return id === 'spread' ? defaultSpread(definition.capabilities, component, context.zones) : undefined;
    },
    hasRemedy: (id) => id === 'spread' || definition.remedies?.[id] !== undefined,
  };
  return kind;
}
