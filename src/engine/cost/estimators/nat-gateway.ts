import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { hours, publicAddresses, hoursOf } from './shared';
import { formatNumber } from '../numbers';

const KB_PER_GB = 1024 * 1024;

/**
 * NAT: one gateway per zone (a NAT in one zone is a cross-zone dependency), priced per hour, each
 * with a public IPv4 address, and the data it processes (derived from the requests that reach
 * it, one response's worth each, unless usage says). Cloud NAT (GCP) is priced per VM instead.
 */
export const natGateway: Estimator<KindProps<'nat-gateway'>> = {
  estimate: (ledger) => {
    const { component, book, zones } = ledger;
    const traffic = ledger.traffic;
    const derived = traffic ? ledger.fromTraffic(traffic.responseKb / KB_PER_GB, `${traffic.responseKb} KB through the gateway a request (an assumption)`, false) : undefined;
    const data = ledger.usage({
      name: 'dataProcessedGbPerMonth',
      label: 'Data processed',
      unit: 'GB/month',
      nature: 'usage',
      prop: 'dataProcessedGbPerMonth',
      default: 100,
      derived: derived ? { value: Math.round(derived.value), derivation: `${derived.derivation} = ${formatNumber(derived.value, 0)} GB` } : undefined,
    });
    if (!book.has('nat/gateway') && book.has('nat/vm')) {
      const vms = ledger.usage({ name: 'vmsUsingNat', label: 'VMs using the gateway', unit: 'VMs', nature: 'provisioned' });
      if (vms) ledger.charge({ what: 'NAT per VM', key: 'nat/vm', quantity: hours(vms) });
      else ledger.dependsOnUsage('NAT per VM', 'vmsUsingNat', 'Cloud NAT is priced per VM that uses it');
    } else {
      const gateways = Math.max(component.replicas ?? zones.length, zones.length);
      const notes = [`one gateway per zone (${zones.join(', ')})${gateways > zones.length ? `, ${gateways} in all as replicas says` : ''}`];
      ledger.charge({ what: `NAT gateways (${gateways})`, key: 'nat/gateway', quantity: hoursOf(gateways), notes });
      publicAddresses(ledger, gateways, 'each NAT gateway holds one public IPv4 address (an Elastic IP)');
    }
    if (data) ledger.charge({ what: 'Data processed', key: 'nat/data', quantity: data });
  },
};
