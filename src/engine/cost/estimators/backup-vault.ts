import type { KindProps } from '../../../catalog';
import { mapRange, type Estimator } from '../ledger';
import type { Range } from '../types';
import { chargeBackupCopy, incomingBackups, isExplicit, MONTHLY_CHANGE_SHARE } from './shared';
import { formatNumber } from '../numbers';

/**
 * Backup vault: the recovery points of each source, at the rate of its kind of recovery point
 * (database snapshots, object-store backups), and copies in another region at the same rates.
 */
export const backupVault: Estimator<KindProps<'backup-vault'>> = {
  estimate: (ledger) => {
    const { props } = ledger;
    const sources = incomingBackups(ledger);
    const copyTo = typeof props.copyToRegion === 'string' ? props.copyToRegion : undefined;
    if (props.vaultLock) ledger.free('Vault lock', 'no charge of its own');
    if (sources.length === 0 || isExplicit(ledger, 'storageGb')) {
      // Without sources to say what they are, the vault's own figure is priced as database snapshots.
      const stored = ledger.usage({ name: 'storageGb', label: 'Recovery points stored', unit: 'GB', nature: 'usage', prop: 'storageGb', default: 500 });
      if (!stored) return;
      ledger.charge({ what: 'Recovery points', key: 'backup/rds-snapshot', quantity: stored, notes: ['priced as database snapshot storage: no backup connection says what the recovery points are'] });
      chargeBackupCopy(ledger, { key: 'backup/rds-snapshot', storedGb: stored, monthlyCopyGb: stored.expected * MONTHLY_CHANGE_SHARE, targetRegion: copyTo, separateAccount: false, label: 'Recovery point copies' });
      return;
    }
    for (const source of sources) {
      if (!source.profile) {
        ledger.notInCatalog(`Recovery points of ${source.id}`, `no backup price model for what ${source.id} is; set pricing.usage.${ledger.component.id}.storageGb to price the vault as a whole`);
        continue;
      }
      const { profile } = source;
      const stored: Range | undefined = ledger.usage({ name: `storageGb.${source.id}`, label: `Recovery points of ${source.id} (${profile.label})`, unit: 'GB', nature: 'usage', default: profile.gb });
      if (!stored) continue;
      ledger.charge({ what: `Recovery points of ${source.id} (${profile.label}, ${formatNumber(stored.expected, 0)} GB)`, key: profile.key, quantity: stored });
      chargeBackupCopy(ledger, {
        key: profile.key,
        storedGb: stored,
        monthlyCopyGb: mapRange(stored, (gb) => gb * MONTHLY_CHANGE_SHARE).expected,
        targetRegion: copyTo,
        separateAccount: false,
        label: `Copies of ${source.id}'s recovery points`,
        usageName: `backupCopyGbPerMonth.${source.id}`,
      });
    }
  },
};
