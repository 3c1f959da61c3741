import { componentZones, type Component, type Design, type Provider } from '../model';
import { AWS_SLA } from './aws-slas';
import type { SlaFigure } from './types';

/**
 * Compute that runs as instances or tasks: the Region-Level SLA applies only when instances run
 * in two or more zones; otherwise each instance has the Instance-Level SLA.
 */
export function computeSla(component: Component, context: { provider: Provider; design: Design }): SlaFigure | undefined {
  if (context.provider !== 'aws') return undefined;
  const spread = componentZones(context.design, component).length >= 2 && (component.replicas ?? 1) >= 2;
  return spread ? AWS_SLA.computeRegion : AWS_SLA.computeInstance;
}
