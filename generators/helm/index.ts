import yaml from 'js-yaml';
import { yamlComment, yamlValue } from '../../src/model';
import { backupOf, sourcesOf, targetsOf, zoneName, type ComponentFacts, type DesignFacts } from '../design-facts';
import type { Member } from '../roles';
import { helmRoles, type HelmRoles } from './registry';
import { TARGETS } from '../targets';
import type { GeneratedFile, Generator } from '../types';
import { APP_CHART_NAME, appChartFiles } from './app-chart';
import { INGRESS_HEALTH_PATH, INGRESS_NODE_PORT, STORAGE_CLASS } from '../kubernetes';

/** The charts whose values this export writes, with the chart version the values were checked against. */
export const PLATFORM_CHARTS = {
  traefik: { repository: 'https://traefik.github.io/charts', chart: 'traefik/traefik', version: '41.3.0' },
  'cloudnative-pg-cluster': { repository: 'https://cloudnative-pg.github.io/charts', chart: 'cnpg/cluster', version: '0.8.1' },
  redis: { repository: 'oci://registry-1.docker.io/bitnamicharts', chart: 'bitnami/redis', version: '23.1.1' },
} as const;
export type PlatformChart = keyof typeof PLATFORM_CHARTS;

const ZONE_KEY = 'topology.kubernetes.io/zone';
const HOST_KEY = 'kubernetes.io/hostname';

/** Strings every YAML parser reads (yamlValue: no lone surrogates); js-yaml quotes and escapes the rest. */
const yamlSafe = (value: unknown): unknown =>
  typeof value === 'string'
    ? yamlValue(value)
    : Array.isArray(value)
      ? value.map(yamlSafe)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([key, item]) => [yamlValue(key), yamlSafe(item)]))
        : value;

const DUMP_OPTIONS: yaml.DumpOptions = { lineWidth: -1, noRefs: true, quotingType: '"', schema: yaml.JSON_SCHEMA };

/** Header comments carry design text: yamlComment keeps each one line for YAML 1.1 and 1.2 parsers alike (NEL, U+2028/9). */
function toYaml(header: readonly string[], values: unknown): string {
  const comments = header.map((line) => `# ${yamlComment(line)}`.trimEnd()).join('\n');
  // The writer takes printable ASCII alone, which yamlSafe leaves as it is.
  return `${comments}\n${plainBlockYaml(values) ?? yaml.dump(yamlSafe(values), DUMP_OPTIONS)}`;
}

/**
 * A string js-yaml writes as it is (plain): a letter, digit or `/` first, then letters, digits, `.`,
 * `_`, `/` and `-`, unless the schema would read it as something else (a number, null, a boolean,
 * or a YAML 1.1 boolean, which js-yaml quotes for older parsers). Narrower than what js-yaml writes
 * plain: anything else goes to js-yaml.
 */
const PLAIN = /^[A-Za-z0-9/][A-Za-z0-9._/-]*$/;
const NOT_PLAIN = new Set([
  ...['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE'],
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'],
]);
/** What js-yaml never starts a plain scalar with; such a string of printable ASCII on one line it writes double-quoted. */
const QUOTED_FIRST = /^[-?:,[\]{}#&*!|=>'"%@` ]/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The longest string in NOT_PLAIN: a longer one need not be looked up (which hashes all of it). */
const NOT_PLAIN_LONGEST = 5;

function stringScalar(text: string): string | undefined {
  if (text === '') return '""';
  if (PLAIN.test(text)) {
    if (text.length <= NOT_PLAIN_LONGEST && NOT_PLAIN.has(text)) return `"${text}"`;
    // A letter or `/` first is never a number; a digit first may be one ("1", "1e5", "0x1F"): as js-yaml, ask the schema.
    const first = text.charCodeAt(0);
    if (first < 48 || first > 57) return text;
    try {
      return typeof yaml.load(text, { schema: yaml.JSON_SCHEMA }) === 'string' ? text : `"${text}"`;
    } catch {
      return undefined;
    }
  }
  if (QUOTED_FIRST.test(text) && PRINTABLE_ASCII.test(text)) return `"${text.replace(/["\\]/g, '\\$&')}"`;
  return undefined;
}

/** A scalar as js-yaml's dump writes it with DUMP_OPTIONS, or undefined when it is not one this writer is sure of. */
function plainScalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length <= 1024 ? stringScalar(value) : undefined;
  if (typeof value === 'number') return Number.isSafeInteger(value) && !Object.is(value, -0) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) return 'null';
  return undefined;
}

