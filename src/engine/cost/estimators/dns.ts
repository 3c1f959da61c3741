import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

/** DNS: hosted zones, queries, and health checks for failover records (one per region endpoint). */
export const dns: Estimator<KindProps<'dns'>> = {
  estimate: (ledger) => {
    const { props, index } = ledger;
    const zones = ledger.usage({ name: 'hostedZones', label: 'Hosted zones', unit: 'zones', nature: 'provisioned', default: 1 });
    if (zones) ledger.charge({ what: 'Hosted zone', key: 'dns/zone', quantity: zones });
    const queries = ledger.usage({ name: 'queriesPerMonth', label: 'DNS queries', unit: 'queries/month', nature: 'usage', default: 10_000_000 });
    if (queries) ledger.charge({ what: props.failoverRouting ? 'Queries (failover records)' : 'Queries', key: 'dns/queries', quantity: queries });
    if (props.healthChecks || props.failoverRouting) {
      const checks = ledger.usage({ name: 'healthChecks', label: 'Health checks', unit: 'checks', nature: 'provisioned', default: Math.max(1, index.design.regions.length) });
      if (checks) ledger.charge({ what: 'Health checks (one per region endpoint)', key: 'dns/health-check', quantity: checks });
    }
  },
};
