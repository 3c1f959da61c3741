import type { ConnectionMode } from '../../model';
import type { KindId, KindProps, PropInput } from '../../catalog';
import { isObject, Unknown, type Value, type ValueObject } from '../hcl/evaluate';
import type { TfInput, TfModuleCall, TfResource } from '../terraform/types';
import type { Inference, InferenceTopic } from '../types';

/** Props that name a region hold the region's location until the design's regions have ids. */
const REGION_MARK = '@region:';
export const regionRef = (location: string): string => `${REGION_MARK}${location}`;
export const regionRefLocation = (value: unknown): string | undefined =>
  typeof value === 'string' && value.startsWith(REGION_MARK) ? value.slice(REGION_MARK.length) : undefined;

/** What an importer says a component should be, before ids and regions are settled. */
export interface ComponentInput<K extends KindId> {
  readonly props?: PropInput<KindProps<K>>;
  /** Availability zone names (`us-east-1a`) or zone ids (`use1-az1`). */
  readonly zones?: readonly string[];
  readonly replicas?: number;
  /** Global services (CloudFront, Route 53, a CLOUDFRONT WAF) have no region. */
  readonly global?: boolean;
  /** Region by location, when the provider's region is not the one (a helm release on a cluster). */
  readonly location?: string;
  readonly name?: string;
  /** Resources with the same group become one component (NAT gateways of a VPC, the secrets of a region). */
  readonly group?: string;
  /** How a group combines a member's props with those already there; default: the later member's props win per key. */
  readonly combine?: (existing: Record<string, unknown>, added: Record<string, unknown>) => Record<string, unknown>;
  /** A readable id stem when the resource's own name says little (`this`, `main`). */
  readonly idHint?: string;
}

/** What one resource is in the design. */
export type Outcome =
  | { readonly as: 'component'; readonly kind: KindId; readonly input: ComponentInput<KindId> }
  /** Part of the component of the first owner that has one; `patch` adds what it says to that component. */
  | { readonly as: 'part'; readonly owners: readonly string[]; readonly patch?: (draft: Draft, context: ImportContext) => void; readonly what: string }
  /** Read for placement or wiring (a subnet, a listener), not a component. */
  | { readonly as: 'read'; readonly purpose: string }
  | { readonly as: 'skip'; readonly reason: string };

/** A component as the importer builds it; the assembler turns drafts into the design's components. */
export interface Draft {
  readonly key: string;
  kind: KindId;
  props: Record<string, unknown>;
  /** The id the export's `ninesmith:component` tag gives it, when there is one. */
  taggedId?: string;
  idHint: string;
  name?: string;
  location?: string;
  providerKey?: string;
  global: boolean;
  zones: Set<string>;
  replicas?: number;
  /** Aurora: instances of the cluster, which set its failover and read replicas. */
  instances?: number;
  readonly resources: string[];
}

/** Where importers of modules add components: several per module call (a VPC's NAT gateways, an ECS module's services). */
export interface DraftSink {
  add(r: TfResource, kind: KindId, input: ComponentInput<KindId>): Draft;
}

export interface PendingConnection {
  readonly from: string;
  readonly to: string;
  readonly mode: ConnectionMode;
  /** The resource the wiring was read from, for the inference list. */
  readonly address: string;
  /** Said when the connection is a guess rather than what the configuration states. */
  readonly guess?: string;
}

/** A component outcome, typed by its kind: the props must be that kind's props. */
export function component<K extends KindId>(kind: K, input: ComponentInput<K> = {}): Outcome {
  return { as: 'component', kind, input: input as ComponentInput<KindId> };
}

export const part = (owners: readonly (string | undefined)[], what: string, patch?: (draft: Draft, context: ImportContext) => void): Outcome => ({
  as: 'part',
  owners: owners.filter((owner): owner is string => owner !== undefined),
  what,
  patch,
});
export const read = (purpose: string): Outcome => ({ as: 'read', purpose });
export const skip = (reason: string): Outcome => ({ as: 'skip', reason });

/** Props of a draft when it is of kind `K`: a part that patches a component checks the kind first. */
export function propsOf<K extends KindId>(draft: Draft, kind: K): Record<string, unknown> | undefined {
  return draft.kind === kind ? draft.props : undefined;
}

/** Sets typed props on a draft of kind `K` (groups merged one level deep); a draft of another kind is left alone. */
export function patchProps<K extends KindId>(draft: Draft, kind: K, props: PropInput<KindProps<K>>): void {
  if (draft.kind !== kind) return;
  for (const [key, value] of Object.entries(props as Record<string, unknown>)) {
    const existing = draft.props[key];
    draft.props[key] =
      value !== null && typeof value === 'object' && !Array.isArray(value) && existing !== null && typeof existing === 'object'
        ? { ...(existing as Record<string, unknown>), ...(value as Record<string, unknown>) }
        : value;
  }
}

