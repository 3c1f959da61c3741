import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

const VENDORS: Readonly<Record<string, string>> = { entra: 'Microsoft', okta: 'Okta', auth0: 'Okta (Auth0)' };

/** Identity: the cloud's user pool per monthly active user; a vendor's licence; or Keycloak on the cluster. */
export const identityProvider: Estimator<KindProps<'identity-provider'>> = {
  usesCluster: (props) => props.product === 'keycloak',
  estimate: (ledger) => {
    const product = String(ledger.props.product ?? 'cognito');
    if (product === 'keycloak') {
      ledger.included('Keycloak pods', 'run on the cluster nodes, priced with the workloads that run there');
      return;
    }
    const users = ledger.usage({ name: 'monthlyActiveUsers', label: 'Monthly active users', unit: 'users', nature: 'usage', prop: 'monthlyActiveUsers', default: 10_000 });
    const vendor = VENDORS[product];
    if (vendor) {
      ledger.notInCatalog(`${vendor} licence`, `licensed from ${vendor} per user; not a cloud list price, so not in the catalog`);
      return;
    }
    if (users) ledger.charge({ what: 'Monthly active users', key: 'identity/monthly-active-users', quantity: users });
  },
};