/**
 * The values as js-yaml's dump writes them with DUMP_OPTIONS (block style, two-space indents,
 * sequences indented under their key, empty collections as `{}` and `[]`), written directly: the
 * dump was most of the Helm export's time, checking every string's style character by character.
 * Undefined when the values hold anything but such strings (stringScalar), whole numbers, booleans
 * and null, nested in objects and arrays; the caller then dumps them with js-yaml.
 */
export function plainBlockYaml(values: unknown): string | undefined {
  if (!isMapping(values) || Object.keys(values).length === 0) return undefined;
  const out: string[] = [];
  return writeMapping(values, '', out) ? out.join('') : undefined;
}

const isMapping = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** `value` after `key:` or `- `: a scalar or an empty collection on the same line, else false (a block follows). */
function inlineValue(value: unknown): string | false | undefined {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : false;
  if (isMapping(value)) return Object.keys(value).length === 0 ? '{}' : false;
  return plainScalar(value);
}

/** The indents of the first levels, made once rather than for every nested value. */
const INDENTS = Array.from({ length: 16 }, (_, level) => ' '.repeat(level * 2));
const deeper = (indent: string): string => INDENTS[indent.length / 2 + 1] ?? `${indent}  `;

// Each line goes into `out` in parts, its indent first, joined once at the end.
function writeMapping(mapping: Record<string, unknown>, indent: string, out: string[]): boolean {
  for (const key in mapping) {
    if (!Object.hasOwn(mapping, key)) continue;
    const name = plainScalar(key);
    if (name === undefined) return false;
    const value = mapping[key];
    const inline = inlineValue(value);
    if (inline === undefined) return false;
    if (inline !== false) {
      out.push(indent, name, ': ', inline, '\n');
      continue;
    }
    out.push(indent, name, ':\n');
    if (!(Array.isArray(value) ? writeSequence(value, deeper(indent), out) : writeMapping(value as Record<string, unknown>, deeper(indent), out))) return false;
  }
  return true;
}

function writeSequence(items: readonly unknown[], indent: string, out: string[]): boolean {
  for (const item of items) {
    const inline = inlineValue(item);
    if (inline === undefined || (inline === false && Array.isArray(item))) return false;
    if (inline !== false) {
      out.push(indent, '- ', inline, '\n');
      continue;
    }
    // A mapping in a sequence: its first key on the dash's line (in place of that line's indent), the others under it.
    const first = out.length;
    if (!writeMapping(item as Record<string, unknown>, deeper(indent), out)) return false;
    out[first] = `${indent}- `;
  }
  return true;
}

/** `eu-west-1a` for zone `a` of a region at `eu-west-1`; zone ids (`euw1-az1`) stay as written. */
function zoneNames(c: ComponentFacts): string[] {
  return c.region ? c.zones.map((zone) => zoneName(c.region!, zone)) : [];
}

function spread(c: ComponentFacts, matchLabels: Record<string, string>): unknown[] {
  const constraints: unknown[] = [];
  if (c.zones.length >= 2) {
    constraints.push({ maxSkew: 1, topologyKey: ZONE_KEY, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels } });
  }
  constraints.push({ maxSkew: 1, topologyKey: HOST_KEY, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels } });
  return constraints;
}

/** Pods stay in the zones the design names, and prefer not to share a node. */
function affinity(c: ComponentFacts, matchLabels: Record<string, string>): Record<string, unknown> {
  return {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE_KEY, operator: 'In', values: zoneNames(c) }] }],
      },
    },
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: HOST_KEY, labelSelector: { matchLabels } } }],
    },
  };
}

function quantityCpu(vcpu: number): string {
  return Number.isInteger(vcpu) ? String(vcpu) : `${Math.round(vcpu * 1000)}m`;
}

function quantityMemory(gb: number): string {
  return Number.isInteger(gb) ? `${gb}Gi` : `${Math.round(gb * 1024)}Mi`;
}

