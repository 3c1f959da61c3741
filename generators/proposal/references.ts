import type { SourceKind } from '../../src/engine/cost';
import type { ProposalReference } from './document';

/**
 * The proposal's references section: every source a figure rests on, cited once, as a public page
 * where there is one, and each said for what it is. A price taken from another project's test output
 * is named as that (a secondary source), never as the provider's price list.
 */
export class ReferenceList {
  readonly #byKey = new Map<string, number>();
  readonly #references: ProposalReference[] = [];

  /** The 1-based number of the reference, adding it on first use. */
  cite(reference: ProposalReference): number {
    const key = reference.url ?? reference.title;
    const known = this.#byKey.get(key);
    if (known !== undefined) return known;
    this.#references.push(reference);
    this.#byKey.set(key, this.#references.length);
    return this.#references.length;
  }

  get references(): readonly ProposalReference[] {
    return this.#references;
  }
}

/** Public pages of the sources the engine's assumptions name, by the name's start. */
const NAMED_SOURCES: readonly { readonly prefix: string; readonly title: string; readonly url?: string; readonly note: string }[] = [
  { prefix: 'Amazon RDS User Guide, "Failing over a Multi-AZ DB instance"', title: 'Amazon RDS User Guide: Failing over a Multi-AZ DB instance', url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.Failover.html', note: 'AWS documentation' },
  { prefix: 'Amazon RDS User Guide, "Restoring a DB instance to a specified time"', title: 'Amazon RDS User Guide: Restoring a DB instance to a specified time', url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIT.html', note: 'AWS documentation' },
  { prefix: 'Amazon RDS read replica promotion', title: 'Amazon RDS User Guide: Promoting a read replica', url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.Promote.html', note: 'AWS documentation' },
  { prefix: 'Amazon Aurora and RDS Multi-AZ DB cluster documentation', title: 'Amazon RDS User Guide: Failover process for Multi-AZ DB clusters', url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/multi-az-db-clusters-concepts-failover.html', note: 'AWS documentation' },
  { prefix: 'Amazon Aurora Global Database', title: 'Amazon Aurora User Guide: Aurora Global Database', url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html', note: 'AWS documentation' },
  { prefix: 'Amazon ElastiCache documentation', title: 'Amazon ElastiCache: Multi-AZ with automatic failover', url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html', note: 'AWS documentation' },
  { prefix: 'Elastic Load Balancing, "Health checks for Application Load Balancer target groups"', title: 'Elastic Load Balancing: health checks for Application Load Balancer target groups', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html', note: 'AWS documentation' },
  { prefix: 'Elastic Load Balancing, "Health checks for Network Load Balancer target groups"', title: 'Elastic Load Balancing: health checks for Network Load Balancer target groups', url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html', note: 'AWS documentation' },
  { prefix: 'Amazon Route 53 Developer Guide, "How Amazon Route 53 determines whether a health check is healthy"', title: 'Amazon Route 53 Developer Guide: how Route 53 determines whether a health check is healthy', url: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html', note: 'AWS documentation' },
  { prefix: 'AWS whitepaper "Disaster Recovery of Workloads on AWS"', title: 'AWS whitepaper: Disaster Recovery of Workloads on AWS', url: 'https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/disaster-recovery-options-in-the-cloud.html', note: 'AWS whitepaper' },
  { prefix: 'AWS Backup Developer Guide', title: 'AWS Backup Developer Guide: Copy a backup', url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/recov-point-create-a-copy.html', note: 'AWS documentation' },
  { prefix: 'Amazon S3 User Guide, "Meeting compliance requirements using S3 Replication Time Control"', title: 'Amazon S3 User Guide: S3 Replication Time Control', url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-time-control.html', note: 'AWS documentation' },
  { prefix: 'Amazon S3 User Guide, replication', title: 'Amazon S3 User Guide: Troubleshooting replication', url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-troubleshoot.html', note: 'AWS documentation' },
  { prefix: 'AWS Well-Architected', title: 'AWS Well-Architected Framework: Reliability Pillar', url: 'https://docs.aws.amazon.com/wellarchitected/latest/reliability-pillar/welcome.html', note: 'AWS documentation' },
  { prefix: 'AWS News Blog on the S3 SLA', title: 'AWS News Blog: the Amazon S3 service level agreement', note: 'AWS blog post, named without a link' },
  { prefix: 'Azure Database for PostgreSQL', title: 'Azure Database for PostgreSQL flexible server: backup and restore', url: 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-backup-restore', note: 'Microsoft documentation' },
  { prefix: 'Cloud Storage turbo replication', title: 'Google Cloud Storage: turbo replication', url: 'https://cloud.google.com/storage/docs/availability-durability', note: 'Google Cloud documentation' },
  { prefix: 'CloudNativePG', title: 'CloudNativePG documentation: automated failover', url: 'https://cloudnative-pg.io/documentation/current/failover/', note: 'project documentation' },
  { prefix: 'Redis', title: 'Redis documentation: replication', url: 'https://redis.io/docs/latest/operate/oss_and_stack/management/replication/', note: 'project documentation' },
  { prefix: 'docs/reliability-reference.md', title: 'Ninesmith reliability reference (docs/reliability-reference.md, shipped with Ninesmith)', note: "Ninesmith's own reference, which names the provider pages it rests on" },
  { prefix: 'Designer convention', title: 'Ninesmith design conventions', note: 'an estimate Ninesmith makes where no provider publishes a figure; each can be changed in the design\'s assumptions' },
  { prefix: 'The service incident duration', title: 'Ninesmith design conventions', note: 'an estimate Ninesmith makes where no provider publishes a figure; each can be changed in the design\'s assumptions' },
];

/** The providers' SLA pages: what the SLA floor multiplies. */
export const SLA_REFERENCES: Readonly<Record<string, ProposalReference>> = {
  aws: { title: 'AWS service level agreements', url: 'https://aws.amazon.com/legal/service-level-agreements/', note: 'AWS legal pages: service-credit commitments, not forecasts' },
  azure: { title: 'Microsoft Azure service level agreements', url: 'https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services', note: 'Microsoft licensing pages: service-credit commitments, not forecasts' },
  gcp: { title: 'Google Cloud service level agreements', url: 'https://cloud.google.com/terms/sla', note: 'Google Cloud legal pages: service-credit commitments, not forecasts' },
};

/** The references one assumption's source text names (parts separated by "; "). */
export function assumptionReferences(source: string): ProposalReference[] {
  const out: ProposalReference[] = [];
  for (const part of source.split(/;\s+/)) {
    const trimmed = part.trim();
    if (trimmed === '') continue;
    const named = NAMED_SOURCES.find((entry) => trimmed.startsWith(entry.prefix) || trimmed.includes(entry.prefix));
    if (named) out.push({ title: named.title, ...(named.url ? { url: named.url } : {}), note: named.note });
    else out.push({ title: trimmed, note: 'named source, without a public page linked' });
  }
  return out;
}

const GITHUB_SOURCE = /^github\.com\/([\w.-]+)\/([\w.-]+) @ ([0-9a-f]{7,40}) (\S+)(?: \((.*)\))?/;
const PAGE_SOURCE = /^((?:[\w-]+\.)+[a-z]{2,}\/\S*)(?: \((.*)\))?/;

/**
 * A price source as a reference a client can follow: a page of the provider, or a secondary source
 * said to be one (another project's test output, a third-party data set or article).
 */
export function priceReference(source: string, kind: SourceKind | undefined): ProposalReference {
  const github = GITHUB_SOURCE.exec(source);
  if (github) {
    const [, owner, repo, commit, path, description] = github;
    const url = `https://github.com/${owner}/${repo}/blob/${commit}/${path}`;
    const file = path!.split('/').pop()!;
    if (kind === 'test-fixture') {
      return { title: `${owner}/${repo}: test output ${file}`, url, note: `test output of the open-source ${repo} project${description ? ` (${description.replace(/\)$/, '')})` : ''}: a secondary source, not the provider's own price list` };
    }
    return { title: `${owner}/${repo}: ${file}`, url, note: `${kind === 'third-party' ? 'third-party data' : 'data'}${description ? `, ${description}` : ''}: a secondary source, not the provider's own price list` };
  }
  const page = PAGE_SOURCE.exec(source);
  if (page) {
    const [, address, description] = page;
    const cleaned = description?.replace(/\s*via pages corpus\s*$/, '');
    const firstParty = kind === 'price-list' || kind === 'price-page' || kind === 'provider-docs';
    return { title: address!.split('/').slice(0, 1)[0]! + (address!.includes('/') ? `: ${address!.split('/').slice(1).join('/')}` : ''), url: `https://${address}`, note: firstParty ? `the provider's own pages${cleaned ? `, ${cleaned}` : ''}` : `a secondary source${cleaned ? `: ${cleaned}` : ''}, not the provider's own price list` };
  }
  if (kind === 'imported') return { title: source, note: 'your imported price book' };
  return { title: source, note: kind === undefined ? 'source of unknown kind' : `a ${kind} source` };
}
