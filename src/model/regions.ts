import type { Region } from './schema';

/**
 * The design's home region: the primary, else the first active one (active-active designs), else
 * the first. Losing it is "the primary region lost"; region-less services are priced there;
 * runbooks fail over away from it.
 */
export function primaryRegion(design: { readonly regions: readonly Region[] }): Region | undefined {
  return design.regions.find((r) => r.role === 'primary') ?? design.regions.find((r) => r.role === 'active') ?? design.regions[0];
}
