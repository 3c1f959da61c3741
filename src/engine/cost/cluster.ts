import { componentZones } from '../../model';
import type { ComponentLedger } from './ledger';
import { hours } from './estimators/shared';
import type { Range } from './types';

/** Share of a node's vCPU and memory that pods can request (the rest runs the node's own agents): an assumption. */
export const ALLOCATABLE_SHARE = 0.9;

/**
 * The nodes of a region's Kubernetes cluster, sized for the pods its workloads ask for: enough
 * nodes of the node size (the size a workload on the cluster names) for the pods' vCPU and
 * memory requests at the allocatable share, and at least one per zone the workloads use.
 * Database, cache, broker, ingress and identity pods add to the count like application pods.
 * `pricing.usage.<owner>.nodes` sets the count instead.
 */
export function chargeClusterNodes(ledger: ComponentLedger, regionId: string): void {
  const pods = ledger.index.clusterPods.get(regionId) ?? [];
  const sizeHint = pods.find((p) => p.nodeSize !== undefined)?.nodeSize;
  if (sizeHint === undefined) {
    ledger.unsupported(`Cluster nodes (region ${regionId})`, 'no workload on the cluster names a node size (an app service or worker pool on Kubernetes sets `size`)');
    return;
  }
  const shape = ledger.book.shape(sizeHint);
  const zones = new Set<string>();
  for (const pod of pods) {
    const at = ledger.index.positions.get(pod.componentId);
    const component = at === undefined ? undefined : ledger.index.design.components[at];
    if (component) for (const zone of componentZones(ledger.index.design, component)) zones.add(zone);
  }
  const vcpu: Range = { low: 0, expected: 0, high: 0 };
  const memory: Range = { low: 0, expected: 0, high: 0 };
  for (const pod of pods) {
    for (const p of ['low', 'expected', 'high'] as const) {
      vcpu[p] += pod.pods[p] * pod.vcpuPerPod;
      memory[p] += pod.pods[p] * pod.memoryGbPerPod;
    }
  }
  const breakdown = pods.map((p) => `${p.componentId}: ${p.what}, ${p.pods.expected} x ${p.vcpuPerPod} vCPU / ${p.memoryGbPerPod} GB (${p.basis})`);
  if (!shape) {
    ledger.notInCatalog(`Cluster nodes (${sizeHint})`, `the catalog does not know the vCPUs and memory of ${sizeHint}, so the pods cannot be fitted onto nodes; set pricing.usage.${ledger.component.id}.nodes`);
    return;
  }
  const perNodeVcpu = shape.vcpu * ALLOCATABLE_SHARE;
  const perNodeMemory = shape.memoryGb * ALLOCATABLE_SHARE;
  const needed = (p: 'low' | 'expected' | 'high') => Math.max(zones.size, 1, Math.ceil(vcpu[p] / perNodeVcpu - 1e-9), Math.ceil(memory[p] / perNodeMemory - 1e-9));
  const fitted: Range = { low: needed('low'), expected: needed('expected'), high: needed('high') };
  const derivation = `pods request ${round(vcpu.expected)} vCPU and ${round(memory.expected)} GB; each ${sizeHint} node (${shape.vcpu} vCPU, ${shape.memoryGb} GB) offers ${round(perNodeVcpu)} vCPU and ${round(perNodeMemory)} GB to pods (${ALLOCATABLE_SHARE * 100}% allocatable, an assumption); at least one node per zone (${zones.size})`;
  const nodes = ledger.usage({ name: 'nodes', label: `Cluster nodes in region ${regionId}`, unit: 'nodes', nature: 'provisioned', derived: { value: fitted.expected, derivation } });
  const count = nodes && nodes.expected !== fitted.expected ? nodes : fitted;
  ledger.charge({
    what: `Cluster nodes (${count.expected} x ${sizeHint}) for the pods in region ${regionId}`,
    key: `compute/${sizeHint}`,
    quantity: hours(count),
    notes: [derivation, `shape of ${sizeHint}: ${shape.source}`, ...breakdown],
  });
}

const round = (n: number): number => Number(n.toFixed(2));

