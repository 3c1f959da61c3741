import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../../../catalog';
import { estimateCost } from '../estimate';
import { fixture, loadCatalogs } from '../testing';
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
    // Reference: aws EC2 "m5.large Linux on-demand" $0.096/hour, us-east-1
    // (infracost eks_node_group_test golden: "$210.24 for 2190 h").
    // 3 instances x 730 h x $0.096 = $210.24.
    const report = estimateCost(fixture('three-m5-large'), catalogs);
    const instances = line(report, 'api', /Instances \(m5\.large\)/);
    expect(instances.quantity?.expected).toBe(2190);
    expect(instances.unitPrice).toBe(0.096);
    expect(instances.source).toContain('eks_node_group_test');
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
    // Backups copied to us-west-2 are priced there (nearest: us-east-1, noted) and the copy crosses regions.
    expect(line(report, 'db', /Backup copies in region dr/).notes.join()).toContain('nearest region');
    expect(line(report, 'db', /Backup copy transfer to us-west-2/).priceKey).toBe('transfer/inter-region');
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

  it('prices backup copies once: in the vault the backups are sent to, sized by what is sent', () => {
    const report = estimateCost(fixture('vault-backups'), catalogs);
    expect(line(report, 'db', /Backup copies kept in vault/).status).toBe('included');
    expect(report.lineItems.some((l) => l.componentId === 'db' && /separate account/.test(l.what))).toBe(false);
    // 300 GB + 700 GB arrive over backup connections; AWS Backup snapshot storage $0.095/GB-month
    // (reference entry for us-west-1, the nearest region the catalog has): 1,000 x 0.095 = 95.00.
    const vault = line(report, 'vault', /Recovery points/);
    expect(vault.quantity?.expected).toBe(1000);
    expect(vault.monthlyCents.expected).toBe(9500);
    expect(vault.priceRegion).toBe('us-west-1');
    expect(report.notes.join('\n')).toContain('us-east-1: backup/rds-snapshot priced at us-west-1 list prices');
  });
});
