import { useSyncExternalStore } from 'react';
import { priceAdjustmentSchema, type PriceAdjustment } from '../../../model';

/**
 * Price adjustments kept on this machine only (an organisation's negotiated discount that must
 * not travel with a design shared with a client). Stored in localStorage, never sent.
 */
const KEY = 'ninesmith.cost.localAdjustments';
const listeners = new Set<() => void>();
let cached: readonly PriceAdjustment[] | undefined;

function read(): readonly PriceAdjustment[] {
  if (cached) return cached;
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    cached = Array.isArray(parsed) ? parsed.flatMap((item) => {
      const result = priceAdjustmentSchema.safeParse(item);
      return result.success ? [result.data] : [];
    }) : [];
  } catch {
    cached = [];
  }
  return cached;
}

export function setLocalAdjustments(adjustments: readonly PriceAdjustment[]): void {
  cached = adjustments;
  try {
    localStorage.setItem(KEY, JSON.stringify(adjustments));
  } catch {
    // Kept for this session only.
  }
  for (const listener of listeners) listener();
}

export function useLocalAdjustments(): readonly PriceAdjustment[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read,
    read,
  );
}