const ZONE_ID = /^[a-z]{2,}[0-9]+-az[0-9]+$/;
const AZ_NAME = /^([a-z]{2}(?:-gov)?-[a-z]+-[0-9]+)([a-z])$/;

/** `us-east-1a` -> `us-east-1`. */
export function regionOfZone(zone: string): string | undefined {
  return AZ_NAME.exec(zone)?.[1];
}

/** The region in an ARN (`arn:aws:rds:eu-west-1:...`). */
export function regionOfArn(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts[0] === 'arn' && parts[3] ? parts[3] : undefined;
}

/**
 * What the importers read: resources by address, references resolved to resources, regions and
 * zones, and the list of inferences, each with the address it came from.
 */
export class ImportContext {
  private readonly byAddress = new Map<string, TfResource>();
  private readonly byBase = new Map<string, TfResource[]>();
  private readonly callsByAddress = new Map<string, TfModuleCall>();
  readonly inferences: Inference[] = [];
  readonly connections: PendingConnection[] = [];
  /** Zones that module importers know for their outputs (`module.vpc:private_subnets` -> the module's azs). */
  readonly moduleOutputZones = new Map<string, string[]>();
  /** Drafts by the address of the resource that made (or joined) them; set by the importer as it goes. */
  readonly draftOf = new Map<string, Draft>();
  /** Drafts a registry module made, by the module's address: what `module.alb:...` references reach. */
  readonly moduleDrafts = new Map<string, Draft[]>();
  /** Zones of the Kubernetes clusters of each region, for what runs on them (Helm releases, pods behind target groups). */
  readonly clusterZones = new Map<string, string[]>();

  constructor(readonly input: TfInput) {
    for (const resource of input.resources) {
      this.byAddress.set(resource.address, resource);
      const list = this.byBase.get(resource.base) ?? [];
      list.push(resource);
      this.byBase.set(resource.base, list);
    }
    for (const call of input.moduleCalls) this.callsByAddress.set(call.address, call);
  }

  get resources(): readonly TfResource[] {
    return this.input.resources;
  }

  resource(address: string): TfResource | undefined {
    return this.byAddress.get(address);
  }

  moduleCall(address: string): TfModuleCall | undefined {
    return this.callsByAddress.get(address);
  }

  /** Resources a reference names: one instance (`aws_subnet.a[0]`) or all of them (`aws_subnet.a`). */
  resolve(ref: string): TfResource[] {
    const exact = this.byAddress.get(ref);
    if (exact) return [exact];
    return this.byBase.get(ref) ?? [];
  }

  /** Resources that an argument (or any argument, without `key`) of `r` refers to. */
  refsOf(r: TfResource, ...keys: string[]): TfResource[] {
    const refs = keys.length === 0 ? [...r.refs.values()].flatMap((set) => [...set]) : keys.flatMap((key) => [...(r.refs.get(key) ?? [])]);
    const seen = new Set<string>();
    const out: TfResource[] = [];
    for (const ref of refs) {
      for (const resource of this.resolve(ref)) {
        if (resource.address === r.address || seen.has(resource.address)) continue;
        seen.add(resource.address);
        out.push(resource);
      }
    }
    return out;
  }

  /** `module.vpc:private_subnets` references of an argument. */
  moduleRefsOf(r: { refs: ReadonlyMap<string, ReadonlySet<string>> }, ...keys: string[]): string[] {
    const refs = keys.length === 0 ? [...r.refs.values()].flatMap((set) => [...set]) : keys.flatMap((key) => [...(r.refs.get(key) ?? [])]);
    return refs.filter((ref) => ref.includes(':'));
  }

  /** The location of the region a resource lives in, from its provider, else from its own values (ARNs, zones). */
  locationOf(r: TfResource): string | undefined {
    if (typeof r.provider?.region === 'string') return r.provider.region;
    for (const key of ['arn', 'availability_zone', 'region']) {
      const value = r.attributes[key];
      if (typeof value !== 'string') continue;
      const location = key === 'arn' ? regionOfArn(value) : key === 'availability_zone' ? regionOfZone(value) : value;
      if (location) return location;
    }
    return undefined;
  }