/** The path the load balancer in front probes, so the pods' probes ask the same. */
function healthPath(facts: DesignFacts, c: ComponentFacts): string {
  return sourcesOf(facts, c.id, 'sync').find((s) => s.traits.healthCheckPath !== undefined)?.traits.healthCheckPath ?? '/healthz';
}

/** A label value (at most 63 characters, the chart truncates the same way). */
const labelValue = (id: string) => id.slice(0, 63).replace(/-+$/, '');

/** A Service name: the component id, with a letter first (DNS-1035), as the chart's name helper makes it. */
const serviceName = (id: string) => (/^[a-z]/.test(id) ? id : `s-${id}`).slice(0, 53).replace(/-+$/, '');

/** What the chart's `terraform output` names a value of a component: `erp_app_role_arn`. */
const terraformOutput = (id: string, what: string) => `${id.replace(/-/g, '_')}_${what}`;

/** Whether the Terraform export gives the service's pods an IAM role: it connects to buckets or queues that AWS runs. */
function hasAwsRole(facts: DesignFacts, c: ComponentFacts): boolean {
  const aws = (t: ComponentFacts) => t.traits.runtime !== 'kubernetes' && (t.traits.data?.role === 'files' || t.traits.data?.role === 'messages');
  return targetsOf(facts, c.id, 'sync').some(aws) || targetsOf(facts, c.id, 'async').some(aws) || sourcesOf(facts, c.id, 'async').some(aws);
}

/**
 * Services an ingress controller routes to, with the path each gets: the first `/`, the others
 * `/<id>` (review them: the design says what routes where, not on which path).
 */
function ingressRoutes(facts: DesignFacts, roles: ReturnType<typeof helmRoles>): Map<string, string> {
  const routes = new Map<string, string>();
  for (const c of facts.components) {
    if (!roles.is(c, 'traefik')) continue;
    for (const target of targetsOf(facts, c.id, 'sync').filter((t) => roles.is(t, 'service'))) {
      if (!routes.has(target.id)) routes.set(target.id, routes.size === 0 ? '/' : `/${target.id}`);
    }
  }
  return routes;
}

function serviceValues(facts: DesignFacts, { c, spec }: Member<HelmRoles['service']>, route: string | undefined): { path: string; contents: string } {
  const selector = { 'ninesmith.dev/component': labelValue(c.id) };
  const scaling = spec.autoscaling;
  const autoscale = scaling.enabled;
  const min = scaling.min ?? c.replicas;
  const max = scaling.max ?? Math.max(min, c.replicas) * 3;
  const vcpu = spec.vcpu;
  const memory = spec.memoryGb;
  const serves = sourcesOf(facts, c.id, 'sync').some((s) => s.kind.capabilities.healthChecked);
  const probes = spec.healthChecks;
  const role = hasAwsRole(facts, c);
  const values = {
    nameOverride: serviceName(c.id),
    component: { id: c.id, kind: c.kind.id, design: facts.slug },
    image: { repository: `[FILL IN: image repository of ${c.id}]`, tag: '[FILL IN: immutable tag]', pullPolicy: 'IfNotPresent' },
    // The IAM role Terraform trusts for this service account (`system:serviceaccount:<namespace>:<id>`).
    serviceAccount: { create: true, name: c.id, annotations: role ? { 'eks.amazonaws.com/role-arn': `[FILL IN: terraform output ${terraformOutput(c.id, 'role_arn')}]` } : {} },
    replicaCount: c.replicas,
    containerPort: 8080,
    service: { enabled: serves || route !== undefined, port: 80 },
    ingress: route !== undefined ? { enabled: true, className: 'traefik', path: route } : { enabled: false },
    resources: { requests: { cpu: quantityCpu(vcpu), memory: quantityMemory(memory) }, limits: { memory: quantityMemory(memory) } },
    probes: probes
      ? {
          enabled: true,
          path: healthPath(facts, c),
          startup: { periodSeconds: 5, failureThreshold: 30 },
          readiness: { periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 },
          liveness: { periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 3 },
        }
      : { enabled: false },
    podDisruptionBudget: c.replicas >= 2 || autoscale ? { enabled: true, maxUnavailable: 1 } : { enabled: false },
    autoscaling: autoscale ? { enabled: true, minReplicas: min, maxReplicas: Math.max(min, max), targetCPUUtilizationPercentage: 60 } : { enabled: false },
    topologySpreadConstraints: spread(c, selector),
    affinity: affinity(c, selector),
    terminationGracePeriodSeconds: c.kind.layer === 'async' ? 120 : 30,
  };
  const header = [
    `Values of ${APP_CHART_NAME} for component ${c.id} (${c.kind.title}): ${c.name}`,
    `Generated by Ninesmith from design ${facts.slug}. ${c.replicas} replica(s) across zones ${c.zones.join(', ')}.`,
    ...(probes ? [] : ['The design turns health checks off for this service: no probes, so a hung pod keeps receiving traffic.']),
    ...(c.replicas < 2 && !autoscale ? ['One replica: no disruption budget (it would block node drains); the design has a single point of failure here.'] : []),
    ...(route !== undefined ? [`Traefik routes ${route} to it (an Ingress of class traefik).`] : []),
    'Image: set image.digest (sha256:...) to pull by digest; it wins over the tag. Pods run as a non-root user with a read-only root filesystem (/tmp is writable).',
    `Install: helm upgrade --install ${c.id} ../charts/${APP_CHART_NAME} -f ${c.id}.yaml`,
  ];
  return { path: `helm/values/${c.id}.yaml`, contents: toYaml(header, values) };
}

