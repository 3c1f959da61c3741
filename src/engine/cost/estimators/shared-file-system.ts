import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

/** File systems: gigabytes stored at the regional or one-zone rate, and a replica's copy. */
export const sharedFileSystem: Estimator<KindProps<'shared-file-system'>> = {
  backupProfile: (props) => ({ gb: props.storageGb, key: 'backup/file-system', label: 'file system backups' }),
  estimate: (ledger) => {
    const { props } = ledger;
    const stored = ledger.usage({ name: 'storageGb', label: 'Stored', unit: 'GB', nature: 'usage', prop: 'storageGb', default: 500 });
    if (!stored) return;
    const oneZone = props.availability === 'one-zone';
    ledger.charge({ what: oneZone ? 'Storage, one zone' : 'Storage, regional', key: oneZone ? 'files/one-zone' : 'files/regional', quantity: stored });
    const replicaLocation = ledger.locationOf(props.replicateToRegion);
    if (props.replicateToRegion !== undefined && replicaLocation) {
      ledger.charge({ what: `Replica in region ${props.replicateToRegion}`, key: 'files/regional', quantity: stored, location: replicaLocation });
    }
  },
};
