import type { Design } from '../../model';

/** The canvas tests' design: two regions (east laid out by the tests, west empty), a global DNS and two regional components, connected in a chain. */
export const TWO_REGIONS: Pick<Design, 'regions' | 'components' | 'connections'> = {
  regions: [
    { id: 'east', location: 'us-east-1', role: 'primary', zones: ['a', 'b', 'c'] },
    { id: 'west', location: 'us-west-2', role: 'secondary', zones: ['a', 'b'] },
  ],
  components: [
    { id: 'dns', kind: 'dns' },
    { id: 'web', kind: 'app-service', region: 'east', zones: ['a'] },
    { id: 'db', kind: 'relational-db', region: 'east', zones: ['a', 'b'] },
  ],
  connections: [
    { from: 'dns', to: 'web', mode: 'sync' },
    { from: 'web', to: 'db', mode: 'sync' },
  ],
};
