import type { KindProps } from '../../../catalog';
import { mapRange, range, type Estimator } from '../ledger';
import { hours } from './shared';

/**
 * NAT: one gateway per zone (a NAT in one zone is a cross-zone dependency), priced per hour, and
 * the data it processes. Cloud NAT (GCP) is priced per VM that uses it instead.
 */
export const natGateway: Estimator<KindProps<'nat-gateway'>> = {
  estimate: (ledger) => {
    const { component, book, zones } = ledger;
    const data = ledger.usage({ name: 'dataProcessedGbPerMonth', label: 'Data processed', unit: 'GB/month', nature: 'usage', prop: 'dataProcessedGbPerMonth', default: 100 });
    if (!book.has('nat/gateway') && book.has('nat/vm')) {
      const vms = ledger.usage({ name: 'vmsUsingNat', label: 'VMs using the gateway', unit: 'VMs', nature: 'provisioned' });
      if (vms) ledger.charge({ what: 'NAT per VM', key: 'nat/vm', quantity: hours(vms) });
      else ledger.dependsOnUsage('NAT per VM', 'vmsUsingNat', 'Cloud NAT is priced per VM that uses it');
    } else {
      const gateways = Math.max(component.replicas ?? zones.length, zones.length);
      const notes = [`one gateway per zone (${zones.join(', ')})${gateways > zones.length ? `, ${gateways} in all as replicas says` : ''}`];
      ledger.charge({ what: `NAT gateways (${gateways})`, key: 'nat/gateway', quantity: hours(range(gateways)), notes });
    }
    if (data) ledger.charge({ what: 'Data processed', key: 'nat/data', quantity: mapRange(data, (gb) => gb) });
  },
};
