import type { KindProps } from '../../../catalog';
import { mapRange, type Estimator } from '../ledger';
import { interRegionKey, MONTHLY_CHANGE_SHARE } from './shared';

/** Object storage: GB stored by class, old versions kept, requests, and a replica in another region. */
export const objectStorage: Estimator<KindProps<'object-storage'>> = {
  backupProfile: (props) => ({ gb: Number(props.storageGb ?? 500), key: 'backup/s3', label: 'object-store backups' }),
  estimate: (ledger) => {
    const { props } = ledger;
    const storageClass = props.storageClass === 'infrequent' ? 'infrequent' : 'standard';
    const key = `object/${storageClass}`;
    const stored = ledger.usage({ name: 'storageGb', label: 'Stored', unit: 'GB', nature: 'usage', prop: 'storageGb', default: 500 });
    if (stored) ledger.charge({ what: `Storage (${storageClass})`, key, quantity: stored });
    if (stored && props.versioning) {
      const share = ledger.usage({ name: 'noncurrentVersionsPercent', label: 'Old versions kept, as a share of stored data', unit: '%', nature: 'provisioned', default: 10 });
      if (share && share.expected > 0) ledger.charge({ what: 'Old versions kept (versioning)', key, quantity: mapRange(stored, (gb) => (gb * share.expected) / 100) });
    }
    if (props.objectLock) ledger.free('Object lock', 'no charge of its own; locked versions are billed as storage');
    const requests = ledger.usage({ name: 'requestsPerMonth', label: 'Requests', unit: 'requests/month', nature: 'usage', prop: 'requestsPerMonth', default: 1_000_000 });
    if (requests) {
      if (storageClass === 'infrequent') {
        ledger.notInCatalog('Requests and retrievals (infrequent access)', 'the catalog has request prices for the standard class only');
      } else {
        const writes = ledger.usage({ name: 'writeRequestsPercent', label: 'Share of requests that write (PUT, COPY, POST, LIST)', unit: '%', nature: 'provisioned', default: 20 });
        const writeShare = (writes?.expected ?? 20) / 100;
        ledger.charge({ what: 'Write requests (PUT, COPY, POST, LIST)', key: 'object/write-requests', quantity: mapRange(requests, (r) => r * writeShare) });
        ledger.charge({ what: 'Read requests (GET and others)', key: 'object/read-requests', quantity: mapRange(requests, (r) => r * (1 - writeShare)) });
      }
    }
    const target = typeof props.replicateToRegion === 'string' ? props.replicateToRegion : undefined;
    const targetLocation = ledger.locationOf(target);
    if (stored && target && targetLocation) {
      ledger.charge({ what: `Replica in region ${target} (${targetLocation})`, key, quantity: stored, location: targetLocation });
      const replicated = ledger.usage({ name: 'replicatedGbPerMonth', label: 'New data replicated per month', unit: 'GB/month', nature: 'usage', default: Math.round(stored.expected * MONTHLY_CHANGE_SHARE) });
      if (replicated && replicated.high > 0) ledger.charge({ what: `Replication transfer to ${targetLocation}`, key: interRegionKey(ledger, ledger.location, targetLocation), quantity: replicated });
      // A `replication` connection to the same region names the same copy: its transfer is this one.
      ledger.coverTransfer(target);
    }
  },
};
