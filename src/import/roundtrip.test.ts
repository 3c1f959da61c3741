import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS, loadDesign } from '../catalog';
import { analyzeDesign } from '../engine';
import { generateExport } from '../../generators';
import type { Component, Connection, Design } from '../model';
import { nodeHclParser } from '../cli/hcl-parser';
import { importTerraform } from '.';

/**
 * Round trip: Ninesmith's own Terraform export of every template, imported again, gives back the
 * components, zones, replicas and connections the Terraform carries, and the same findings as
 * the template restricted to what Terraform can hold. The export is generated live (never from
 * goldens), so a change to the export that loses information fails here.
 *
 * What Terraform cannot carry (docs/import.md, "Round trip"): journeys; components the export
 * does not generate (users, identity, secrets, keys, CI/CD, observability, external systems, API
 * gateways, schedulers, data warehouses, workloads on Kubernetes, which live in Helm values);
 * connections that are permissions or routes rather than security group rules (to NAT gateways,
 * and to buckets and queues unless a container's environment names them); replication the export
 * leaves as a fill-in or writes inside one component (Aurora global databases, an ElastiCache
 * global datastore whose secondary is the same component's copy, app tiers); and props with no
 * argument (restore tests, session state, workload type, tenant limits, failover tests).
 *
 * What the export writes beyond security group rules is read from its Terraform text: the buckets
 * and queues named in an ECS task definition's environment, the databases an AWS Backup selection
 * names, and the replication groups that are another component's global datastore secondary. The
 * template still decides which connections are expected: only its own connections count.
 */

const TEMPLATES = join(__dirname, '../../templates');
const parser = nodeHclParser();

/** Props no Terraform argument carries: reset to the kind's default on the template's side. */
const NOT_IN_TERRAFORM: Record<string, readonly string[]> = {
  'app-service': ['sessionState', 'workload', 'perTenantRateLimits', 'healthChecks', 'size'],
  'worker-pool': ['workload', 'idempotent', 'healthChecks', 'size'],
  cache: ['durable', 'backup'],
  queue: ['durable', 'requestsPerMonth'],
  'object-storage': ['storageGb', 'requestsPerMonth', 'storageClass'],
  'backup-vault': ['storageGb'],
  dns: ['ttlSeconds'],
  cdn: ['dataOutGbPerMonth'],
  waf: ['rules'],
  // AWS always checks a target group's targets, whatever the design says.
  'load-balancer': ['healthChecks'],
  'nat-gateway': ['dataProcessedGbPerMonth'],
  ingress: ['podDisruptionBudget'],
};

interface RoundTrip {
  template: Design;
  imported: Design;
  carried: Set<string>;
  terraform: string;
}

async function roundTrip(file: string): Promise<RoundTrip> {
  const loaded = loadDesign(readFileSync(join(TEMPLATES, file), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} does not load`);
  const template = loaded.design;
  const files = generateExport(template, { targets: ['terraform'] })
    .filter((f) => f.path.endsWith('.tf'))
    .map((f) => ({ path: f.path.slice('terraform/'.length), text: f.contents }));
  const terraform = files.map((f) => f.text).join('\n');
  // What the export writes for a component carries its id in a tag; Route 53 records carry the DNS component.
  const carried = new Set([...terraform.matchAll(/"ninesmith:component" = "([^"]+)"/g)].map((m) => m[1]!));
  if (terraform.includes('resource "aws_route53_record"')) for (const c of template.components) if (c.kind === 'dns') carried.add(c.id);
  const result = await importTerraform(files, { parser, name: file });
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.problems)}`);
  return { template, imported: result.design, carried, terraform };
}

/** The export's resource blocks, by `type.label`, with the component their tag names. */
function resourceBlocks(terraform: string): Map<string, { body: string; component?: string }> {
  const out = new Map<string, { body: string; component?: string }>();
  for (const m of terraform.matchAll(/^resource "([a-z0-9_]+)" "([^"]+)" \{\n([\s\S]*?)^\}/gm)) {
    out.set(`${m[1]}.${m[2]}`, { body: m[3]!, component: /"ninesmith:component" = "([^"]+)"/.exec(m[3]!)?.[1] });
  }
  return out;
}

/** Components named in a body through `type.label.attribute` references of the given types. */
function namedIn(body: string, blocks: ReturnType<typeof resourceBlocks>, types: readonly string[], attribute: string): Set<string> {
  const out = new Set<string>();
  for (const m of body.matchAll(new RegExp(`\\b(${types.join('|')})\\.([a-z0-9_]+)\\.${attribute}\\b`, 'g'))) {
    const component = blocks.get(`${m[1]}.${m[2]}`)?.component;
    if (component) out.add(component);
  }
  return out;
}

