import type { LineStatus } from './types';

/** How every face (the cost panel, the command line, the proposal) words a line that is not simply priced. */
export const LINE_STATUS_LABELS: Readonly<Record<LineStatus, string>> = {
  priced: 'priced',
  free: 'free',
  usage: 'depends on usage',
  'not-in-catalog': 'price not in catalog',
  'not-in-region': 'no price for this region',
  unsupported: 'unsupported',
  included: 'included elsewhere',
  external: 'not priced (external)',
};
