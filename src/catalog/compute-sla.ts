import { AWS_SLA } from './aws-slas';
import type { KindContext, SlaFigure } from './types';

/**
 * Compute that runs as instances or tasks: the Region-Level SLA applies only when instances run
 * in two or more zones; otherwise each instance has the Instance-Level SLA.
 */
export function computeSla(replicas: number | undefined, context: KindContext): SlaFigure | undefined {
  if (context.provider !== 'aws') return undefined;
  const spread = context.zones.length >= 2 && (replicas ?? 1) >= 2;
  return spread ? AWS_SLA.computeRegion : AWS_SLA.computeInstance;
}
