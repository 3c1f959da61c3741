import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';
import { chargeBackupCopy, incomingBackupGb, MONTHLY_CHANGE_SHARE } from './shared';

/** Backup vault: recovery points stored, and copies in another region. */
export const backupVault: Estimator<KindProps<'backup-vault'>> = {
  estimate: (ledger) => {
    const { props } = ledger;
    // Without a figure of its own, the vault holds about what is backed up into it.
    const explicit = ledger.component.props !== undefined && 'storageGb' in ledger.component.props;
    const incoming = explicit ? undefined : incomingBackupGb(ledger);
    const stored = ledger.usage({ name: 'storageGb', label: 'Recovery points stored', unit: 'GB', nature: 'usage', ...(incoming === undefined ? { prop: 'storageGb' } : {}), default: incoming ?? 500 });
    if (!stored) return;
    ledger.charge({ what: 'Recovery points', key: 'backup/rds-snapshot', quantity: stored, notes: ['priced as database snapshot storage; other resource types differ'] });
    if (props.vaultLock) ledger.free('Vault lock', 'no charge of its own');
    chargeBackupCopy(ledger, {
      key: 'backup/rds-snapshot',
      storedGb: stored,
      monthlyCopyGb: stored.expected * MONTHLY_CHANGE_SHARE,
      targetRegion: typeof props.copyToRegion === 'string' ? props.copyToRegion : undefined,
      separateAccount: false,
    });
  },
};
