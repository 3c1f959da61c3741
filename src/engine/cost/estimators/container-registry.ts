import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

/** Registries: images stored, once per region that holds a copy. */
export const containerRegistry: Estimator<KindProps<'container-registry'>> = {
  estimate: (ledger) => {
    const { props } = ledger;
    const stored = ledger.usage({ name: 'storageGb', label: 'Stored', unit: 'GB', nature: 'usage', prop: 'storageGb', default: 50 });
    if (!stored) return;
    ledger.charge({ what: 'Image storage', key: 'registry/storage', quantity: stored });
    const replicaLocation = ledger.locationOf(props.replicateToRegion);
    if (props.replicateToRegion !== undefined && replicaLocation) {
      ledger.charge({ what: `Replicated images in region ${props.replicateToRegion}`, key: 'registry/storage', quantity: stored, location: replicaLocation });
    }
  },
};