/** What the export writes beyond security group rules (see the file comment), as `from->to:mode` keys. */
function writtenLinks(terraform: string): Set<string> {
  const blocks = resourceBlocks(terraform);
  const links = new Set<string>();
  for (const [address, { body, component }] of blocks) {
    const type = address.slice(0, address.indexOf('.'));
    if (type === 'aws_ecs_task_definition' && component) {
      for (const bucket of namedIn(body, blocks, ['aws_s3_bucket'], 'bucket')) links.add(`${component}->${bucket}:sync`);
      for (const queue of namedIn(body, blocks, ['aws_sqs_queue'], 'url')) links.add(`${component}->${queue}:async`).add(`${queue}->${component}:async`);
    }
    if (type === 'aws_backup_selection') {
      const planLabel = /plan_id\s*=\s*aws_backup_plan\.([a-z0-9_]+)\.id/.exec(body)?.[1];
      const plan = planLabel !== undefined ? blocks.get(`aws_backup_plan.${planLabel}`)?.body ?? '' : '';
      for (const target of namedIn(/resources\s*=\s*\[[^\]]*\]/.exec(body)?.[0] ?? '', blocks, ['aws_db_instance', 'aws_rds_cluster'], 'arn')) {
        for (const to of namedIn(plan, blocks, ['aws_backup_vault'], 'name')) links.add(`${target}->${to}:backup`);
      }
    }
    if (type === 'aws_elasticache_replication_group' && component) {
      const global = /global_replication_group_id\s*=\s*aws_elasticache_global_replication_group\.([a-z0-9_]+)\./.exec(body)?.[1];
      const primary = global !== undefined ? namedIn(blocks.get(`aws_elasticache_global_replication_group.${global}`)?.body ?? '', blocks, ['aws_elasticache_replication_group'], 'id') : new Set<string>();
      for (const from of primary) if (from !== component) links.add(`${from}->${component}:replication`);
    }
  }
  return links;
}

