import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../../../catalog';
import { estimateCost } from '../estimate';
import { fixture, importedBook, loadCatalogs } from '../testing';
import type { CostReport, LineItem } from '../types';
import { ESTIMATORS } from './index';

const catalogs = loadCatalogs();

function line(report: CostReport, componentId: string, what: RegExp): LineItem {
  const found = report.lineItems.find((l) => l.componentId === componentId && what.test(l.what));
  if (!found) throw new Error(`no line ${what} for ${componentId}: ${report.lineItems.map((l) => l.what).join(', ')}`);
  return found;
}

describe('the estimator registry', () => {
  it('has exactly one estimator per catalog kind', () => {
    expect(Object.keys(ESTIMATORS).sort()).toEqual(ALL_KINDS.map((k) => k.id).sort());
  });

  it('gives every kind an answer: a priced line or a named non-priced one, never a silent zero', () => {
    const report = estimateCost(fixture('every-kind'), catalogs);
    const kinds = new Set(report.components.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(ALL_KINDS.map((k) => k.id).sort());
    for (const component of report.components) {
      const lines = report.lineItems.filter((l) => l.componentId === component.id);
      expect(lines.length, component.id).toBeGreaterThan(0);
      if (component.monthlyCents.expected === 0) expect(component.status, component.id).not.toBe('priced');
    }
  });

  it('keeps free, depends-on-usage, not-in-catalog, included and external apart', () => {
    const report = estimateCost(fixture('every-kind'), catalogs);
    const status = (id: string) => report.components.find((c) => c.id === id)?.status;
    expect(status('users')).toBe('external');
    expect(status('erp')).toBe('external');
    expect(status('warehouse')).toBe('not-in-catalog');
    expect(status('api-gw')).toBe('not-in-catalog');
    expect(line(report, 'lb', /Data out to the internet/).status).toBe('usage');
    expect(line(report, 'lb', /Data out to the internet/).notes.join()).toContain('pricing.usage.lb.internetEgressGbPerMonth');
    // The input that would price it is listed, unset, so the app can offer it for editing.
    expect(report.assumptions.find((a) => a.componentId === 'lb' && a.name === 'internetEgressGbPerMonth')).toMatchObject({ value: null, origin: 'unset' });
    expect(line(report, 'ingress', /Controller pods/).status).toBe('included');
    expect(line(report, 'db', /Backup storage up to/).status).toBe('free');
    expect(report.unpriced.map((u) => u.componentId)).toEqual(expect.arrayContaining(['users', 'erp', 'warehouse', 'api-gw', 'lb', 'ingress']));
  });
});

describe('figures worked by hand from the reference prices', () => {
  it('three m5.large instances for a month', () => {
    // Reference: aws EC2 "m5.large Linux on-demand" $0.096/hour, us-east-1.
    // 3 instances x 730 h x $0.096 = $210.24.
    const report = estimateCost(fixture('three-m5-large'), catalogs);
    const instances = line(report, 'api', /Instances \(3 x m5\.large\)/);
    expect(instances.quantity?.expected).toBe(2190);
    expect(instances.unitPrice).toBe(0.096);
    expect(instances.source).toContain('eks_node_group_test');
    // Another project's test data is not a first-party source: the line says so, and so does the report.
    expect(instances.sourceKind).toBe('test-fixture');
    expect(instances.notes.join()).toContain('not a first-party source');
    expect(report.secondarySourceLines).toBe(1);
    expect(instances.monthlyCents.expected).toBe(21024);
    expect(report.monthly).toBe(210.24);
    expect(report.yearly).toBe(2522.88);
  });

  it('a Multi-AZ db.r6g.large PostgreSQL with 200 GB pays for its standby', () => {
    // Reference: "RDS for PostgreSQL db.r6g.large Single-AZ on-demand" $0.225/instance-hour;
    // "Multi-AZ DB instance (one standby) multiplier" 2.0 (marked uncertain);
    // "RDS (all engines) General Purpose SSD gp3 storage, Multi-AZ" $0.23/GB-month.
    // Primary 730 x 0.225 = 164.25; standby 730 x 0.225 x (2.0 - 1) = 164.25; storage 200 x 0.23 = 46.00.
    // Total 374.50.
    const report = estimateCost(fixture('multi-az-postgres'), catalogs);
    expect(line(report, 'db', /^Primary instance/).monthlyCents.expected).toBe(16425);
    const standby = line(report, 'db', /Multi-AZ standby/);
    expect(standby.monthlyCents.expected).toBe(16425);
    expect(standby.uncertain).toBe(true);
    expect(line(report, 'db', /^Storage/).monthlyCents.expected).toBe(4600);
    expect(report.monthly).toBe(374.5);
    expect(report.notes.join('\n')).toContain('uncertain');
  });

  it('a NAT gateway per zone', () => {
    // Reference: "VPC NAT gateway" $0.045/gateway-hour and "NAT gateway data processed" $0.045/GB.
    // 3 zones x 730 h x 0.045 = 98.55; 100 GB x 0.045 = 4.50. Total 103.05.
    const report = estimateCost(fixture('nat-per-zone'), catalogs);
    const gateways = line(report, 'nat', /NAT gateways/);
    expect(gateways.quantity?.expected).toBe(3 * 730);
    expect(gateways.monthlyCents.expected).toBe(9855);
    expect(line(report, 'nat', /Data processed/).monthlyCents.expected).toBe(450);
    expect(report.monthly).toBe(103.05);
  });

  it('read replicas and cache replicas are each a full instance', () => {
    const report = estimateCost(fixture('every-kind'), catalogs);
    // cache.r6g.large $0.206/node-hour: one replica node = 730 x 0.206 = 150.38.
    expect(line(report, 'redis', /Replica nodes \(1 x cache\.r6g\.large\)/).monthlyCents.expected).toBe(15038);
    // Backups copied to us-west-2: the catalog has no us-west-2 price, so the line says so (never us-east-1's).
    const copies = line(report, 'db', /Backup copies in region dr/);
    expect(copies.status).toBe('not-in-region');
    expect(copies.notes.join()).toContain('in us-west-2');
    expect(line(report, 'db', /Backup copies: transfer to us-west-2/).priceKey).toBe('transfer/inter-region');
    // A replication connection to another region carries the changed data: 100 GB x 0.2 = 20 GB x $0.02.
    expect(line(report, 'db', /Data transfer to region dr/).monthlyCents.expected).toBe(40);
  });

  it('prices a Kubernetes control plane once per region, with the first workload that needs it', () => {
    const report = estimateCost(fixture('every-kind'), catalogs);
    const planes = report.lineItems.filter((l) => l.priceKey === 'kubernetes/control-plane');
    expect(planes.map((l) => l.componentId)).toEqual(['ingress']);
    // EKS standard support $0.10/cluster-hour x 730 = 73.00.
    expect(planes[0]?.monthlyCents.expected).toBe(7300);
  });

  it('prices Cloud SQL by vCPU and memory at the regional (HA) rates', () => {
    // Reference (gcp, us-central1): Cloud SQL "vCPU, regional (HA)" $0.0826/vCPU-hour,
    // "memory, regional (HA)" $10.22/GB-month, "SSD storage, regional (HA)" $0.34/GB-month.
    // db-custom-2-7680: 2 x 730 x 0.0826 = 120.596 -> 120.60; 7.5 GB x 10.22 = 76.65; 100 GB x 0.34 = 34.00.
    // Compute Engine "e2-medium on-demand" $0.0335/hour: 3 x 730 x 0.0335 = 73.365 -> 73.37.
    const report = estimateCost(fixture('gcp-cloud-sql'), catalogs);
    expect(line(report, 'db', /Primary vCPUs/).monthlyCents.expected).toBe(12060);
    expect(line(report, 'db', /Primary memory/).monthlyCents.expected).toBe(7665);
    expect(line(report, 'db', /^Storage/).monthlyCents.expected).toBe(3400);
    expect(line(report, 'nodes', /Instances/).monthlyCents.expected).toBe(7337);
    expect(report.monthly).toBe(120.6 + 76.65 + 34 + 73.37);
  });

  it('prices backup copies once: in the vault the backups are sent to, each source at its own rate', () => {
    const report = estimateCost(fixture('vault-backups'), catalogs);
    expect(line(report, 'db', /Backup copies kept in vault/).status).toBe('included');
    expect(report.lineItems.some((l) => l.componentId === 'db' && /separate account/.test(l.what))).toBe(false);
    // The database's 300 GB are database snapshots; the bucket's 700 GB are object-store backups, a
    // different rate: neither is priced at the other's. The catalog's AWS Backup prices are for
    // us-west-1 only, so in us-east-1 the snapshot line says the region has no price, and the S3
    // backup rate is not in the catalog at all.
    const db = line(report, 'vault', /Recovery points of db/);
    expect(db.priceKey ?? db.notes.join()).toContain('backup/rds-snapshot');
    expect(db.status).toBe('not-in-region');
    const files = line(report, 'vault', /Recovery points of files/);
    expect(files.status).toBe('not-in-catalog');
    expect(files.notes.join()).toContain('backup/s3');
    expect(report.excluded.lines).toBeGreaterThanOrEqual(2);
  });
});

describe('the user\'s inputs, worked by hand', () => {
  it('six m5.large as vm in us-east-1: 6 x 730 h x $0.096 = $420.48', () => {
    const report = estimateCost(fixture('six-m5-large'), catalogs);
    const instances = line(report, 'web', /Instances \(6 x m5\.large\)/);
    expect(instances.quantity?.expected).toBe(4380);
    expect(instances.unitPrice).toBe(0.096);
    expect(instances.monthlyCents.expected).toBe(42048);
    expect(report.monthly).toBe(420.48);
    expect(report.excluded.lines).toBe(0);
  });

  it('six m5.large in eu-central-1: no us-east-1 price stands in; the region\'s list price from a price list does', () => {
    // Bundled catalog: no eu-central-1 price for m5.large. The line says so, and the total says it excludes it.
    const bundled = estimateCost(fixture('six-m5-large-frankfurt'), catalogs);
    const missing = line(bundled, 'web', /Instances/);
    expect(missing.status).toBe('not-in-region');
    expect(missing.notes[0]).toContain('no AWS price for "compute/m5.large" in eu-central-1');
    expect(bundled.monthly).toBe(0);
    expect(bundled.excluded).toEqual({ lines: 1, byStatus: { 'not-in-region': 1 } });
    // With the AWS Price List excerpt for EC2 in eu-central-1 (bulk CSV, published 2026-11-02):
    // m5.large Linux, shared tenancy, on-demand $0.115/hour. 6 x 730 x 0.115 = 503.70.
    const imported = importedBook('aws-ec2-eu-central-1.csv');
    const report = estimateCost(fixture('six-m5-large-frankfurt'), catalogs, { imported });
    const instances = line(report, 'web', /Instances/);
    expect(instances.unitPrice).toBe(0.115);
    expect(instances.priceRegion).toBe('eu-central-1');
    expect(instances.source).toMatch(/^imported: aws-ec2-eu-central-1\.csv \(AWS Price List, AmazonEC2, published 2026-11-02\)/);
    expect(instances.asOf).toBe('2026-11-02');
    expect(instances.monthlyCents.expected).toBe(50370);
    expect(report.monthly).toBe(503.7);
    expect(report.importedLines).toBe(1);
    // The same price list's 1-year standard no-upfront reserved rate, $0.072/hour: 6 x 730 x 0.072 = 315.36.
    const committed = estimateCost(fixture('six-m5-large-frankfurt'), catalogs, { imported, commitment: '1-year' });
    expect(committed.monthly).toBe(315.36);
    expect(line(committed, 'web', /Instances/).commitment).toContain('Reserved Instance, standard, no upfront, 1-year: 0.072 per Hrs instead of 0.115');
  });

  it('a containers service with an explicit size runs tasks of that size\'s shape, and says what instances would cost', () => {
    // size m5.large = 2 vCPU, 8 GB. Fargate $0.04048/vCPU-hour and $0.004445/GB-hour (us-east-1):
    // vCPU 6 tasks x 2 x 730 h x 0.04048 = 354.6048 -> 354.60; memory 6 x 8 x 730 x 0.004445 = 155.7528 -> 155.75.
    const report = estimateCost(fixture('sized-containers'), catalogs);
    const vcpu = line(report, 'web', /Container vCPU \(6 tasks x 2 vCPU\)/);
    expect(vcpu.quantity?.expected).toBe(8760);
    expect(vcpu.monthlyCents.expected).toBe(35460);
    const memory = line(report, 'web', /Container memory \(6 tasks x 8 GB\)/);
    expect(memory.quantity?.expected).toBe(35040);
    expect(memory.monthlyCents.expected).toBe(15575);
    expect(report.monthly).toBe(510.35);
    // Which reading was taken, and the alternative, are on the line: 6 x 730 x 0.096 = 420.48 as instances.
    expect(vcpu.notes.join()).toContain('the shape of size m5.large (2 vCPU, 8 GB');
    expect(vcpu.notes.join()).toContain('$420.48 a month');
  });

  it('a CloudFront, WAF and ALB edge at a stated 200 requests a second', () => {
    // 200 req/s peak x 25% average-to-peak x 2,628,000 s a month = 131,400,000 requests.
    const report = estimateCost(fixture('edge-traffic'), catalogs);
    const requests = report.assumptions.find((a) => a.componentId === 'cdn' && a.name === 'requestsPerMonth')!;
    expect(requests).toMatchObject({ value: 131_400_000, origin: 'traffic' });
    expect(requests.derivation).toContain('200 req/s peak (users) x 25% average-to-peak x 2,628,000 s a month = 131.4 M requests a month');
    // CloudFront HTTPS requests: 131.4 M / 10,000 x $0.01 = $131.40.
    expect(line(report, 'cdn', /HTTPS requests/).monthlyCents.expected).toBe(13140);
    // CloudFront data out: 131.4 M x 20 KB / 1,048,576 KB a GB = 2,506 GB x $0.085 = $213.01.
    const data = line(report, 'cdn', /Data out to users, first 10 TB/);
    expect(data.quantity?.expected).toBe(2506);
    expect(data.monthlyCents.expected).toBe(21301);
    // WAF: web ACL $5 + 10 rules x $1 + 131.4 M requests x $0.60/M = $78.84.
    expect(line(report, 'waf', /Requests inspected/).monthlyCents.expected).toBe(7884);
    expect(line(report, 'waf', /Web ACL/).monthlyCents.expected).toBe(500);
    // ALB: 730 h x $0.0225 = $16.43 (16.425 rounded); LCUs: 50 req/s on average; connections
    // 50 / 10 = 5/s = 0.2 LCU; bytes 50 x 3600 x 20 KB / 1,048,576 = 3.433 GB/h = 3.433 LCU;
    // the larger, 3.433 LCU x 730 h x $0.008 = $20.05.
    expect(line(report, 'alb', /Load balancer \(application\)/).monthlyCents.expected).toBe(1643);
    const lcu = line(report, 'alb', /Capacity units/);
    expect(lcu.quantity?.expected).toBeCloseTo(3.433 * 730, 6);
    expect(lcu.monthlyCents.expected).toBe(2005);
    expect(lcu.notes.join()).toContain('10 requests a connection (an assumption)');
    // The CDN serves the users, so the ALB's responses are not billed again as internet egress.
    expect(line(report, 'alb', /Data out to the internet/).status).toBe('included');
    // Public IPv4, one per ALB zone: billed, but the catalog has no first-party price, so it is excluded, visibly.
    expect(line(report, 'alb', /Public IPv4 addresses \(2\)/).status).toBe('not-in-catalog');
    expect(report.notes.join('\n')).toContain('Traffic from users: 200 req/s at peak; average 25% of peak');
  });

  it('an ha: cluster database: three instances and cluster storage, never $0', () => {
    // Bundled catalog: no Multi-AZ DB cluster SKU. Both lines are excluded, by name.
    const bundled = estimateCost(fixture('db-cluster'), catalogs);
    expect(line(bundled, 'db', /Multi-AZ DB cluster instances \(3 x db\.r6gd\.large/).status).toBe('not-in-catalog');
    expect(line(bundled, 'db', /Cluster storage \(200 GB\)/).status).toBe('not-in-catalog');
    expect(bundled.excluded.lines).toBe(2);
    // With the AWS Price List excerpt for RDS in us-east-1: db.r6gd.large PostgreSQL, Multi-AZ
    // (readable standbys) $0.2875/hour; cluster gp3 storage $0.138/GB-month.
    // Instances 3 x 730 x 0.2875 = 629.625 -> 629.63; storage 200 x 0.138 = 27.60. Total 657.23.
    const report = estimateCost(fixture('db-cluster'), catalogs, { imported: importedBook('aws-rds-us-east-1.json') });
    const instances = line(report, 'db', /Multi-AZ DB cluster instances/);
    expect(instances.priceKey).toBe('db/postgres-cluster/db.r6gd.large');
    expect(instances.monthlyCents.expected).toBe(62963);
    expect(line(report, 'db', /Cluster storage/).monthlyCents.expected).toBe(2760);
    expect(report.monthly).toBe(657.23);
    expect(report.excluded.lines).toBe(0);
  });

  it('sizes a cluster\'s nodes for every pod it hosts: database and cache pods add nodes', () => {
    // Pods: app 3 x (1 vCPU, 2 GB); pg Multi-AZ 2 x db.r6g.large (2 vCPU, 16 GB); cache 2 x (2, 16).
    // vCPU 3 + 4 + 4 = 11; memory 6 + 32 + 32 = 70 GB. An m5.large (2 vCPU, 8 GB) gives pods 1.8 vCPU
    // and 7.2 GB: memory needs ceil(70 / 7.2) = 10 nodes (vCPU needs 7). 10 x 730 x $0.096 = $700.80.
    const report = estimateCost(fixture('kubernetes-data'), catalogs);
    const nodes = line(report, 'app', /Cluster nodes \(10 x m5\.large\)/);
    expect(nodes.quantity?.expected).toBe(7300);
    expect(nodes.monthlyCents.expected).toBe(70080);
    expect(nodes.notes.join()).toContain('pods request 11 vCPU and 70 GB');
    expect(line(report, 'pg', /Database pods/).status).toBe('included');
    // Without the data pods, the app alone would fit on one node per zone: 3 nodes.
    const appOnly = estimateCost({ ...fixture('kubernetes-data'), components: fixture('kubernetes-data').components.filter((c) => c.id === 'app'), connections: [] }, catalogs);
    expect(line(appOnly, 'app', /Cluster nodes \(3 x m5\.large\)/).monthlyCents.expected).toBe(3 * 730 * 9.6);
  });

  it('counts replication transfer once when a bucket replicates and also names its partner', () => {
    const report = estimateCost(fixture('replicated-bucket'), catalogs);
    const transfers = report.lineItems.filter((l) => l.componentId === 'files' && l.status === 'priced' && /transfer/i.test(l.what));
    expect(transfers.map((l) => l.what)).toEqual(['Replication transfer to us-east-1']);
    expect(line(report, 'files', /Data transfer to region dr/).status).toBe('included');
  });

  it('dates a line and the report by the oldest price used', () => {
    const report = estimateCost(fixture('multi-az-postgres'), catalogs);
    // The standby multiplies the 2021-08-03 instance price by the 2026-05-03 multiplier: the line is as old as its oldest.
    expect(line(report, 'db', /Multi-AZ standby/).asOf).toMatch(/^2021-08-03/);
    expect(report.asOf).toBe('2021-08-03');
    expect(report.asOfNewest).toBe('2026-05-03');
  });

  it('imported negotiated rates override the bundled ones and name themselves as the source', () => {
    const imported = importedBook('negotiated.csv');
    const report = estimateCost(fixture('six-m5-large'), catalogs, { imported });
    const instances = line(report, 'web', /Instances/);
    // 6 x 730 x $0.0864 = 378.432 -> 378.43.
    expect(instances.unitPrice).toBe(0.0864);
    expect(instances.source).toBe('imported: negotiated.csv: EDP addendum 7 (10% off list)');
    expect(report.monthly).toBe(378.43);
    // Its 1-year rate, $0.06: 6 x 730 x 0.06 = 262.80.
    expect(estimateCost(fixture('six-m5-large'), catalogs, { imported, commitment: '1-year' }).monthly).toBe(262.8);
  });

  it('prices a design under a commitment only where a first-party rate exists; the rest stays on-demand, said', () => {
    const report = estimateCost(fixture('six-m5-large'), catalogs, { commitment: '3-year' });
    expect(report.monthly).toBe(420.48);
    expect(line(report, 'web', /Instances/).notes.join()).toContain('no 3-year commitment rate for aws/ec2 in the catalog: priced on-demand');
    expect(report.notes.join('\n')).toContain('1 at on-demand prices for want of a first-party rate (aws/ec2)');
  });
});
