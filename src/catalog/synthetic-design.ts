import { emptyDesign, type Component, type Connection, type Design, type Journey } from '../model';

/** mulberry32: a small, fast, seeded generator, so the same seed always gives the same design. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CELL_KINDS = ['load-balancer', 'app-service', 'worker-pool', 'queue', 'relational-db', 'cache', 'object-storage', 'nat-gateway'] as const;
const CELL_EDGES: readonly [number, number, Connection['mode']][] = [
  [0, 1, 'sync'],
  [1, 4, 'sync'],
  [1, 5, 'sync'],
  [1, 3, 'async'],
  [3, 2, 'async'],
  [2, 4, 'sync'],
  [1, 6, 'sync'],
  [2, 6, 'sync'],
  [2, 7, 'sync'],
];

/**
 * A generated design of about `size` components (~1.3 connections each) made of repeated
 * cells (load balancer, app, workers, queue, database, cache, storage, NAT) in two regions,
 * for benchmarks and scale tests. Deterministic for a given size and seed.
 */
export function syntheticDesign(size: number, seed = 1): Design {
  const random = seededRandom(seed);
  const zones = ['a', 'b', 'c'];
  const pickZones = () => {
    const count = 1 + Math.floor(random() * 3);
    return zones.slice(0, count);
  };
  const globals: Component[] = [
    { id: 'users', kind: 'users' },
    { id: 'dns', kind: 'dns' },
    { id: 'waf', kind: 'waf' },
    { id: 'idp', kind: 'identity-provider', name: 'Identity' },
  ];
  const components: Component[] = [...globals];
  const connections: Connection[] = [
    { from: 'users', to: 'dns', mode: 'sync' },
    { from: 'dns', to: 'waf', mode: 'sync' },
  ];
  const journeys: Journey[] = [];
  const layout: NonNullable<Design['layout']> = {};
  globals.forEach((component, index) => (layout[component.id] = { x: 40 + index * 200, y: 40 }));
  const cellCount = Math.max(1, Math.ceil((size - globals.length) / CELL_KINDS.length));
  const columns = Math.max(1, Math.ceil(Math.sqrt(cellCount)));
  for (let cell = 0; cell < cellCount && components.length < size; cell += 1) {
    const region = cell % 2 === 0 ? 'primary' : 'secondary';
    const ids: string[] = [];
    CELL_KINDS.forEach((kind, index) => {
      if (components.length >= size) return;
      const id = `c${cell}-${kind}`;
      ids.push(id);
      const component: Component = { id, kind, name: `${kind} ${cell}`, region, zones: pickZones(), replicas: 1 + Math.floor(random() * 4) };
      components.push(component);
      layout[id] = { x: 40 + (cell % columns) * 1000 + (index % 4) * 240, y: 200 + Math.floor(cell / columns) * 400 + Math.floor(index / 4) * 160 };
    });
    for (const [from, to, mode] of CELL_EDGES) {
      if (ids[from] && ids[to]) connections.push({ from: ids[from], to: ids[to], mode });
    }
    if (ids[0]) connections.push({ from: 'waf', to: ids[0], mode: 'sync' });
    if (ids[1]) connections.push({ from: ids[1], to: 'idp', mode: 'sync' });
    if (cell > 0 && ids[1] && random() < 0.3) connections.push({ from: ids[1], to: `c${cell - 1}-queue`, mode: 'async' });
    if (ids[4] && journeys.length < 50) journeys.push({ id: `journey-${cell}`, name: `Journey ${cell}`, from: 'users', needs: [ids[4]] });
  }
  const ids = new Set(components.map((c) => c.id));
  return {
    ...emptyDesign(),
    name: `Synthetic design, ${components.length} components (seed ${seed})`,
    tier: 'premium',
    regions: [
      { id: 'primary', location: 'us-east-1', role: 'active', zones },
      { id: 'secondary', location: 'us-west-2', role: 'active', zones },
    ],
    components,
    connections: connections.filter((c) => ids.has(c.from) && ids.has(c.to)),
    journeys,
    layout,
  };
}
