import { AWS_SLA, AZURE_SLA, GCP_SLA, byProvider } from './slas';
import type { KindContext, SlaAnswer } from './types';

type Runtime = 'containers' | 'kubernetes' | 'vm';

/**
 * Compute the team deploys: the provider's SLA for the instances or tasks it runs on. Instance
 * SLAs cover instances in two or more zones at the region-level figure and a single instance at
 * the instance-level one; several instances in one zone count as one (they fail together).
 * Managed containers on Azure and Google Cloud are regional services with an SLA of their own.
 */
export function computeSla(replicas: number | undefined, runtime: Runtime, context: KindContext): SlaAnswer {
  const spread = context.zones.length >= 2 && (replicas ?? 1) >= 2;
  return byProvider(
    context.provider,
    {
      aws: () => (spread ? AWS_SLA.computeRegion : AWS_SLA.computeInstance),
      azure: () => (runtime === 'containers' ? AZURE_SLA.appService : spread ? AZURE_SLA.vmZones : AZURE_SLA.vmSingle),
      gcp: () => (runtime === 'containers' ? GCP_SLA.cloudRun : spread ? GCP_SLA.computeMultiZone : GCP_SLA.computeSingle),
    },
    'compute service',
  );
}
