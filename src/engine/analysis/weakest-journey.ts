import type { JourneyAvailability } from './availability';

/** What the weakest journey is judged on: its modelled availability (the headline figure), and its target. */
type Judged = { readonly modelled: Pick<NonNullable<JourneyAvailability['modelled']>, 'availability'> | null; readonly target: number };

/** How far a journey's modelled availability is above its target (negative: below); a journey that cannot work is below everything. */
function margin(journey: Judged): number {
  return (journey.modelled?.availability ?? -1) - journey.target;
}

/**
 * The weakest journey, in the one meaning the scorecard, the comparison and the proposal share:
 * the journey whose modelled availability has the least margin over its own target (the furthest
 * below it), a journey that cannot work first; ties keep the design's order. Where every journey has
 * the tier's target it is also the least available one; where targets differ, a journey that meets
 * a lower target is not weaker than one that misses a higher target.
 */
export function weakestJourney<J extends Judged>(journeys: readonly J[]): J | undefined {
  let weakest: J | undefined;
  // Indexed: a for-of's iteration protocol was inlined into completeAnalysis's optimised code.
  for (let k = 0; k < journeys.length; k += 1) if (!weakest || margin(journeys[k]!) < margin(weakest)) weakest = journeys[k];
  return weakest;
}