/** The template's connections as Terraform can hold them (see the file comment). */
function carriedConnections({ template, carried, terraform }: RoundTrip): Connection[] {
  const byId = new Map(template.components.map((c) => [c.id, c]));
  const entry = template.components.find((c) => c.kind === 'users' && c.id === 'users');
  const keep = (id: string) => carried.has(id) || id === entry?.id;
  const kind = (id: string) => byId.get(id)?.kind;
  const props = (id: string) => byId.get(id)?.props ?? {};
  const replicationTarget = (id: string) => template.connections.some((c) => c.to === id && c.mode === 'replication' && kind(c.from) === 'relational-db');
  const written = writtenLinks(terraform);
  const carries = (c: Connection): boolean => {
    if (written.has(key(c))) return true;
    if (c.mode === 'async') return false;
    if (c.mode === 'sync') {
      if (kind(c.to) === 'object-storage' || kind(c.to) === 'nat-gateway' || kind(c.to) === 'queue') return false;
      if (kind(c.from) === 'waf' && kind(c.to) === 'load-balancer' && props(c.to).type === 'network') return false;
      return true;
    }
    if (c.mode === 'replication') {
      const instanceDb = (id: string) => kind(id) === 'relational-db' && props(id).ha !== 'cluster' && !String(props(id).engine ?? '').startsWith('aurora');
      return (instanceDb(c.from) && instanceDb(c.to)) || (kind(c.from) === 'object-storage' && kind(c.to) === 'object-storage');
    }
    // Backups: AWS Backup plans for databases that are not replicas of another (and, above, any database a selection names).
    return kind(c.from) === 'relational-db' && !replicationTarget(c.from) && terraform.includes('resource "aws_backup_plan"');
  };
  // A component or connection Terraform does not hold is bypassed: A -> X -> B is carried as A -> B.
  let connections = [...template.connections];
  for (const c of template.components) {
    const blocked = connections.filter((x) => x.from === c.id && !carries(x));
    const outgoing = connections.filter((x) => x.from === c.id);
    if (keep(c.id) && !(blocked.length > 0 && blocked.length === outgoing.length && c.kind === 'waf')) continue;
    const incoming = connections.filter((x) => x.to === c.id && x.mode === 'sync');
    const bypass = incoming.flatMap((a) => outgoing.filter((b) => b.mode === 'sync').map((b) => ({ from: a.from, to: b.to, mode: 'sync' as const })));
    connections = [...connections.filter((x) => x.from !== c.id && x.to !== c.id), ...bypass];
  }
  const seen = new Set<string>();
  return connections.filter((c) => {
    const key = `${c.from}->${c.to}:${c.mode}`;
    if (!keep(c.from) || !keep(c.to) || !carries(c) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const key = (c: Pick<Connection, 'from' | 'to' | 'mode'>) => `${c.from}->${c.to}:${c.mode}`;

/** The template as far as Terraform holds it: carried components and connections, no journeys, props Terraform has no argument for left to defaults. */
function projection(trip: RoundTrip): Design {
  const { template, carried } = trip;
  const replicationTargets = new Set(template.connections.filter((c) => c.mode === 'replication').map((c) => c.to));
  const components: Component[] = template.components
    .filter((c) => carried.has(c.id) || (c.kind === 'users' && c.id === 'users'))
    .map((c) => {
      const props = { ...(c.props ?? {}) };
      for (const prop of NOT_IN_TERRAFORM[c.kind] ?? []) delete props[prop];
      const backup = props.backup as Record<string, unknown> | undefined;
      if (backup) {
        const kept = { ...backup };
        delete kept.restoreTestedDays;
        // Replicas of another database get no AWS Backup plan: copies and accounts are not in the Terraform.
        if (replicationTargets.has(c.id)) {
          delete kept.copyToRegion;
          delete kept.separateAccount;
        }
        // RDS keeps transaction logs whenever automated backups are on: point-in-time recovery comes with them.
        if (c.kind === 'relational-db' && kept.enabled === true) kept.pitr = true;
        props.backup = kept;
      }
      // AWS needs subnets in two zones for a load balancer: the export gives a one-zone balancer a second.
      const region = template.regions.find((r) => r.id === c.region);
      if (c.kind === 'load-balancer' && region && (c.zones?.length ?? 1) < 2) {
        const zones = c.zones ?? [region.zones[0]!];
        return { ...c, props, zones: region.zones.filter((zone) => zones.includes(zone) || zone === region.zones.find((z) => !zones.includes(z))) };
      }
      return { ...c, props };
    });
  return {
    ...template,
    regions: template.regions.map((r) => ({ ...r, failoverTestedDays: undefined, strategy: undefined })),
    components,
    connections: carriedConnections(trip),
    journeys: [],
    suppressions: template.suppressions?.filter((s) => s.component === undefined || carried.has(s.component)),
  };
}

/** Findings as rule and components, the components limited to those the template has. */
function findings(design: Design, ids: ReadonlySet<string>): string[] {
  return analyzeDesign(design)
    .findings.map((f) => `${f.rule}[${f.components.filter((id) => ids.has(id)).sort().join(',')}]`)
    .sort();
}

const templates = readdirSync(TEMPLATES).filter((f) => f.endsWith('.yaml'));

describe.each(templates)('round trip of %s through its Terraform export', (file) => {
  let trip: RoundTrip;
  const load = async () => (trip ??= await roundTrip(file));

  it('gives back every component the Terraform carries, with its kind, region, zones and replicas', async () => {
    const { template, imported, carried } = await load();
    const byId = new Map(imported.components.map((c) => [c.id, c]));
    for (const c of template.components.filter((c) => carried.has(c.id))) {
      const back = byId.get(c.id);
      expect(back, `${c.id} comes back`).toBeDefined();
      expect(back!.kind).toBe(c.kind);
      expect(back!.region, `${c.id}: region`).toBe(c.region);
      const kind = KINDS[c.kind as keyof typeof KINDS];
      const zoneRedundant = kind.capabilities.zoneRedundantService === true && c.kind !== 'nat-gateway';
      const onKubernetes = (c.props?.runtime ?? c.props?.hosting) === 'kubernetes' || c.kind === 'ingress';
      const aurora = String(c.props?.engine ?? '').startsWith('aurora');
      // AWS needs two subnets for a load balancer; Aurora's zones are its instances'; managed services spread themselves.
      if (!zoneRedundant && !aurora && !(c.kind === 'load-balancer' && (c.zones?.length ?? 1) < 2)) expect(back!.zones, `${c.id}: zones`).toEqual(c.zones);
      if (kind.capabilities.instances && !onKubernetes) expect(back!.replicas, `${c.id}: replicas`).toBe(c.replicas);
    }
    expect(imported.regions.map((r) => [r.id, r.location, r.role])).toEqual(template.regions.map((r) => [r.id, r.location, r.role]));
  });

  it('gives back the connections the Terraform carries, and invents none between the template\'s components', async () => {
    const current = await load();
    const ids = new Set(current.template.components.map((c) => c.id));
    const expected = carriedConnections(current).map(key).sort();
    const actual = current.imported.connections.filter((c) => ids.has(c.from) && ids.has(c.to)).map(key).sort();
    expect(actual).toEqual(expected);
  });

  it('validates to the same findings as the template, as far as Terraform holds it', async () => {
    const current = await load();
    const projected = projection(current);
    const ids = new Set(projected.components.map((c) => c.id));
    expect(findings(current.imported, ids)).toEqual(findings(projected, ids));
  });
});