  /** Availability zones named by arguments of `r`: subnets it refers to, module outputs with known zones, or zone names it holds. */
  zonesOf(r: TfResource, ...keys: string[]): string[] {
    const zones: string[] = [];
    const add = (zone: string) => {
      if (!zones.includes(zone)) zones.push(zone);
    };
    for (const resource of this.refsOf(r, ...keys)) {
      if (resource.type !== 'aws_subnet' && resource.type !== 'aws_default_subnet') continue;
      const zone = str(resource.attributes.availability_zone) ?? str(resource.attributes.availability_zone_id);
      if (zone) add(zone);
    }
    for (const ref of this.moduleRefsOf(r, ...keys)) for (const zone of this.moduleOutputZones.get(ref) ?? []) add(zone);
    // From plans and state: subnet ids as values.
    for (const key of keys) {
      for (const id of strings(r.attributes[key])) {
        const subnet = this.subnetById(id);
        const zone = subnet && (str(subnet.attributes.availability_zone) ?? str(subnet.attributes.availability_zone_id));
        if (zone) add(zone);
        if (AZ_NAME.test(id) || ZONE_ID.test(id)) add(id);
      }
    }
    // One instance per zone (`for_each = toset(var.azs)`): the instance key names the zone.
    const key = /\["([a-z0-9-]+)"\]$/.exec(r.address)?.[1];
    if (zones.length === 0 && key && (AZ_NAME.test(key) || ZONE_ID.test(key))) add(key);
    return zones;
  }

  private subnetIndex?: Map<string, TfResource>;
  private subnetById(id: string): TfResource | undefined {
    if (!this.subnetIndex) {
      this.subnetIndex = new Map();
      for (const resource of this.resources) {
        if (resource.type === 'aws_subnet' && typeof resource.attributes.id === 'string') this.subnetIndex.set(resource.attributes.id, resource);
      }
    }
    return this.subnetIndex.get(id);
  }

  infer(address: string, topic: InferenceTopic, message: string, component?: string): void {
    this.inferences.push({ address, topic, message, component });
  }

  connect(connection: PendingConnection): void {
    this.connections.push(connection);
  }

  /** The draft a resource belongs to (as a component or a part). */
  draft(r: TfResource | string | undefined): Draft | undefined {
    if (r === undefined) return undefined;
    return this.draftOf.get(typeof r === 'string' ? r : r.address);
  }

  /** The input path of a registry module that a draft was read from (`services.api` of an ECS module). */
  readonly moduleDraftInputs = new Map<Draft, string>();

  /** Drafts an argument refers to: through resources, and through registry modules' outputs. */
  draftsOf(r: TfResource, ...keys: string[]): Draft[] {
    const out: Draft[] = [];
    for (const draft of [...this.refsOf(r, ...keys).map((ref) => this.draft(ref)), ...this.moduleDraftsOf(r, ...keys)]) {
      if (draft && !out.includes(draft)) out.push(draft);
    }
    return out;
  }

  /** Drafts that an argument's `module.x:output` references reach. */
  moduleDraftsOf(r: { refs: ReadonlyMap<string, ReadonlySet<string>> }, ...keys: string[]): Draft[] {
    return this.moduleRefsOf(r, ...keys).flatMap((ref) => {
      const module = ref.slice(0, ref.indexOf(':'));
      const drafts = this.moduleDrafts.get(module) ?? [];
      const key = /\[("[^"]*")\]$/.exec(ref)?.[1];
      const one = key ? drafts.filter((draft) => draft.resources.includes(`${module}[${key}]`)) : [];
      return one.length > 0 ? one : drafts;
    });
  }
}

// Small readers of values: what is not known or not of the type reads as undefined.

export function str(value: Value | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: Value | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(value)) return Number(value);
  return undefined;
}

export function bool(value: Value | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

/** Known strings of a list (or a single string). */
export function strings(value: Value | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => (typeof item === 'string' ? [item] : []));
  return [];
}

/** The first nested block of that name (`health_check`), as hcl2json and plans both give blocks as lists. */
export function block(value: Value | undefined): ValueObject | undefined {
  if (Array.isArray(value)) return value.find(isObject);
  return isObject(value) ? value : undefined;
}

export function blocks(value: Value | undefined): ValueObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

export function known(value: Value | undefined): boolean {
  return value !== undefined && !(value instanceof Unknown);
}

/** The tag the export puts on every resource it writes for a component. */
export const COMPONENT_TAG = 'ninesmith:component';

/** Tags with known values: `tags` merged over nothing (provider default tags are the provider's). */
export function tagsOf(r: TfResource): Record<string, string> {
  const out: Record<string, string> = {};
  const tags = r.attributes.tags ?? r.attributes.tags_all;
  const source = isObject(tags ?? null) ? (tags as ValueObject) : tags instanceof Unknown && isObject(tags.partial ?? null) ? (tags.partial as ValueObject) : undefined;
  for (const [key, value] of Object.entries(source ?? {})) if (typeof value === 'string') out[key] = value;
  // Auto Scaling groups tag with `tag { key value }` blocks.
  for (const tag of blocks(r.attributes.tag)) {
    const key = str(tag.key);
    const value = str(tag.value);
    if (key && value) out[key] = value;
  }
  return out;
}
