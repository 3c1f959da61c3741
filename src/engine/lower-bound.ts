/**
 * The first position in a sorted list of `length` items that is not before what is sought: where it is,
 * or where it would go to keep the list sorted. `isBefore(position)` says whether the item there sorts
 * before it; every list that needs a binary search in the engine asks it here, whatever it is sorted by.
 */
export function lowerBound(length: number, isBefore: (position: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (isBefore(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
