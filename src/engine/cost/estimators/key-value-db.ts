import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

/** Key-value stores on demand: reads, writes, storage, and continuous backups by the gigabyte. */
export const keyValueDb: Estimator<KindProps<'key-value-db'>> = {
  backupProfile: (props) => ({ gb: props.storageGb, key: 'backup/key-value', label: 'table backups' }),
  estimate: (ledger) => {
    const { props } = ledger;
    if (props.capacityMode === 'provisioned') {
      ledger.notInCatalog('Provisioned capacity', 'provisioned read and write capacity units are not in this catalog; price it on demand or import a price book');
    } else {
      const reads = ledger.usage({ name: 'readsPerMonth', label: 'Reads', unit: 'requests/month', nature: 'usage', prop: 'readsPerMonth', default: 100_000_000 });
      if (reads) ledger.charge({ what: 'Read requests', key: 'kv/reads', quantity: reads });
      const writes = ledger.usage({ name: 'writesPerMonth', label: 'Writes', unit: 'requests/month', nature: 'usage', prop: 'writesPerMonth', default: 20_000_000 });
      if (writes) ledger.charge({ what: props.globalTable ? 'Write requests (each replica region bills its own replicated writes)' : 'Write requests', key: 'kv/writes', quantity: writes });
    }
    const stored = ledger.usage({ name: 'storageGb', label: 'Stored', unit: 'GB', nature: 'usage', prop: 'storageGb', default: 50 });
    if (!stored) return;
    ledger.charge({ what: 'Storage', key: 'kv/storage', quantity: stored });
    if (props.backup.pitr) ledger.charge({ what: 'Continuous backups (point-in-time recovery)', key: 'kv/pitr', quantity: stored });
  },
};
