import { describe, expect, it } from 'vitest';
import type { useStoreApi } from '@xyflow/react';
import { trustDeclaredSizes, withoutForce } from './declared-sizes';

type FlowStore = ReturnType<typeof useStoreApi>;
type Updates = Parameters<typeof withoutForce>[0];

/** Stands in for a node's element: the measuring function under test never reads it. */
const element = {} as HTMLDivElement;

/** A React Flow store reduced to what `trustDeclaredSizes` touches, recording what its measuring function receives. */
function fakeStore() {
  const received: Updates[] = [];
  let state = { updateNodeInternals: (updates: Updates) => void received.push(updates) };
  const store = {
    getState: () => state,
    setState: (partial: Partial<typeof state>) => {
      state = { ...state, ...partial };
    },
  };
  return { store: store as unknown as FlowStore, received, measure: (updates: Updates) => state.updateNodeInternals(updates) };
}

describe('measuring nodes whose size the canvas declares', () => {
  it('passes updates on without force, keeping the node and its element', () => {
    const updates: Updates = new Map([
      ['web', { id: 'web', nodeElement: element, force: true }],
      ['db', { id: 'db', nodeElement: element }],
    ]);
    const unforced = withoutForce(updates);
    expect([...unforced.values()]).toEqual([
      { id: 'web', nodeElement: element, force: false },
      { id: 'db', nodeElement: element },
    ]);
    expect(unforced.get('web')!.nodeElement).toBe(element);
    // The caller's map is React Flow's: left as it was.
    expect(updates.get('web')!.force).toBe(true);
  });

  it('hands back the same map when nothing is forced', () => {
    const updates: Updates = new Map([['web', { id: 'web', nodeElement: element }]]);
    expect(withoutForce(updates)).toBe(updates);
  });

  it('makes the store measure without force, once however often it is asked', () => {
    const { store, received, measure } = fakeStore();
    trustDeclaredSizes(store);
    trustDeclaredSizes(store);
    measure(new Map([['web', { id: 'web', nodeElement: element, force: true }]]));
    expect(received).toHaveLength(1);
    expect(received[0]!.get('web')!.force).toBe(false);
  });
});
