import { describe, expect, it } from 'vitest';
import { boxesOverlap, freeY, nearestFree, type Rect } from './geometry';

const box = (x: number, y: number, width = 200, height = 80): Rect => ({ x, y, width, height });

describe('nearestFree', () => {
  it('leaves a box where it is when nothing is in the way', () => {
    expect(nearestFree(box(0, 0), [box(400, 0)], 12)).toEqual(box(0, 0));
  });

  it('moves a box dropped on the end of a row beside it, not under it', () => {
    const row = [box(0, 0), box(224, 0)];
    const spot = nearestFree(box(380, 10), row, 12);
    expect(spot.y).toBe(10);
    expect(spot.x).toBe(436);
  });

  it('keeps a box dropped just above a region out of the region, where going down would land it inside', () => {
    const region = box(0, 120, 1000, 600);
    const users = box(100, 0);
    const dropped = box(140, 10);
    // Moving only down (as a regional component does) puts it below the whole region, far from the drop.
    expect(freeY(dropped, [users, region], 12)).toBeGreaterThan(region.y + region.height);
    const spot = nearestFree(dropped, [users, region], 12);
    expect([users, region].some((o) => boxesOverlap(spot, o, 12))).toBe(false);
    // Beside the box it landed on, in the same row, above the region.
    expect(spot).toEqual(box(312, 10));
  });
});
