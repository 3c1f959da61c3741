import type { TargetHealthCheck } from './health-checks';
import type { Component, Design, Provider } from '../model';

/** The layers a platform is priced and reported by (docs/design-format.md, "Component kinds"). */
export const LAYERS = ['edge', 'app', 'async', 'data', 'storage', 'security', 'operations', 'integration'] as const;
export type Layer = (typeof LAYERS)[number];

export const LAYER_TITLES: Readonly<Record<Layer, string>> = {
  edge: 'Edge',
  app: 'Application',
  async: 'Async and messaging',
  data: 'Data',
  storage: 'Storage',
  security: 'Identity and security',
  operations: 'Operations',
  integration: 'Integration',
};

// ---------------------------------------------------------------------------------------------
// Prop specs: declared once per kind, read by the inspector (controls), the loader (validation)
// and, through `PropsOf`, by the kind's own code as a typed object.

interface PropBase {
  key: string;
  label: string;
  /** Shown beside the control in the inspector: what the setting means and what to choose. */
  help: string;
}

export interface NumberProp extends PropBase {
  type: 'number' | 'integer';
  default?: number;
  min?: number;
  max?: number;
  unit?: string;
  /** `null` is a meaningful value (e.g. "never tested"). */
  nullable?: boolean;
  nullLabel?: string;
}

export interface BooleanProp extends PropBase {
  type: 'boolean';
  default: boolean;
}

export interface ChoiceProp extends PropBase {
  type: 'choice';
  choices: readonly { value: string; label: string }[];
  default: string;
}

export interface TextProp extends PropBase {
  type: 'text';
  default?: string;
  /** Suggestions offered in the inspector (instance classes, engines); any text is accepted. */
  suggestions?: readonly string[];
  maxLength?: number;
}

/** A reference to one of the design's regions (e.g. where backups are copied). */
export interface RegionRefProp extends PropBase {
  type: 'region';
}

export interface GroupProp extends PropBase {
  type: 'group';
  fields: readonly PropSpec[];
}

export type PropSpec = NumberProp | BooleanProp | ChoiceProp | TextProp | RegionRefProp | GroupProp;

type PropValue<S> = S extends { type: 'number' | 'integer' }
  ? S extends { nullable: true }
    ? number | null
    : number
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'choice'; choices: readonly (infer C)[] }
      ? C extends { value: infer V }
        ? V
        : never
      : S extends { type: 'text' | 'region' }
        ? string
        : S extends { type: 'group'; fields: infer F extends readonly PropSpec[] }
          ? PropsOf<F>
          : never;

/** Groups always exist (their defaults fill them); other props exist when they have a default. */
type AlwaysPresent<S> = S extends { type: 'group' } ? true : S extends { default: unknown } ? true : false;

type Flatten<T> = { [K in keyof T]: T[K] } & {};

/**
 * The typed props of a component whose kind declares `Specs`, as the engine reads them: the
 * file's values over the kind's defaults. A prop with a default is always present.
 */
export type PropsOf<Specs extends readonly PropSpec[]> = Flatten<
  { readonly [S in Specs[number] as AlwaysPresent<S> extends true ? S['key'] : never]: PropValue<S> } & {
    readonly [S in Specs[number] as AlwaysPresent<S> extends true ? never : S['key']]?: PropValue<S>;
  }
>;

/** Props as a design file may set them: every prop optional, groups partial. */
export type PropInput<P> = { readonly [K in keyof P]?: P[K] extends object | undefined ? (P[K] extends null ? P[K] : Partial<P[K]>) : P[K] };

/** Props of any kind, where code does not know which kind (the inspector, the loader). */
export type AnyProps = Readonly<Record<string, unknown>>;

// ---------------------------------------------------------------------------------------------
// Published SLAs.

/** A provider's published availability commitment, with where it was read. */
export interface SlaFigure {
  /** Percent per month, e.g. 99.99. */
  percent: number;
  /** The service and configuration the figure is for: "RDS Multi-AZ DB instance". */
  service: string;
  source: string;
  /** The "last updated" date of the SLA page in the stored copy, when known. */
  asOf?: string;
  /** false when the figure comes from a secondary source or was not re-read: the app says so. */
  verified: boolean;
  note?: string;
}

/** Why a component has no published SLA figure as configured: shown where the figure would be. */
export interface SlaUnknown {
  unknown: string;
}

/** A component's published SLA, or the reason there is none (never taken as 100%). */
export type SlaAnswer = SlaFigure | SlaUnknown;

export function isSlaFigure(answer: SlaAnswer | undefined): answer is SlaFigure {
  return answer !== undefined && 'percent' in answer;
}

