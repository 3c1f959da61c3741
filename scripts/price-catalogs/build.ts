// Builds the price catalogs in public/prices/ from the reference list prices
// (scripts/price-catalogs/pricing-reference.json, the vendored reference list prices).
//
//   npx tsx scripts/price-catalogs/build.ts            # writes public/prices/{aws,azure,gcp}.json
//   npx tsx scripts/price-catalogs/build.ts --check    # exits 1 when the committed catalogs are stale
//
// Every catalog price is one reference entry, renamed to a price key the estimators ask for
// (`compute/m5.large`, `db/storage-multi-az`) and kept with its source, date, note and
// uncertainty. Nothing is computed or invented here: the figure is the reference figure.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROVIDERS } from '../../src/model';
import { asOfDate, type CatalogPrice, type CommitmentRate, type InstanceShape, type PriceCatalog } from '../../src/engine/cost/price-catalog';
import { SOURCE_KINDS, type SourceKind } from '../../src/engine/cost/types';

export { SOURCE_KINDS, type SourceKind };

export interface ReferenceEntry {
  provider: string;
  service: string;
  sku: string;
  unit: string;
  usd: number;
  region: string;
  source: string;
  asOf: string;
  usdPerMonth730h?: number;
  note?: string;
  uncertain?: boolean;
  /** What kind of source it is: first-party (price-list, price-page, provider-docs) or not (test-fixture, third-party). */
  sourceKind: SourceKind;
}

/** First-party kinds a reference entry can have (an imported price book is never a reference entry). */
export const FIRST_PARTY: ReadonlySet<string> = new Set(['price-list', 'price-page', 'provider-docs']);

/** A commitment rate in the reference, for one provider. */
export type CommitmentJson = CommitmentRate & { provider: string; sourceKind: SourceKind };

export interface ReferenceFile {
  _meta: { notFound: string[]; hoursPerMonth: number; currency: string };
  entries: ReferenceEntry[];
  /** vCPUs and memory per instance type, per provider, with where they are specified. */
  shapes?: Record<string, Record<string, InstanceShape>>;
  /** Commitment rates (first-party only), per provider. */
  commitments?: CommitmentJson[];
}

/** How one reference entry becomes a catalog price. */
interface Mapping {
  provider: string;
  service: RegExp;
  sku: RegExp;
  /** The price key; `$1` is replaced by the sku's first capture group. */
  key: string;
  /** Short service code that adjustments scope to (`aws/rds`). */
  serviceCode: string;
  /** What the estimator counts: instance-hour, GB-month, request... */
  quantityUnit: string;
  /** How many of quantityUnit the reference price is for (1M requests: 1e6). */
  per?: number;
}

const m = (provider: string, service: RegExp, sku: RegExp, key: string, serviceCode: string, quantityUnit: string, per = 1): Mapping => ({
  provider,
  service,
  sku,
  key,
  serviceCode,
  quantityUnit,
  per,
});

