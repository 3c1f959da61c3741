import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { chargeTiered, hours } from './shared';
import { formatNumber } from '../numbers';

const KB_PER_GB = 1024 * 1024;

/** CDN: data out to users in tiers and HTTPS requests (from the traffic when the design states it), and routing rules where the provider charges them. */
export const cdn: Estimator<KindProps<'cdn'>> = {
  servesFromEdge: true,
  estimate: (ledger) => {
    const traffic = ledger.traffic;
    const bytes = traffic ? ledger.fromTraffic(traffic.responseKb / KB_PER_GB, `${traffic.responseKb} KB a response`, false) : undefined;
    const dataOut = ledger.usage({
      name: 'dataOutGbPerMonth',
      label: 'Data served to users',
      unit: 'GB/month',
      nature: 'usage',
      prop: 'dataOutGbPerMonth',
      default: 500,
      derived: bytes ? { value: Math.round(bytes.value), derivation: `${bytes.derivation} = ${formatNumber(bytes.value, 0)} GB` } : undefined,
    });
    if (dataOut) {
      chargeTiered(ledger, 'Data out to users', dataOut, [
        { key: 'cdn/data-out-tier1', upToGb: 10 * 1024, label: 'first 10 TB' },
        { key: 'cdn/data-out-tier2', upToGb: 50 * 1024, label: 'next 40 TB' },
      ]);
    }
    const derived = ledger.fromTraffic(1, 'one request each');
    const requests = ledger.usage({ name: 'requestsPerMonth', label: 'HTTPS requests', unit: 'requests/month', nature: 'usage', default: 10_000_000, derived });
    if (requests) ledger.charge({ what: 'HTTPS requests', key: 'cdn/https-requests', quantity: requests, notes: derived ? [derived.derivation] : undefined });
    if (ledger.book.has('cdn/routing-rule')) {
      const rules = ledger.usage({ name: 'routingRules', label: 'Routing rules', unit: 'rules', nature: 'provisioned', default: 1 });
      if (rules) ledger.charge({ what: 'Routing rules', key: 'cdn/routing-rule', quantity: hours(rules) });
    }
  },
};