function traefikValues({ c, spec }: Member<HelmRoles['traefik']>): Record<string, unknown> {
  const selector = { 'app.kubernetes.io/name': 'traefik' };
  return {
    deployment: { replicas: c.replicas },
    podDisruptionBudget: spec.podDisruptionBudget && c.replicas >= 2 ? { enabled: true, maxUnavailable: 1 } : { enabled: false },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
    topologySpreadConstraints: spread(c, selector),
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: HOST_KEY, labelSelector: { matchLabels: selector } }] } },
    readinessProbe: { periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 2, successThreshold: 1 },
    livenessProbe: { periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3, successThreshold: 1 },
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
    ingressClass: { enabled: true, isDefaultClass: true, name: 'traefik' },
    // The load balancer Terraform creates reaches Traefik on this port of every node; no second load balancer.
    service: { spec: { type: 'NodePort' } },
    ports: {
      web: { nodePort: INGRESS_NODE_PORT },
      // TLS ends at the load balancer with the ACM certificate; Traefik serves no certificate of its own.
      websecure: { expose: { default: false } },
    },
    // The load balancer's health check: /ping on the web entrypoint.
    ingressRoute: { healthcheck: { enabled: true, entryPoints: ['web'], matchRule: `PathPrefix(\`${INGRESS_HEALTH_PATH}\`)` } },
    metrics: { prometheus: { addEntryPointsLabels: true, addServicesLabels: true } },
  };
}

/** A primary, a standby per HA mode (two for a cluster) and the read replicas, unless the design counts them itself. */
function instancesOf({ c, spec }: Member<HelmRoles['postgres-cluster']>): number {
  if (c.component.replicas !== undefined) return c.replicas;
  return (spec.ha === 'single' ? 1 : spec.ha === 'multi-az' ? 2 : 3) + spec.readReplicas;
}

