import type { KindProps } from '../../../catalog';
import { range, type ComponentLedger, type Estimator } from '../ledger';
import { chargeTiered, hours, INTERNET_TIERS } from './shared';

/** The hourly charge and capacity units of an application or network load balancer. */
export function chargeLoadBalancer(ledger: ComponentLedger, type: 'application' | 'network', label: string): void {
  ledger.charge({ what: `${label} (${type})`, key: `lb/${type}`, quantity: hours(range(1)) });
  const unitLabel = type === 'application' ? 'LCU' : 'NLCU';
  const units = ledger.usage({ name: 'capacityUnitsPerHour', label: `Average ${unitLabel}s per hour`, unit: `${unitLabel}/hour`, nature: 'usage', default: 1 });
  if (units) ledger.charge({ what: `Capacity units (${unitLabel})`, key: `lb/${type}-lcu`, quantity: hours(units) });
}

/**
 * Load balancer: hours and capacity units; for an internet-facing one, data out to the
 * internet, which depends on traffic the design does not state unless usage gives it.
 */
export const loadBalancer: Estimator<KindProps<'load-balancer'>> = {
  estimate: (ledger) => {
    const type = ledger.props.type === 'network' ? 'network' : 'application';
    chargeLoadBalancer(ledger, type, 'Load balancer');
    if (ledger.props.scheme === 'internal') return;
    const egress = ledger.usage({ name: 'internetEgressGbPerMonth', label: 'Data out to the internet', unit: 'GB/month', nature: 'usage' });
    if (!egress) {
      ledger.dependsOnUsage('Data out to the internet', 'internetEgressGbPerMonth', 'responses sent to users are billed per GB');
      return;
    }
    chargeTiered(ledger, 'Data out to the internet', egress, INTERNET_TIERS);
  },
};
