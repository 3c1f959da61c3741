import { describe, expect, it } from 'vitest';
import { findKind, kindContext, loadDesign, type SlaAnswer } from '../index';
import type { Component, Design } from '../../model';

/** One component of a kind in a two-region design on a provider, with its traits and SLA answer. */
function place(provider: 'aws' | 'azure' | 'gcp', yaml: string): { design: Design; component: Component } {
  const text = `ninesmith: 1
name: Kinds
provider: ${provider}
regions:
- {id: main, location: ${provider === 'aws' ? 'us-east-1' : provider === 'azure' ? 'westeurope' : 'europe-west1'}, zones: [a, b, c]}
- {id: dr, location: ${provider === 'aws' ? 'us-west-2' : provider === 'azure' ? 'northeurope' : 'europe-west4'}, role: secondary, zones: [a, b]}
components:
${yaml}
`;
  const result = loadDesign(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return { design: result.design, component: result.design.components[0]! };
}

const answers = (provider: 'aws' | 'azure' | 'gcp', yaml: string) => {
  const { design, component } = place(provider, yaml);
  const kind = findKind(component.kind)!;
  const context = kindContext(design, component);
  return { traits: kind.traitsOf(component, context), sla: kind.slaAnswerOf(component, context) };
};
const percent = (sla: SlaAnswer) => ('percent' in sla ? sla.percent : undefined);

describe('the kinds added for serverless, Kubernetes, streams, NoSQL and the rest', () => {
  it('serverless function: run by the provider across zones, with each provider\'s function SLA', () => {
    const { traits, sla } = answers('aws', '- {id: fn, kind: serverless-function, region: main}');
    expect(traits).toMatchObject({ operator: 'provider', zoneRedundant: true, zonalFailover: 'service' });
    expect(sla).toMatchObject({ percent: 99.95, source: 'https://aws.amazon.com/lambda/sla/' });
    expect(answers('gcp', '- {id: fn, kind: serverless-function, region: main}').sla).toMatchObject({ service: 'Cloud Run functions' });
  });

  it('Kubernetes cluster: node zones and upgrade strategy as traits; GKE zonal control planes commit less; free tiers have none', () => {
    const { traits } = answers('aws', '- {id: k8s, kind: kubernetes-cluster, region: main, zones: [a], replicas: 3, props: {upgradeStrategy: in-place}}');
    expect(traits.cluster).toEqual({ controlPlane: 'regional', nodeZones: ['a'], nodeGroups: 1, upgrade: 'in-place', disruptionBudgets: false });
    expect(traits.runtime).toBe('kubernetes');
    expect(percent(answers('gcp', '- {id: k8s, kind: kubernetes-cluster, region: main, props: {controlPlane: zonal}}').sla)).toBe(99.5);
    expect(percent(answers('gcp', '- {id: k8s, kind: kubernetes-cluster, region: main}').sla)).toBe(99.95);
    expect(answers('azure', '- {id: k8s, kind: kubernetes-cluster, region: main, props: {tier: free}}').sla).toHaveProperty('unknown');
  });

  it('event stream: replayable messages kept for the retention in days; Kafka on AWS is MSK', () => {
    const { traits, sla } = answers('aws', '- {id: s, kind: event-stream, region: main, props: {retentionHours: 12, engine: kafka}}');
    expect(traits.data).toMatchObject({ role: 'messages', replayable: true, messageRetentionDays: 0.5, durableWrites: true });
    expect(sla).toMatchObject({ service: 'Amazon MSK, Multi-AZ clusters' });
  });

  it('notification topic: messages with a dead-letter setting the queue rule reads', () => {
    expect(answers('aws', '- {id: t, kind: notification-topic, region: main}').traits.data).toMatchObject({ role: 'messages', deadLetter: false });
    expect(answers('azure', '- {id: t, kind: notification-topic, region: main}').sla).toMatchObject({ percent: 99.99 });
  });

  it('key-value database: records with point-in-time recovery offered, on or off; global tables commit five nines', () => {
    const off = answers('aws', '- {id: kv, kind: key-value-db, region: main, props: {backup: {enabled: false, pitr: false}}}');
    expect(off.traits.data).toMatchObject({ role: 'records', irreplaceable: true, pitrAvailable: true, backup: { enabled: false, pitr: false } });
    const on = answers('aws', '- {id: kv, kind: key-value-db, region: main, props: {globalTable: true, backup: {enabled: false, pitr: true}}}');
    expect(on.traits.data?.backup).toMatchObject({ enabled: true, pitr: true });
    expect(percent(on.sla)).toBe(99.999);
    expect(answers('azure', '- {id: kv, kind: key-value-db, region: main}').sla).toMatchObject({ service: 'Azure Cosmos DB, an account in one region' });
  });

  it('search cluster: replica shards with zone awareness fail over; one zone has no SLA on AWS', () => {
    const spread = answers('aws', '- {id: s, kind: search-cluster, region: main, zones: [a, b, c], replicas: 3}');
    expect(spread.traits).toMatchObject({ zonalFailover: 'replica', instanceUnits: 3 });
    expect(percent(spread.sla)).toBe(99.9);
    const lone = answers('aws', '- {id: s, kind: search-cluster, region: main, zones: [a], replicas: 1, props: {replicaShards: 0}}');
    expect(lone.traits.zonalFailover).toBe('none');
    expect(lone.sla).toHaveProperty('unknown');
  });

  it('shared file system: one zone is not zone-redundant and carries the one-zone SLA', () => {
    const oneZone = answers('aws', '- {id: fs, kind: shared-file-system, region: main, zones: [a], props: {availability: one-zone}}');
    expect(oneZone.traits).toMatchObject({ zoneRedundant: false, zonalFailover: 'none' });
    expect(percent(oneZone.sla)).toBe(99.9);
    const regional = answers('aws', '- {id: fs, kind: shared-file-system, region: main}');
    expect(regional.traits).toMatchObject({ zoneRedundant: true, data: { role: 'files' } });
    expect(percent(regional.sla)).toBe(99.99);
  });

  it('container registry: the regions its images are replicated to', () => {
    expect(answers('aws', '- {id: r, kind: container-registry, region: main, props: {replicateToRegion: dr}}').traits.images).toEqual({ replicatedToRegions: ['dr'] });
    expect(answers('aws', '- {id: r, kind: container-registry, region: main}').traits.images).toEqual({ replicatedToRegions: [] });
  });

  it('e-mail and SMS delivery: a vendor is the vendor\'s to run; no SLA is invented for either', () => {
    const vendor = answers('aws', '- {id: m, kind: email-delivery, props: {provider: vendor}}');
    expect(vendor.traits.operator).toBe('vendor');
    expect(vendor.sla).toHaveProperty('unknown');
    expect(answers('aws', '- {id: m, kind: sms-delivery}').sla).toHaveProperty('unknown');
  });

  it('private connectivity: paths as traits; a single dedicated connection has no SLA, two locations do', () => {
    const single = answers('aws', '- {id: l, kind: private-connectivity, region: main, props: {medium: dedicated, connections: 1}}');
    expect(single.traits.privateLink).toEqual({ paths: 1, medium: 'dedicated' });
    expect(single.sla).toHaveProperty('unknown');
    expect(percent(answers('aws', '- {id: l, kind: private-connectivity, region: main, props: {medium: dedicated, connections: 4, locations: 2}}').sla)).toBe(99.99);
  });

  it('administrative access: a bastion host is the team\'s instance, a managed service the provider\'s', () => {
    expect(answers('aws', '- {id: a, kind: admin-access, region: main, props: {method: bastion-host}}').traits).toMatchObject({ operator: 'team', runtime: 'vm' });
    expect(answers('azure', '- {id: a, kind: admin-access, region: main}').sla).toMatchObject({ service: 'Azure Bastion' });
  });

  it('names each provider\'s services for every kind, so the palette can find "Lambda", "Cosmos", "Kafka" and "EKS"', () => {
    const names = (id: string) => Object.values(findKind(id)!.services).flat().join(' ');
    expect(names('serverless-function')).toContain('Lambda');
    expect(names('key-value-db')).toContain('Cosmos');
    expect(names('event-stream')).toContain('Kafka');
    expect(names('kubernetes-cluster')).toContain('EKS');
  });
});
