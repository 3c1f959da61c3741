import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { hoursOf } from './shared';

/** Private links: VPN connections by the hour, dedicated ports by the hour at their speed, and the data sent out over them. */
export const privateConnectivity: Estimator<KindProps<'private-connectivity'>> = {
  estimate: (ledger) => {
    const { props } = ledger;
    if (props.medium === 'vpn') {
      ledger.charge({ what: `VPN connections (${props.connections})`, key: 'vpn/connection', quantity: hoursOf(props.connections) });
    } else {
      ledger.charge({ what: `Dedicated ports (${props.connections} x ${props.bandwidthMbps} Mbit/s)`, key: `dedicated/port-${props.bandwidthMbps}mbps`, quantity: hoursOf(props.connections), notes: ['the circuit from the colocation facility to your site is billed by your carrier'] });
    }
    const gb = ledger.usage({ name: 'transferGbPerMonth', label: 'Data out', unit: 'GB/month', nature: 'usage', prop: 'transferGbPerMonth', default: 100 });
    if (gb) ledger.charge({ what: 'Data out over the link', key: props.medium === 'vpn' ? 'vpn/data-out' : 'dedicated/data-out', quantity: gb });
  },
};
