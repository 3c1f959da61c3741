import { CURRENT_FORMAT_VERSION } from './format-constants';
import type { Design } from './schema';

/**
 * A design with nothing in it, every required field at its default: the store's placeholder
 * before a design opens, the start of a blank design and of generated ones. A new object each call.
 */
export function emptyDesign(): Design {
  return {
    ninesmith: CURRENT_FORMAT_VERSION,
    name: 'Untitled design',
    provider: 'aws',
    tier: 'standard',
    tenancy: 'shared',
    regions: [],
    components: [],
    connections: [],
    journeys: [],
  };
}
