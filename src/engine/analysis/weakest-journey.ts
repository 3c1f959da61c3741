import type { JourneyAvailability } from './availability';

/** How far a journey's estimate is above its target (negative: below); a journey that cannot work is below everything. */
function margin(journey: Pick<JourneyAvailability, 'percent' | 'target'>): number {
  return (journey.percent ?? -1) - journey.target;
}

/**
 * The weakest journey, in the one meaning the scorecard, the comparison and the proposal share:
 * the journey with the least margin over its own target (the furthest below it), a journey that
 * cannot work first; ties keep the design's order. Where every journey has the tier's target it
 * is also the least available one; where targets differ, a journey that meets a lower target is
 * not weaker than one that misses a higher target.
 */
export function weakestJourney<J extends Pick<JourneyAvailability, 'percent' | 'target'>>(journeys: readonly J[]): J | undefined {
  let weakest: J | undefined;
  for (const journey of journeys) if (!weakest || margin(journey) < margin(weakest)) weakest = journey;
  return weakest;
}