function cnpgValues(facts: DesignFacts, database: Member<HelmRoles['postgres-cluster']>): { values: Record<string, unknown>; notes: string[] } {
  const { c, spec } = database;
  const backup = backupOf(c)!;
  const notes: string[] = [];
  const bucket = targetsOf(facts, c.id, 'backup').find((t) => t.traits.data?.role === 'files');
  const instances = instancesOf(database);
  const values: Record<string, unknown> = {
    // The Cluster (and its services <id>-rw, <id>-ro, its service account) is named after the component, whatever the release.
    fullnameOverride: c.id,
    type: 'postgresql',
    mode: 'standalone',
    cluster: {
      instances,
      storage: { size: `${spec.storageGb}Gi`, storageClass: STORAGE_CLASS },
      affinity: { topologyKey: c.zones.length >= 2 ? ZONE_KEY : HOST_KEY },
      enablePDB: instances >= 2,
      primaryUpdateStrategy: 'unsupervised',
      primaryUpdateMethod: 'switchover',
      // Metrics on every instance; the PodMonitor and PrometheusRule need the Prometheus Operator's CRDs, so they stay off until it is installed.
      monitoring: { enabled: true, podMonitor: { enabled: false }, prometheusRule: { enabled: false } },
      ...(backup.enabled ? { serviceAccountTemplate: { metadata: { annotations: { 'eks.amazonaws.com/role-arn': `[FILL IN: terraform output ${terraformOutput(c.id, 'backup_role_arn')}]` } } } } : {}),
    },
  };
  notes.push(`Cluster ${c.id}: services ${c.id}-rw (writes) and ${c.id}-ro (reads); the application's credentials are in secret ${c.id}-app.`);
  notes.push('With the Prometheus Operator installed: --set cluster.monitoring.podMonitor.enabled=true --set cluster.monitoring.prometheusRule.enabled=true, for the alerts the database-failover runbook names.');
  if (c.zones.length < instances && c.zones.length >= 2) notes.push(`${instances} instances over ${c.zones.length} zones: two share a zone.`);
  if (backup.enabled) {
    values.backups = {
      enabled: true,
      provider: 's3',
      method: 'barmanObjectStore',
      s3: {
        region: c.region?.location ?? '',
        bucket: bucket ? `[FILL IN: bucket of ${bucket.id} (terraform output ${bucket.id.replace(/-/g, '_')}_bucket)]` : '[FILL IN: bucket for database backups]',
        path: `/${c.id}`,
        // Credentials from the IAM role of the cluster's service account (IRSA), which Terraform creates for this bucket.
        inheritFromIAMRole: true,
      },
      wal: { compression: 'gzip', maxParallel: 2 },
      data: { compression: 'gzip', jobs: 2 },
      retentionPolicy: `${backup.retentionDays}d`,
      scheduledBackups: [{ name: 'daily-backup', schedule: '0 0 3 * * *', backupOwnerReference: 'self', method: 'barmanObjectStore' }],
    };
    if (!backup.pitr) notes.push('The design does not ask for point-in-time recovery; CloudNativePG archives WAL whenever backups are on, which gives it anyway.');
    if (backup.separateAccount) notes.push('Backups go to a bucket in the separate backup account: grant this cluster\'s IAM role write access there (a bucket policy in that account).');
  } else {
    values.backups = { enabled: false };
    notes.push('The design has backups off for this database: nothing protects it from deletion or corruption.');
  }
  return { values, notes };
}

/** Sentinel needs a majority of its instances after losing one (one per Redis pod): three at least. */
const SENTINEL_MINIMUM = 3;

function redisValues({ c, spec }: Member<HelmRoles['redis']>): { values: Record<string, unknown>; notes: string[] } {
  const nodes = Math.max(1, c.replicas);
  const sentinel = spec.automaticFailover && nodes >= 2;
  const pods = sentinel ? Math.max(SENTINEL_MINIMUM, nodes) : nodes;
  const { persistence, durable } = spec;
  const selector = { 'app.kubernetes.io/name': 'redis', 'app.kubernetes.io/instance': c.id, 'app.kubernetes.io/component': sentinel ? 'node' : 'replica' };
  const notes: string[] = [];
  // The chart's default configuration is replaced, so `save ""` is repeated where no snapshots are wanted.
  const configuration =
    persistence === 'append-only' ? 'appendonly yes\nappendfsync everysec\nsave ""\n' : persistence === 'snapshot' ? 'appendonly no\nsave 900 1 300 10\n' : 'appendonly no\nsave ""\n';
  const stored = persistence !== 'none' || durable;
  const resources = { requests: { cpu: '250m', memory: '1Gi' }, limits: { memory: '1Gi' } };
  const values: Record<string, unknown> = {
    architecture: nodes >= 2 ? 'replication' : 'standalone',
    global: { defaultStorageClass: STORAGE_CLASS },
    auth: { enabled: true, sentinel: true, existingSecret: `${c.id}-auth`, existingSecretPasswordKey: 'redis-password' },
    commonConfiguration: configuration,
    sentinel: sentinel ? { enabled: true, quorum: Math.floor(pods / 2) + 1, downAfterMilliseconds: 5000, failoverTimeout: 60000, parallelSyncs: 1 } : { enabled: false },
    replica: {
      replicaCount: sentinel ? pods : Math.max(0, nodes - 1),
      topologySpreadConstraints: spread(c, selector),
      podAntiAffinityPreset: 'hard',
      persistence: { enabled: stored, size: '8Gi' },
      pdb: { create: nodes >= 2 },
      resources,
    },
    // With Sentinel every pod is a replica-set node and the chart renders no master; its values would be dead.
    ...(sentinel ? {} : { master: { persistence: { enabled: stored, size: '8Gi' }, resources } }),
    metrics: { enabled: true },
  };
  if (sentinel && pods > nodes) notes.push(`The design has ${nodes} Redis nodes; Sentinel needs ${SENTINEL_MINIMUM} to keep a majority when one is lost, so this runs ${pods}: add the node to the design.`);
  if (!sentinel && nodes >= 2) notes.push('The design turns automatic failover off: a failed primary needs a manual promotion.');
  if (durable && persistence === 'none') notes.push('The design marks this cache as holding data kept nowhere else but without persistence: a restart loses it.');
  notes.push(`Create the secret ${c.id}-auth with key redis-password before installing.`);
  return { values, notes };
}