const MAPPINGS: readonly Mapping[] = [
  // AWS
  m('aws', /^EC2$/, /^(\S+) Linux on-demand$/, 'compute/$1', 'ec2', 'instance-hour'),
  m('aws', /^Fargate/, /^vCPU/, 'containers/vcpu', 'fargate', 'vCPU-hour'),
  m('aws', /^Fargate/, /^memory/, 'containers/memory', 'fargate', 'GB-hour'),
  m('aws', /^EKS$/, /standard support/, 'kubernetes/control-plane', 'eks', 'cluster-hour'),
  m('aws', /^EKS$/, /extended support/, 'kubernetes/control-plane-extended', 'eks', 'cluster-hour'),
  m('aws', /^Elastic Load Balancing$/, /^Application Load Balancer$/, 'lb/application', 'elb', 'LB-hour'),
  m('aws', /^Elastic Load Balancing$/, /^ALB Load Balancer Capacity Unit$/, 'lb/application-lcu', 'elb', 'LCU-hour'),
  m('aws', /^Elastic Load Balancing$/, /^Network Load Balancer$/, 'lb/network', 'elb', 'LB-hour'),
  m('aws', /^Elastic Load Balancing$/, /^NLB Capacity Unit$/, 'lb/network-lcu', 'elb', 'NLCU-hour'),
  m('aws', /^VPC$/, /^NAT gateway$/, 'nat/gateway', 'vpc', 'gateway-hour'),
  m('aws', /^VPC$/, /^NAT gateway data processed$/, 'nat/data', 'vpc', 'GB'),
  m('aws', /^Data Transfer$/, /inter-AZ/, 'transfer/inter-zone', 'data-transfer', 'GB'),
  m('aws', /^Data Transfer$/, /^inter-region out to other regions$/, 'transfer/inter-region', 'data-transfer', 'GB'),
  m('aws', /^Data Transfer$/, /^inter-region out to US East \(Ohio\)$/, 'transfer/inter-region-us-east-2', 'data-transfer', 'GB'),
  m('aws', /^Data Transfer$/, /first 10 TB/, 'transfer/internet-tier1', 'data-transfer', 'GB'),
  m('aws', /^Data Transfer$/, /next 40 TB/, 'transfer/internet-tier2', 'data-transfer', 'GB'),
  m('aws', /^Data Transfer$/, /next 100 TB/, 'transfer/internet-tier3', 'data-transfer', 'GB'),
  m('aws', /^RDS for PostgreSQL$/, /^(db\.\S+) Single-AZ on-demand$/, 'db/postgres/$1', 'rds', 'instance-hour'),
  m('aws', /^RDS for PostgreSQL$/, /^Multi-AZ DB instance/, 'db/multi-az-multiplier', 'rds', 'x Single-AZ price'),
  m('aws', /^RDS \(all engines\)$/, /^General Purpose SSD gp3 storage, Single-AZ$/, 'db/storage', 'rds', 'GB-month'),
  m('aws', /^RDS \(all engines\)$/, /^General Purpose SSD gp3 storage, Multi-AZ$/, 'db/storage-multi-az', 'rds', 'GB-month'),
  m('aws', /^RDS \(all engines\)$/, /^gp3 provisioned IOPS/, 'db/iops', 'rds', 'IOPS-month'),
  m('aws', /^RDS \(all engines\)$/, /^Provisioned IOPS SSD io1 storage/, 'db/storage-io1', 'rds', 'GB-month'),
  m('aws', /^RDS \(all engines\)$/, /^io1 provisioned IOPS/, 'db/iops-io1', 'rds', 'IOPS-month'),
  m('aws', /^RDS \(all engines\)$/, /^additional backup storage/, 'db/backup', 'rds', 'GB-month'),
  m('aws', /^RDS \(all engines\)$/, /^Extended Support/, 'db/extended-support', 'rds', 'vCPU-hour'),
  m('aws', /^Aurora PostgreSQL \(Standard\)$/, /^(db\.\S+) instance on-demand$/, 'db/aurora-postgresql/$1', 'rds', 'instance-hour'),
  m('aws', /^Aurora \(Standard\)$/, /^cluster storage$/, 'db/aurora-storage', 'rds', 'GB-month'),
  m('aws', /^Aurora \(Standard\)$/, /^I\/O requests$/, 'db/aurora-io', 'rds', 'request', 1e6),
  m('aws', /^Aurora \(I\/O-Optimized\)$/, /^cluster storage$/, 'db/aurora-storage-io-optimized', 'rds', 'GB-month'),
  m('aws', /^Aurora$/, /^backup storage/, 'db/aurora-backup', 'rds', 'GB-month'),
  m('aws', /^Aurora$/, /^Serverless v2 capacity \(Standard\)$/, 'db/aurora-serverless', 'rds', 'ACU-hour'),
  m('aws', /^Aurora$/, /^Serverless v2 capacity \(I\/O-Optimized\)$/, 'db/aurora-serverless-io-optimized', 'rds', 'ACU-hour'),
  m('aws', /^ElastiCache \(Redis OSS\)$/, /^(cache\.\S+) node on-demand$/, 'cache/redis/$1', 'elasticache', 'node-hour'),
  m('aws', /^ElastiCache$/, /^backup \(snapshot\) storage$/, 'cache/backup', 'elasticache', 'GB-month'),
  m('aws', /^Lambda$/, /^requests$/, 'functions/requests', 'lambda', 'request', 1e6),
  m('aws', /^Lambda$/, /^duration \(x86\)$/, 'functions/duration', 'lambda', 'GB-second'),
  m('aws', /^SQS$/, /^Standard queue requests$/, 'queue/standard-requests', 'sqs', 'request', 1e6),
  m('aws', /^SQS$/, /^FIFO queue requests$/, 'queue/fifo-requests', 'sqs', 'request', 1e6),
  m('aws', /^S3$/, /^Standard storage/, 'object/standard', 's3', 'GB-month'),
  m('aws', /^S3$/, /^Standard PUT/, 'object/write-requests', 's3', 'request', 1e3),
  m('aws', /^S3$/, /^Standard GET/, 'object/read-requests', 's3', 'request', 1e3),
  m('aws', /^S3$/, /^Standard-Infrequent Access storage$/, 'object/infrequent', 's3', 'GB-month'),
  m('aws', /^S3$/, /^Glacier Flexible Retrieval storage$/, 'object/archive', 's3', 'GB-month'),
  m('aws', /^CloudFront$/, /^data transfer out, US\/Mexico\/Canada, first 10 TB$/, 'cdn/data-out-tier1', 'cloudfront', 'GB'),
  m('aws', /^CloudFront$/, /^data transfer out, US\/Mexico\/Canada, next 40 TB$/, 'cdn/data-out-tier2', 'cloudfront', 'GB'),
  m('aws', /^CloudFront$/, /^HTTPS requests/, 'cdn/https-requests', 'cloudfront', 'request', 1e4),
  m('aws', /^CloudFront$/, /^data transfer out to origin/, 'cdn/origin-out', 'cloudfront', 'GB'),
  m('aws', /^Route 53$/, /^hosted zone$/, 'dns/zone', 'route53', 'zone-month'),
  m('aws', /^Route 53$/, /^standard queries/, 'dns/queries', 'route53', 'query', 1e6),
  m('aws', /^Route 53$/, /^latency-based routing queries/, 'dns/latency-queries', 'route53', 'query', 1e6),
  m('aws', /^Route 53$/, /^geo DNS queries/, 'dns/geo-queries', 'route53', 'query', 1e6),
  m('aws', /^Route 53$/, /^health check, AWS endpoint$/, 'dns/health-check', 'route53', 'check-month'),
  m('aws', /^Route 53$/, /^health check, non-AWS endpoint$/, 'dns/health-check-external', 'route53', 'check-month'),
  m('aws', /^WAF \(v2\)$/, /^web ACL$/, 'waf/web-acl', 'waf', 'web ACL-month'),
  m('aws', /^WAF \(v2\)$/, /^rule$/, 'waf/rule', 'waf', 'rule-month'),
  m('aws', /^WAF \(v2\)$/, /^rule group/, 'waf/rule-group', 'waf', 'group-month'),
  m('aws', /^WAF \(v2\)$/, /^requests$/, 'waf/requests', 'waf', 'request', 1e6),
  m('aws', /^CloudWatch Logs$/, /^data ingested/, 'logs/ingest', 'cloudwatch', 'GB'),
  m('aws', /^CloudWatch Logs$/, /^archival storage$/, 'logs/storage', 'cloudwatch', 'GB-month'),
  m('aws', /^CloudWatch Logs$/, /^Logs Insights/, 'logs/insights-scan', 'cloudwatch', 'GB'),
  m('aws', /^CloudWatch$/, /^alarm, standard resolution$/, 'monitoring/alarm', 'cloudwatch', 'alarm-month'),
  m('aws', /^CloudWatch$/, /^alarm, high resolution$/, 'monitoring/alarm-high-resolution', 'cloudwatch', 'alarm-month'),
  m('aws', /^Secrets Manager$/, /^secret$/, 'secrets/secret', 'secrets-manager', 'secret-month'),
  m('aws', /^Secrets Manager$/, /^API requests$/, 'secrets/requests', 'secrets-manager', 'request', 1e4),
  m('aws', /^KMS$/, /^customer managed key$/, 'keys/key', 'kms', 'key-month'),
  m('aws', /^KMS$/, /^symmetric requests$/, 'keys/requests', 'kms', 'request', 1e4),
  m('aws', /^AWS Backup$/, /^RDS snapshot storage$/, 'backup/rds-snapshot', 'backup', 'GB-month'),
  m('aws', /^AWS Backup$/, /^Aurora snapshot storage$/, 'backup/aurora-snapshot', 'backup', 'GB-month'),
  m('aws', /^AWS Backup$/, /^EBS snapshot storage$/, 'backup/ebs-snapshot', 'backup', 'GB-month'),
  m('aws', /^AWS Backup$/, /^EFS backup, warm$/, 'backup/efs-warm', 'backup', 'GB-month'),
  m('aws', /^AWS Backup$/, /^EFS backup, cold$/, 'backup/efs-cold', 'backup', 'GB-month'),
  m('aws', /^AWS Backup$/, /^DynamoDB backup$/, 'backup/dynamodb', 'backup', 'GB-month'),
  // Azure
  m('azure', /^Database for PostgreSQL Flexible Server$/, /^(\S+) compute$/, 'db/postgres/$1', 'postgresql', 'instance-hour'),
  m('azure', /^Database for PostgreSQL Flexible Server$/, /^storage$/, 'db/storage', 'postgresql', 'GB-month'),
  m('azure', /^Database for PostgreSQL Flexible Server$/, /^additional backup storage$/, 'db/backup', 'postgresql', 'GB-month'),
  m('azure', /^Azure Cache for Redis$/, /^Standard (C\d+)/, 'cache/redis/Standard_$1', 'redis', 'node-hour', 730),
  m('azure', /^Azure Cache for Redis$/, /^Premium (P\d+)/, 'cache/redis/Premium_$1', 'redis', 'node-hour', 730),
  m('azure', /^AKS$/, /cluster fee$/, 'kubernetes/control-plane', 'aks', 'cluster-hour'),
  m('azure', /^Virtual Machines$/, /^(Standard_\S+) Linux pay-as-you-go$/, 'compute/$1', 'virtual-machines', 'instance-hour'),
  m('azure', /^Application Gateway$/, /^WAF_v2 fixed gateway$/, 'waf/gateway', 'application-gateway', 'gateway-hour'),
  m('azure', /^Application Gateway$/, /^WAF_v2 capacity unit$/, 'waf/capacity-unit', 'application-gateway', 'CU-hour'),
  m('azure', /^Front Door \(classic\)$/, /^routing rules/, 'cdn/routing-rule', 'front-door', 'rule-hour'),
  m('azure', /^Front Door \(classic\)$/, /^egress/, 'cdn/data-out-tier1', 'front-door', 'GB'),
  m('azure', /^DNS$/, /^public zone$/, 'dns/zone', 'dns', 'zone-month'),
  m('azure', /^NAT Gateway$/, /^gateway$/, 'nat/gateway', 'nat-gateway', 'gateway-hour'),
  m('azure', /^NAT Gateway$/, /^data processed$/, 'nat/data', 'nat-gateway', 'GB'),
  m('azure', /^Log Analytics$/, /ingestion/, 'logs/ingest', 'log-analytics', 'GB'),
  m('azure', /^Service Bus$/, /namespace base charge$/, 'queue/namespace', 'service-bus', 'namespace-month'),
  m('azure', /^Service Bus$/, /messaging operations/, 'queue/operations', 'service-bus', 'operation', 1e6),
  // GCP
  m('gcp', /^Cloud SQL/, /^vCPU, zonal$/, 'db/vcpu', 'cloud-sql', 'vCPU-hour'),
  m('gcp', /^Cloud SQL$/, /^memory, zonal$/, 'db/memory', 'cloud-sql', 'GB-month'),
  m('gcp', /^Cloud SQL$/, /^vCPU, regional/, 'db/vcpu-ha', 'cloud-sql', 'vCPU-hour'),
  m('gcp', /^Cloud SQL$/, /^memory, regional/, 'db/memory-ha', 'cloud-sql', 'GB-month'),
  m('gcp', /^Cloud SQL$/, /^SSD storage, zonal$/, 'db/storage', 'cloud-sql', 'GB-month'),
  m('gcp', /^Cloud SQL$/, /^SSD storage, regional/, 'db/storage-multi-az', 'cloud-sql', 'GB-month'),
  m('gcp', /^Cloud SQL$/, /^backups$/, 'db/backup', 'cloud-sql', 'GB-month'),
  m('gcp', /^Memorystore for Redis$/, /^Basic tier (M\d)/, 'cache/redis-basic-$1', 'memorystore', 'GB-hour'),
  m('gcp', /^Memorystore for Redis$/, /^Standard tier \(HA\) (M\d)/, 'cache/redis-standard-$1', 'memorystore', 'GB-hour'),
  m('gcp', /^GKE$/, /^cluster management fee$/, 'kubernetes/control-plane', 'gke', 'cluster-hour'),
  m('gcp', /^Compute Engine$/, /^(\S+) on-demand$/, 'compute/$1', 'compute-engine', 'instance-hour'),
  m('gcp', /^Cloud Storage$/, /^Standard storage/, 'object/standard', 'cloud-storage', 'GB-month'),
  m('gcp', /^Cloud Storage$/, /^Class A operations/, 'object/write-requests', 'cloud-storage', 'request', 1e4),
  m('gcp', /^Cloud DNS$/, /^managed zone$/, 'dns/zone', 'cloud-dns', 'zone-month'),
  m('gcp', /^Cloud NAT$/, /^gateway, per assigned VM/, 'nat/vm', 'cloud-nat', 'VM-hour'),
  m('gcp', /^Cloud NAT$/, /^data processed$/, 'nat/data', 'cloud-nat', 'GB'),
  m('gcp', /^Pub\/Sub$/, /^message ingestion$/, 'queue/ingest', 'pubsub', 'GB', 1024),
  m('gcp', /^Secret Manager$/, /^active secret version$/, 'secrets/secret', 'secret-manager', 'secret-month'),
  m('gcp', /^Secret Manager$/, /^access operations$/, 'secrets/requests', 'secret-manager', 'request', 1e4),
];

