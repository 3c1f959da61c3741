import { defineKind } from '../define-kind';

export const backupVault = defineKind({
  id: 'backup-vault',
  title: 'Backup vault',
  description: 'A central backup plan and vault (AWS Backup, Azure Backup, Backup and DR) that copies backups to another account or region and locks them.',
  layer: 'storage',
  keywords: ['backup', 'aws backup', 'vault', 'snapshots', 'restore', 'recovery'],
  services: { aws: ['AWS Backup vault'], azure: ['Azure Backup vault', 'Recovery Services vault'], gcp: ['Backup and DR Service'] },
  capabilities: { stateful: true, placement: 'regional', zoneRedundantService: true, dataRole: 'backups' },
  props: [
    { key: 'separateAccount', label: 'In a separate account', help: 'The vault lives in another account, out of reach of a compromised production account.', type: 'boolean', default: false },
    { key: 'copyToRegion', label: 'Copies to region', help: 'Copies of each recovery point land in another region of this design, once a day with the backup plan. Copies of continuous backups become snapshots without point-in-time recovery: after a region loss they restore to the last daily copy.', type: 'region' },
    { key: 'vaultLock', label: 'Vault lock', help: 'Recovery points cannot be deleted before their retention ends, not even by an administrator.', type: 'boolean', default: false },
    { key: 'storageGb', label: 'Backup storage', help: 'Gigabytes of recovery points kept, for pricing.', type: 'number', min: 0, max: 1e9, default: 500, unit: 'GB' },
  ],
  initialProps: { separateAccount: true, vaultLock: true },
  traits: (props) => ({
    // Copies follow the backup plan's schedule, which the exported plan runs daily.
    data: { role: 'backups', irreplaceable: false, sizeGb: props.storageGb, vault: { copyToRegion: props.copyToRegion, separateAccount: props.separateAccount, locked: props.vaultLock, copyIntervalHours: 24 } },
  }),
});