function platformFile(facts: DesignFacts, c: ComponentFacts, chart: PlatformChart, values: unknown, notes: readonly string[]): GeneratedFile {
  const source = PLATFORM_CHARTS[chart];
  const header = [
    `Values for the ${source.chart} chart ${source.version} (${source.repository}) for component ${c.id}: ${c.name}`,
    `Generated by Ninesmith from design ${facts.slug}; checked against that chart version's values.schema.json.`,
    ...notes,
    `Install: helm upgrade --install ${c.id} ${source.chart} --version ${source.version} -f ${c.id}.values.yaml`,
  ];
  return { path: `helm/platform/${chart}/${c.id}.values.yaml`, contents: toYaml(header, values) };
}

function readme(facts: DesignFacts, services: readonly Member<HelmRoles['service']>[], platform: readonly { c: ComponentFacts; chart: PlatformChart }[], skipped: readonly string[]): string {
  const lines = [
    '# Helm values',
    '',
    `Generated by Ninesmith from design \`${facts.slug}\` for what the design runs on Kubernetes.`,
    '',
    '## Order to install',
    '',
    '1. The cluster, its node groups and the EBS CSI driver (`../terraform/app.tf`), and a kubeconfig for it: `aws eks update-kubeconfig --name <terraform output *_eks_cluster_name> --region <region>`, as the principal in `eks_admin_principal_arn`.',
  ];
  let step = 2;
  const volumes = platform.some((p) => p.chart !== 'traefik');
  if (volumes) lines.push(`${step++}. The StorageClass the volumes use: \`kubectl apply -f platform/storage-class.yaml\` (\`${STORAGE_CLASS}\`: encrypted gp3 through the EBS CSI driver).`);
  if (platform.some((p) => p.chart === 'cloudnative-pg-cluster')) lines.push(`${step++}. The CloudNativePG operator (chart \`cnpg/cloudnative-pg\`), then each database cluster in \`platform/cloudnative-pg-cluster/\`.`);
  if (platform.some((p) => p.chart === 'redis')) lines.push(`${step++}. Redis (\`platform/redis/\`), after creating its auth secret.`);
  if (platform.some((p) => p.chart === 'traefik'))
    lines.push(`${step++}. Traefik (\`platform/traefik/\`): a NodePort Service on port ${INGRESS_NODE_PORT} of every node, which the load balancer Terraform created already targets and health-checks (\`${INGRESS_HEALTH_PATH}\`). TLS ends at that load balancer (ACM), so Traefik needs no certificate.`);
  if (services.length > 0) lines.push(`${step++}. The services, each from \`values/<id>.yaml\` with the chart in \`charts/${APP_CHART_NAME}\`.`);
  lines.push('', '## Files', '');
  for (const { c } of services) lines.push(`- \`values/${c.id}.yaml\`: ${c.kind.title.toLowerCase()} \`${c.id}\`, ${c.replicas} replica(s) across zones ${c.zones.join(', ')}.`);
  for (const { c, chart } of platform) lines.push(`- \`platform/${chart}/${c.id}.values.yaml\`: ${PLATFORM_CHARTS[chart].chart} ${PLATFORM_CHARTS[chart].version} for \`${c.id}\`.`);
  if (volumes) lines.push(`- \`platform/storage-class.yaml\`: the StorageClass \`${STORAGE_CLASS}\` of the volumes.`);
  lines.push('', '## Fill in', '', '- [ ] Every `[FILL IN: ...]` value: image repositories and tags (or digests), backup bucket names and IAM role ARNs (from `terraform output`).');
  lines.push('- [ ] Install every release in the namespace of the Terraform variable `kubernetes_namespace` (`-n <namespace>`; `default` unless changed): the IAM roles of the service accounts trust that namespace.');
  lines.push('', '## Decisions', '');
  lines.push('- Services get an Ingress of class `traefik` when the design routes the ingress controller to them; pods run as a non-root user with a read-only root filesystem, no privilege escalation and the RuntimeDefault seccomp profile (Pod Security "restricted").');
  lines.push('- Pods reach AWS (S3, SQS) through IAM roles for service accounts: Terraform creates the role, the values annotate the service account with it.');
  if (platform.some((p) => p.chart === 'cloudnative-pg-cluster')) lines.push('- CloudNativePG: the Cluster is named after the component (`fullnameOverride`), so the runbooks\' `kubectl cnpg status <id>` and the `<id>-rw` service match; its PodMonitor and PrometheusRule stay off until the Prometheus Operator CRDs are installed.');
  if (platform.some((p) => p.chart === 'redis')) lines.push(`- Redis: Sentinel runs with at least ${SENTINEL_MINIMUM} nodes so a majority survives the loss of one.`);
  if (skipped.length > 0) lines.push('', '## Not generated here', '', ...skipped.map((s) => `- ${s}`));
  lines.push('');
  return lines.join('\n');
}

