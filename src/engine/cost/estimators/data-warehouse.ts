import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { hours } from './shared';

/** Data warehouse: compute nodes x hours, and managed storage. */
export const dataWarehouse: Estimator<KindProps<'data-warehouse'>> = {
  estimate: (ledger) => {
    const nodes = ledger.usage({ name: 'nodes', label: 'Warehouse nodes', unit: 'nodes', nature: 'provisioned', default: 2 });
    if (nodes) ledger.charge({ what: 'Warehouse compute', key: 'warehouse/node', quantity: hours(nodes) });
    const stored = ledger.usage({ name: 'storageGb', label: 'Stored', unit: 'GB', nature: 'usage', prop: 'storageGb', default: 500 });
    if (stored) ledger.charge({ what: 'Managed storage', key: 'warehouse/storage', quantity: stored });
  },
};
