import type { LineStatus } from '../../../engine/cost';

export function formatMoney(amount: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

export const STATUS_TEXT: Readonly<Record<LineStatus, string>> = {
  priced: 'priced',
  free: 'free',
  usage: 'depends on usage',
  'not-in-catalog': 'price not in catalog',
  unsupported: 'unsupported',
  included: 'included elsewhere',
  external: 'not priced (external)',
};