/** The volumes' StorageClass: the EBS CSI driver (installed by the Terraform), encrypted gp3, bound in the pod's zone. */
const STORAGE_CLASS_MANIFEST = `# The StorageClass of the volumes (CloudNativePG, Redis): kubectl apply -f storage-class.yaml
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: ${STORAGE_CLASS}
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: ebs.csi.aws.com
parameters:
  type: gp3
  encrypted: "true"
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
reclaimPolicy: Retain
`;

/** Helm values for what runs on Kubernetes, plus the generic chart the services' values are for. */
export function generateHelm(facts: DesignFacts): GeneratedFile[] {
  const roles = helmRoles(facts);
  const services = roles.members('service');
  const platform: { c: ComponentFacts; chart: PlatformChart; values: unknown; notes: string[] }[] = [];
  // In design order, as the platform section of the README lists them.
  for (const c of facts.components) {
    const traefik = roles.spec(c, 'traefik');
    const postgres = roles.spec(c, 'postgres-cluster');
    const redis = roles.spec(c, 'redis');
    if (traefik) platform.push({ c, chart: 'traefik', values: traefikValues({ c, spec: traefik }), notes: [] });
    else if (postgres) platform.push({ c, chart: 'cloudnative-pg-cluster', ...cnpgValues(facts, { c, spec: postgres }) });
    else if (redis) platform.push({ c, chart: 'redis', ...redisValues({ c, spec: redis }) });
  }
  const skipped = roles.notGenerated.map((entry) => entry.reason);
  if (services.length === 0 && platform.length === 0) return [];
  const files: GeneratedFile[] = [];
  if (services.length > 0) files.push(...appChartFiles(`helm/charts/${APP_CHART_NAME}`));
  const routes = ingressRoutes(facts, roles);
  for (const service of services) files.push(serviceValues(facts, service, routes.get(service.c.id)));
  for (const p of platform) files.push(platformFile(facts, p.c, p.chart, p.values, p.notes));
  if (platform.some((p) => p.chart !== 'traefik')) files.push({ path: 'helm/platform/storage-class.yaml', contents: STORAGE_CLASS_MANIFEST });
  files.push({ path: 'helm/README.md', contents: readme(facts, services, platform, skipped) });
  return files;
}

export const helmTarget: Generator = {
  ...TARGETS.helm,
  generate: ({ facts }) => generateHelm(facts),
};
