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

/**
 * What a kind can do. Rules, cost and generators ask these questions; shared code never
 * switches on kind names.
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
  /** Has backup settings (`backup` prop group). */
  backupable?: boolean;
  /** Checks the health of what it routes to, or is checked by a load balancer. */
  healthChecked?: boolean;
  /** A shared foundation that every journey or release depends on (identity, DNS, secrets, CI/CD). */
  foundation?: 'identity' | 'dns' | 'secrets' | 'delivery' | 'keys';
  /** Runs code that the team deploys: a release pipeline targets it. */
  deployable?: boolean;
  /**
   * The provider's managed service spreads it over the region's zones by itself (S3, SQS, Secrets
   * Manager, KMS): its `zones` do not limit it. With `hosting: kubernetes` it runs where its pods do.
   */
  zoneRedundantService?: boolean;
  /** What state it holds, for recovery-point estimates and the data rules. */
  dataRole?: 'records' | 'files' | 'messages' | 'cache' | 'analytics' | 'backups';
  /** Watches the platform: metrics, logs, alerts, synthetic checks. */
  monitoring?: boolean;
  /** Filters hostile traffic before it reaches what sits behind it (a WAF). */
  filtersTraffic?: boolean;
  /** Gives private subnets outbound access; zonal, so one per zone. */
  egress?: boolean;
}

export interface ComponentKind {
  id: string;
  title: string;
  /** One sentence for the palette: what it is and when to use it. */
  description: string;
  layer: Layer;
  /** Words people search the palette with (product names, synonyms). */
  keywords: readonly string[];
  capabilities: KindCapabilities;
  props: readonly PropSpec[];
  /** The props a new component of this kind starts with, written into the design. */
  initialProps?: Readonly<Record<string, unknown>>;
  /** Default instances for a new component. */
  initialReplicas?: number;
  /** The provider's published SLA for this component as configured, where there is one. */
  sla?: (component: Component, props: Readonly<Record<string, unknown>>, context: { provider: Provider; design: Design }) => SlaFigure | undefined;
}
