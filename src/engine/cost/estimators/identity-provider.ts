import type { KindProps } from '../../../catalog';
import { range, type Estimator } from '../ledger';

const VENDORS: Readonly<Record<string, string>> = { entra: 'Microsoft', okta: 'Okta', auth0: 'Okta (Auth0)' };

/** Keycloak pods: an assumption per pod, since the kind names no size. */
const KEYCLOAK_POD = { vcpuPerPod: 1, memoryGbPerPod: 2, basis: '1 vCPU and 2 GB per Keycloak pod (an assumption)' };

/** Identity: the cloud's user pool per monthly active user; a vendor's licence; or Keycloak on the cluster. */
export const identityProvider: Estimator<KindProps<'identity-provider'>> = {
  usesCluster: (props) => props.product === 'keycloak',
  clusterPods: (_props, { replicas }) => [{ what: 'Keycloak pods', pods: range(Math.max(1, replicas)), ...KEYCLOAK_POD }],
  estimate: (ledger) => {
    const product = String(ledger.props.product ?? 'cognito');
    if (product === 'keycloak') {
      ledger.included('Keycloak pods', `run on the region's cluster nodes, which are sized for them (${KEYCLOAK_POD.basis}) and priced once with the control plane`);
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