// ---------------------------------------------------------------------------------------------
// Capabilities: what a kind is, the same for every component of it.

export type DataRole = 'records' | 'files' | 'messages' | 'cache' | 'analytics' | 'backups';
export type FoundationRole = 'identity' | 'dns' | 'secrets' | 'delivery' | 'keys';

/**
 * What a kind can do. Rules, cost and generators ask these questions (and the per-component
 * answers in `ComponentTraits`); shared code never switches on kind names.
 */
export interface KindCapabilities {
  /** Holds data that must survive the loss of an instance. */
  stateful: boolean;
  /** regional: needs a region; global: has none (DNS, CDN, SaaS); either: may have one. */
  placement: 'regional' | 'global' | 'either';
  /** Where journeys start: users, client systems. */
  entryPoint?: boolean;
  /** Run by someone else (an ERP, a payroll provider): its availability is theirs. */
  external?: boolean;
  /** Faces the internet and receives user traffic directly. */
  internetFacing?: boolean;
  /** Runs as instances of a size that the `size` prop names. */
  instances?: boolean;
  /** Supports standbys or replicas that take over. */
  replicable?: boolean;
  /** Has backup settings (answered as `ComponentTraits.data.backup`). */
  backupable?: boolean;
  /** Checks the health of what it routes to, or is checked by a load balancer. */
  healthChecked?: boolean;
  /** A shared foundation that every journey or release depends on (identity, DNS, secrets, CI/CD). */
  foundation?: FoundationRole;
  /** Runs code that the team deploys: a release pipeline targets it. */
  deployable?: boolean;
  /**
   * The provider's managed service spreads it over the region's zones by itself (S3, SQS, Secrets
   * Manager, KMS): its `zones` do not limit it. Self-hosted, it runs where its pods do.
   */
  zoneRedundantService?: boolean;
  /** What state it holds, for recovery-point estimates and the data rules. */
  dataRole?: DataRole;
  /** Watches the platform: metrics, logs, alerts, synthetic checks. */
  monitoring?: boolean;
  /** Filters hostile traffic before it reaches what sits behind it (a WAF). */
  filtersTraffic?: boolean;
  /** Gives private subnets outbound access; zonal, so one per zone. */
  egress?: boolean;
  /** Terminates TLS with a certificate the team keeps current (beyond what faces the internet). */
  terminatesTls?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Traits: each component's answers to the capability questions, from its kind's typed props.
// The engine computes them once per design revision; nothing outside a kind's own file reads
// the kind's prop names.

/** Who runs it: the provider's managed service, the team (its code, or software it hosts), or a vendor. */
export type Operator = 'provider' | 'team' | 'vendor';

/**
 * What keeps it serving when the zone of its primary instance is lost:
 * - service: the provider's zone-redundant service absorbs it;
 * - standby: a synchronous standby is promoted (Multi-AZ);
 * - cluster: a reader of the cluster is promoted;
 * - replica: an asynchronous replica is promoted automatically;
 * - load-balanced: every instance serves, failed ones are taken out of rotation;
 * - independent: each instance serves its own zone (one NAT gateway per zone);
 * - none: nothing takes over.
 */
export type ZonalFailover = 'service' | 'standby' | 'cluster' | 'replica' | 'load-balanced' | 'independent' | 'none';

/**
 * How a copy in another component (a `replication` connection) keeps up, which sets what a
 * failover to it loses: database log shipping (seconds to a minute), storage-level replication
 * (Aurora Global Database, about a second), object replication (minutes), in-memory replication.
 */
export type ReplicationMethod = 'database-log' | 'storage-level' | 'object-copy' | 'in-memory';

/** Backups as the engine reads them, whatever the kind calls its settings. */
export interface BackupPolicy {
  enabled: boolean;
  /** Continuous log archiving: restores reach any second of the retention period. */
  pitr: boolean;
  /**
   * Point-in-time recovery comes with automated backups on this service even where the design does
   * not ask for it (RDS uploads transaction logs every five minutes whenever automated backups are on).
   */
  pitrImplied?: boolean;
  retentionDays: number;
  /** Hours between snapshots when there is no point-in-time recovery. */
  intervalHours: number;
  /** Days since a restore was last tested; null: never. */
  restoreTestedDays: number | null;
  /** A region of the design that receives copies. */
  copyToRegion?: string;
  /**
   * Hours between the copies that reach `copyToRegion`. Copies are snapshots: a cross-region copy of
   * a continuous backup has no point-in-time recovery, so a region loss restores to the last copy.
   */
  copyIntervalHours: number;
  separateAccount: boolean;
}

export interface DataTraits {
  role: DataRole;
  /** Holds data kept nowhere else: recovery points and backups are judged for it. */
  irreplaceable: boolean;
  /** Backup settings, for kinds that have them (on or off). */
  backup?: BackupPolicy;
  /** Every overwrite and delete keeps the previous version (object stores). */
  versioned?: boolean;
  /** A region of the design the service itself copies new data to (object replication). */
  replicatedToRegion?: string;
  /**
   * A bound the provider commits to on how far that replication lags (S3 Replication Time Control:
   * 15 minutes). Absent: replication usually keeps up within minutes but has no firm bound.
   */
  replicationBoundSeconds?: number;
  /** What an in-memory store keeps across a restart: nothing, snapshots, or a write log. */
  persistence?: 'none' | 'snapshot' | 'log';
  /** Gigabytes to restore, for restore-time estimates. */
  sizeGb?: number;
  /** How a replica of it keeps up. */
  replication?: ReplicationMethod;
  /** Asynchronous read replicas. */
  readReplicas?: number;
  /** Serves reads from replicas or cluster readers, away from the writer. */
  readScaling?: boolean;
  /** Messages: a message that keeps failing goes aside instead of blocking. */
  deadLetter?: boolean;
  /** Messages: persisted and replicated before a send is acknowledged. */
  durableWrites?: boolean;
  /** Messages: days an unprocessed message is kept before it expires (fractions for streams kept hours). */
  messageRetentionDays?: number;
  /** Messages: read by consumers that keep their own position (a stream), so a consumer that is down reads on from where it stopped, until retention drops what it has not read. */
  replayable?: boolean;
  /** The service offers continuous backups with point-in-time recovery for this store (whether or not they are on). */
  pitrAvailable?: boolean;
  /** Backup vaults: where the recovery points they hold are copied, and who can delete them. */
  vault?: { copyToRegion?: string; separateAccount: boolean; locked: boolean; copyIntervalHours?: number };
}

/** A shared foundation's own resilience, by the role it plays. */
export type FoundationTraits =
  | { role: 'identity'; tokensValidatedLocally: boolean; multiRegion: boolean }
  | { role: 'dns'; failoverRecords: boolean; healthCheckedFailover: boolean; ttlSeconds: number }
  | { role: 'secrets'; cachedByClients: boolean; replicatedToRegion?: string }
  | { role: 'delivery'; strategy: 'rolling' | 'blue-green' | 'canary'; automatedRollback: boolean; redundantRunners: boolean; breakGlass: boolean }
  | { role: 'keys'; multiRegion: boolean };

/** Where a component runs: the provider's managed service, managed containers, the region's Kubernetes cluster, or virtual machines. */
export type Runtime = 'managed-service' | 'containers' | 'kubernetes' | 'vm';

export interface ComponentTraits {
  operator: Operator;
  /** Where it runs, for kinds that say (compute, and stores that can be self-hosted). */
  runtime?: Runtime;
  /** Instances that can hold separate zones: a database's writer and standby, a cache's replicas. */
  instanceUnits: number;
  /** The provider spreads it over every zone of its region by itself. */
  zoneRedundant: boolean;
  zonalFailover: ZonalFailover;
  /** Instances are probed and taken out of rotation when they fail (kinds that can be checked). */
  healthChecks?: boolean;
  /** Kinds that probe what they route to: the path a healthy target answers on. */
  healthCheckPath?: string;
  /** Kinds that probe what they route to: how often, and after how many failures a target is taken out. */
  targetHealthCheck?: TargetHealthCheck;
  /** Kinds that can scale out: whether they do, and between what bounds. */
  autoscaling?: { enabled: boolean; min?: number; max?: number };
  /** Application tiers: where user sessions live. */
  sessionState?: 'external' | 'local';
  /** What the compute runs: user requests, or long reporting reads. */
  workload?: 'interactive' | 'reporting';
  /** Limits each tenant's request rate or quota, so one tenant cannot starve the others. */
  tenantLimits?: boolean;
  /** Entry points: who sends the traffic. */
  audience?: 'internet' | 'internal' | 'client-systems';
  /** Faces the internet, or only the private network (an internal load balancer). */
  exposure?: 'public' | 'internal';
  /** Traffic filters: rate-based rules per client. */
  rateLimiting?: boolean;
  /** Monitoring: whether something pages, and whether probes walk the journeys from outside. */
  monitoring?: { alerting: boolean; syntheticChecks: boolean };
  data?: DataTraits;
  foundation?: FoundationTraits;
  /** External systems: what the vendor's system is, and whether it has planned downtime. */
  vendor?: { system: string; maintenanceWindows: boolean };
  /** Kubernetes clusters: where the control plane and the node groups run, and how upgrades replace nodes. */
  cluster?: ClusterTraits;
  /** Stores of the images that deployments pull: the other regions of the design that hold copies. */
  images?: { replicatedToRegions: readonly string[] };
  /** Private links to on-premises or a partner: how many independent paths (tunnels, circuits, locations) carry it. */
  privateLink?: { paths: number; medium: 'vpn' | 'dedicated' };
}

/** A Kubernetes cluster as the rules read it: its control plane, its node groups' zones, its upgrades. */
export interface ClusterTraits {
  /** regional: the provider runs the API servers across the region's zones; zonal: in one zone. */
  controlPlane: 'regional' | 'zonal';
  /** The zones the node groups place nodes in (the component's zones). */
  nodeZones: readonly string[];
  /** Node groups (pools) in the cluster. */
  nodeGroups: number;
  /** How a version upgrade replaces nodes: in place (drain and replace one by one), with surge nodes, or a new group beside the old. */
  upgrade: 'in-place' | 'surge' | 'blue-green';
  /** Pod disruption budgets keep enough replicas serving while nodes drain. */
  disruptionBudgets: boolean;
}

// ---------------------------------------------------------------------------------------------
// Remedies: the changes a kind knows how to make to itself, for the rules' automatic fixes.

/** A change to one component: props are merged (groups one level deep), zones and replicas replaced. */
export interface ComponentPatch<P = AnyProps> {
  zones?: string[];
  replicas?: number;
  props?: PropInput<P>;
}

export const REMEDIES = [
  /** Spread over the given zones with whatever failover the kind has (a standby, replicas). */
  'spread',
  'read-replica',
  'backups',
  'versioning',
  'health-checks',
  'autoscaling',
  'external-sessions',
  'dead-letter',
  'durable-writes',
  'progressive-delivery',
  'local-token-validation',
  'dns-failover',
  'client-caching',
  'break-glass',
  'multi-region-keys',
  /** Continuous backups with point-in-time recovery. */
  'point-in-time-recovery',
  /** Copies of the images in every other region of the design. */
  'image-replication',
  /** Keep unread messages at least this many hours (RemedyContext.hours). */
  'longer-retention',
  /** Move a one-zone store to the provider's regional (multi-zone) storage. */
  'regional-storage',
  /** A second independent path (tunnel, circuit, location). */
  'redundant-path',
] as const;
export type RemedyId = (typeof REMEDIES)[number];

export interface RemedyContext {
  /** For `spread`: the zones of its region to spread over. */
  zones: readonly string[];
  /** For `image-replication`: the other regions of the design. */
  regions?: readonly string[];
  /** For `longer-retention`: the hours unread messages must be kept. */
  hours?: number;
}

// ---------------------------------------------------------------------------------------------
// The kind.

/** A provider's names for its services of one kind, the first the one the palette shows; none where it has no service of the kind. */
export type ProviderServices = Readonly<Record<Provider, readonly string[]>>;

export interface KindContext {
  provider: Provider;
  design: Design;
  /** The zones the component is placed in (its `zones`, or its region's first zone). */
  zones: readonly string[];
}

/** A kind as shared code sees it: data about it, and the questions it answers for a component. */
export interface ComponentKind<P = AnyProps> {
  id: string;
  title: string;
  /** One sentence for the palette: what it is and when to use it. */
  description: string;
  layer: Layer;
  /** Words people search the palette with (product names, synonyms). */
  keywords: readonly string[];
  /** What each provider calls its service for this kind ("Lambda", "Azure Functions"), shown and searched in the palette. */
  services: ProviderServices;
  capabilities: KindCapabilities;
  props: readonly PropSpec[];
  /** The props a new component of this kind starts with, written into the design. */
  initialProps?: AnyProps;
  /** Default instances for a new component. */
  initialReplicas?: number;
  /** The component's props over the kind's defaults, typed. */
  propsOf: (component: Pick<Component, 'props'>) => P;
  /** The component's answers to the capability questions. */
  traitsOf: (component: Component, context: KindContext) => ComponentTraits;
  /** The provider's published SLA for this component as configured, where there is one. */
  slaOf: (component: Component, context: KindContext) => SlaFigure | undefined;
  /** The published SLA, or why there is none (self-hosted, a tier without one, not in the catalog). */
  slaAnswerOf: (component: Component, context: KindContext) => SlaAnswer;
  /** The change that applies a remedy to this component, when the kind has it. */
  remedy: (id: RemedyId, component: Component, context: RemedyContext) => ComponentPatch | undefined;
  /** Whether the kind has the remedy: `remedy` gives a change for every component of the kind then, and only then. */
  hasRemedy: (id: RemedyId) => boolean;
}
