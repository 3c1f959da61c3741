import type { KindProps } from '../../../catalog';
import type { ComponentLedger, Estimator } from '../ledger';
import { chargeTiered, hours, INTERNET_TIERS, publicAddresses, hoursOf } from './shared';
import { formatNumber } from '../numbers';

/** Requests a client sends over one connection before opening another: an assumption (keep-alive). */
export const REQUESTS_PER_CONNECTION = 10;
const KB_PER_GB = 1024 * 1024;

/**
 * One capacity unit's worth of each dimension, from the Elastic Load Balancing pricing page: an
 * ALB LCU is 25 new connections a second or 1 GB processed an hour (3,000 active connections a
 * minute and 1,000 rule evaluations a second are the other two dimensions); an NLB NLCU is 800
 * new TCP connections a second or 1 GB an hour.
 */
const UNIT = { application: { newConnections: 25, gbPerHour: 1 }, network: { newConnections: 800, gbPerHour: 1 } } as const;

/** Capacity units an hour from the traffic: the larger of the new-connection and processed-bytes dimensions. */
function capacityFromTraffic(ledger: ComponentLedger, type: 'application' | 'network', unitLabel: string): { value: number; derivation: string } | undefined {
  const traffic = ledger.traffic;
  if (!traffic) return undefined;
  const unit = UNIT[type];
  const connections = traffic.averagePerSecond / REQUESTS_PER_CONNECTION;
  const gbPerHour = (traffic.averagePerSecond * 3600 * traffic.responseKb) / KB_PER_GB;
  const byConnections = connections / unit.newConnections;
  const byBytes = gbPerHour / unit.gbPerHour;
  const value = Number(Math.max(byConnections, byBytes).toFixed(3));
  const f = (n: number) => formatNumber(n, n < 1 ? 3 : 2);
  return {
    value,
    derivation: `${traffic.derivation}; ${f(traffic.averagePerSecond)} req/s on average, ${REQUESTS_PER_CONNECTION} requests a connection (an assumption): ${f(connections)} new connections/s = ${f(byConnections)} ${unitLabel}; ${traffic.responseKb} KB a response: ${f(gbPerHour)} GB/h = ${f(byBytes)} ${unitLabel}; the larger: ${f(value)} ${unitLabel}/hour`,
  };
}

/** The hourly charge and capacity units of an application or network load balancer, and its public addresses. */
export function chargeLoadBalancer(ledger: ComponentLedger, type: 'application' | 'network', label: string, internetFacing: boolean): void {
  ledger.charge({ what: `${label} (${type})`, key: `lb/${type}`, quantity: hoursOf(1) });
  const unitLabel = type === 'application' ? 'LCU' : 'NLCU';
  const derived = capacityFromTraffic(ledger, type, unitLabel);
  const units = ledger.usage({ name: 'capacityUnitsPerHour', label: `Average ${unitLabel}s per hour`, unit: `${unitLabel}/hour`, nature: 'usage', default: 1, derived });
  if (units) ledger.charge({ what: `Capacity units (${unitLabel})`, key: `lb/${type}-lcu`, quantity: hours(units), notes: derived ? [derived.derivation] : undefined });
  if (internetFacing) publicAddresses(ledger, Math.max(1, ledger.zones.length), 'one public IPv4 address per zone the load balancer serves');
}

/**
 * Load balancer: hours and capacity units; for an internet-facing one, its public IPv4
 * addresses and the data it sends to users (derived from the traffic, unless a CDN in front
 * serves the users and fetches from it).
 */
export const loadBalancer: Estimator<KindProps<'load-balancer'>> = {
  estimate: (ledger) => {
    const type = ledger.props.type === 'network' ? 'network' : 'application';
    const internetFacing = ledger.props.scheme !== 'internal';
    chargeLoadBalancer(ledger, type, 'Load balancer', internetFacing);
    if (!internetFacing) return;
    const traffic = ledger.traffic;
    if (traffic?.behindEdge && ledger.index.design.pricing?.usage?.[ledger.component.id]?.internetEgressGbPerMonth === undefined) {
      ledger.included('Data out to the internet', 'users are served by the CDN in front, which prices the data it sends them; not counted twice');
      return;
    }
    const derived = ledger.fromTraffic(traffic ? traffic.responseKb / KB_PER_GB : 0, `${traffic?.responseKb ?? 0} KB a response`, false);
    const egress = ledger.usage({ name: 'internetEgressGbPerMonth', label: 'Data out to the internet', unit: 'GB/month', nature: 'usage', derived: derived ? { value: Math.round(derived.value), derivation: `${derived.derivation} = ${formatNumber(derived.value, 0)} GB` } : undefined });
    if (!egress) {
      ledger.dependsOnUsage('Data out to the internet', 'internetEgressGbPerMonth', 'responses sent to users are billed per GB');
      return;
    }
    chargeTiered(ledger, 'Data out to the internet', egress, INTERNET_TIERS);
  },
};
