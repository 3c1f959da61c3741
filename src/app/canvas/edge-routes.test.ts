import { describe, expect, it } from 'vitest';
import { createEdgeRoutes } from './edge-routes';

describe('the connections’ routes beside the edges', () => {
  const a = [{ x: 0, y: 0 }, { x: 0, y: 10 }];
  const b = [{ x: 5, y: 0 }, { x: 5, y: 10 }];

  it('reads staged routes at once, and tells on notify only the connections whose route changed', () => {
    const routes = createEdgeRoutes();
    const told: string[] = [];
    routes.subscribe('one', () => told.push('one'));
    routes.subscribe('two', () => told.push('two'));
    routes.stage(new Map([['one', a], ['two', b]]));
    expect(routes.get('one')).toBe(a);
    expect(told).toEqual([]);
    routes.notify();
    expect(told.sort()).toEqual(['one', 'two']);
    told.length = 0;
    routes.stage(new Map([['one', a], ['two', [...b]]]));
    routes.notify();
    expect(told).toEqual(['two']);
    told.length = 0;
    // Nothing staged since: nobody is told again.
    routes.notify();
    expect(told).toEqual([]);
  });

  it('stops telling a connection once it unsubscribes (it left the view)', () => {
    const routes = createEdgeRoutes();
    const told: string[] = [];
    const leave = routes.subscribe('one', () => told.push('one'));
    leave();
    routes.stage(new Map([['one', a]]));
    routes.notify();
    expect(told).toEqual([]);
  });
});
