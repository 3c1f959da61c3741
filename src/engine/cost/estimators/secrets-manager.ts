import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

/** Secrets: each secret per month (a replica in another region is another secret), and API calls. */
export const secretsManager: Estimator<KindProps<'secrets-manager'>> = {
  estimate: (ledger) => {
    const { props } = ledger;
    const secrets = ledger.usage({ name: 'secrets', label: 'Secrets', unit: 'secrets', nature: 'provisioned', prop: 'secrets', default: 20 });
    if (secrets) ledger.charge({ what: 'Secrets', key: 'secrets/secret', quantity: secrets });
    const target = typeof props.replicatedToRegion === 'string' ? props.replicatedToRegion : undefined;
    const targetLocation = ledger.locationOf(target);
    if (secrets && target && targetLocation) {
      ledger.charge({ what: `Replica secrets in region ${target}`, key: 'secrets/secret', quantity: secrets, location: targetLocation, notes: ['each replica is billed as a secret'] });
    }
    // Services that cache secrets call the API on refresh only; fetching per request costs far more.
    const requests = ledger.usage({ name: 'requestsPerMonth', label: 'API requests', unit: 'requests/month', nature: 'usage', default: props.cachedInApp ? 100_000 : 5_000_000 });
    if (requests) ledger.charge({ what: 'API requests', key: 'secrets/requests', quantity: requests });
  },
};