/** Where a price applies: a provider region code, or `global` for services priced the same everywhere. */
/**
 * A reference note as a user reads it beside a price. The reference was compiled partly from
 * Infracost's test suite, whose expected outputs its notes call "goldens": test jargon that means
 * nothing beside a cost line. The figures and the rest of the wording stay as the reference has them.
 */
export function readableNote(note: string): string {
  return note
    .replace(/\binfracost (\S+) goldens?\b/gi, "Infracost's $1 test output")
    .replace(/\b(the )?goldens?\b/gi, "Infracost's test output");
}

function normaliseRegion(region: string): string {
  if (/^global/i.test(region)) return 'global';
  if (/\(global service\)/.test(region)) return 'global';
  return region;
}

export interface BuildResult {
  catalogs: PriceCatalog[];
  /** Reference entries that no mapping covers (none, today: a test keeps it so). */
  unmapped: ReferenceEntry[];
}

export function buildCatalogs(reference: ReferenceFile): BuildResult {
  const byProvider = new Map<string, CatalogPrice[]>(PROVIDERS.map((p) => [p, []]));
  const unmapped: ReferenceEntry[] = [];
  for (const entry of reference.entries) {
    const mapping = MAPPINGS.find((candidate) => candidate.provider === entry.provider && candidate.service.test(entry.service) && candidate.sku.test(entry.sku));
    const prices = byProvider.get(entry.provider);
    if (!mapping || !prices) {
      unmapped.push(entry);
      continue;
    }
    const match = mapping.sku.exec(entry.sku);
    const key = mapping.key.replace('$1', match?.[1] ?? '');
    const price: CatalogPrice = {
      key,
      serviceCode: mapping.serviceCode,
      service: entry.service,
      sku: entry.sku,
      region: normaliseRegion(entry.region),
      usd: entry.usd,
      unit: entry.unit,
      quantityUnit: mapping.quantityUnit,
      per: mapping.per ?? 1,
      source: entry.source,
      asOf: entry.asOf,
      sourceKind: entry.sourceKind,
    };
    if (entry.note) price.note = readableNote(entry.note);
    if (entry.uncertain) price.uncertain = true;
    prices.push(price);
  }
  const catalogs = PROVIDERS.map((provider): PriceCatalog => {
    const prices = [...(byProvider.get(provider) ?? [])].sort((a, b) => (a.key === b.key ? a.region.localeCompare(b.region) : a.key.localeCompare(b.key)));
    const dates = prices.map((p) => asOfDate(p.asOf)).sort();
    const shapes = reference.shapes?.[provider] ?? {};
    const commitments = (reference.commitments ?? [])
      .filter((c) => c.provider === provider)
      .map(({ provider: _provider, ...rest }) => rest)
      .sort((a, b) => `${a.term} ${a.key ?? a.serviceCode ?? ''} ${a.region}`.localeCompare(`${b.term} ${b.key ?? b.serviceCode ?? ''} ${b.region}`));
    return {
      format: 1,
      provider,
      currency: reference._meta.currency,
      hoursPerMonth: reference._meta.hoursPerMonth,
      asOf: dates[0] ?? '',
      description: `List prices for ${provider.toUpperCase()}, generated by scripts/price-catalogs/build.ts from the reference prices; every price keeps its source, the kind of source and its date. A region a price is not listed for is not priced from another region.`,
      notFound: reference._meta.notFound,
      prices,
      shapes: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => a.localeCompare(b))),
      commitments,
    };
  });
  return { catalogs, unmapped };
}

