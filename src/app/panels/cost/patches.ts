import type { Design, PriceAdjustment } from '../../../model';
import type { Commitment } from '../../../engine/cost';

/** Sets (or, with undefined, removes) one usage input in `pricing.usage`; pure, for applyPatch. */
export function setUsageInput(design: Design, componentId: string, name: string, value: number | undefined): Design {
  const usage = { ...(design.pricing?.usage ?? {}) };
  const inputs = { ...(usage[componentId] ?? {}) };
  if (value === undefined) delete inputs[name];
  else inputs[name] = value;
  if (Object.keys(inputs).length > 0) usage[componentId] = inputs;
  else delete usage[componentId];
  const { usage: _previous, ...rest } = design.pricing ?? {};
  return withPricing(design, Object.keys(usage).length > 0 ? { ...rest, usage } : rest);
}

export function setDesignAdjustments(design: Design, adjustments: readonly PriceAdjustment[]): Design {
  const { adjustments: _previous, ...rest } = design.pricing ?? {};
  return withPricing(design, adjustments.length > 0 ? { ...rest, adjustments: [...adjustments] } : rest);
}

function withPricing(design: Design, pricing: NonNullable<Design['pricing']>): Design {
  const next = { ...design };
  if (Object.keys(pricing).length === 0) delete next.pricing;
  else next.pricing = pricing;
  return next;
}

/** Sets (or, with on-demand, removes) the design's commitment profile. */
export function setCommitment(design: Design, commitment: Commitment): Design {
  const { commitment: _previous, ...rest } = design.pricing ?? {};
  return withPricing(design, commitment === 'on-demand' ? rest : { ...rest, commitment });
}