export function catalogText(catalog: PriceCatalog): string {
  return `${JSON.stringify(catalog, null, 1)}\n`;
}

const here = dirname(fileURLToPath(import.meta.url));
export const REFERENCE_PATH = join(here, 'pricing-reference.json');
export const CATALOG_DIR = join(here, '..', '..', 'public', 'prices');

function main(): void {
  const reference = JSON.parse(readFileSync(REFERENCE_PATH, 'utf8')) as ReferenceFile;
  const { catalogs, unmapped } = buildCatalogs(reference);
  if (unmapped.length > 0) {
    console.error(`price-catalogs: ${unmapped.length} reference entries have no mapping:\n${unmapped.map((e) => `  ${e.provider} ${e.service}: ${e.sku}`).join('\n')}`);
    process.exit(1);
  }
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const catalog of catalogs) {
    const path = join(CATALOG_DIR, `${catalog.provider}.json`);
    const text = catalogText(catalog);
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        current = '';
      }
      if (current !== text) {
        console.error(`price-catalogs: ${path} is stale; run npx tsx scripts/price-catalogs/build.ts`);
        stale += 1;
      }
    } else {
      writeFileSync(path, text);
      console.log(`price-catalogs: wrote ${path} (${catalog.prices.length} prices, as of ${catalog.asOf})`);
    }
  }
  if (stale > 0) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
