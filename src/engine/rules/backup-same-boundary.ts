import { aloneIds, countOf } from '../graph';
import { backupOf, backupTargets } from '../analysis/recovery';
import { componentRule, NO_RESULTS } from './helpers';
import type { Rule } from './types';

export const backupSameBoundary: Rule = {
  id: 'backup-same-boundary',
  title: 'Backups never leave the production account or region',
  severity: 'high',
  autoFixable: false,
  category: 'data',
  rationale:
    'A compromised or deleted account, an operator error with broad permissions, or a region-wide event can take the data and its backups together. Copies in a separate account (locked) and another region are what make a backup independent of the thing it protects.',
  fix: 'Copy recovery points to a vault in a separate account with vault lock, and to another region (AWS Backup copy_action).',
  sources: ['AWS Well-Architected REL09-BP02', 'AWS Well-Architected REL13-BP02', 'Checkov CKV2_AWS_8', 'docs/reliability-reference.md HA-018'],
  // The store's own backup settings and its vaults' (regions and accounts).
  ...componentRule(['backup-targets'], (context) => {
    const { graph } = context;
    const multiRegion = graph.design.regions.length >= 2;
    return (i) => {
      const component = graph.components[i]!;
      const backup = backupOf(graph, i);
      const vaults = backupTargets(graph, i);
      if (backup?.enabled !== true && vaults.length === 0) return NO_RESULTS;
      // A replica's records of truth are its source's; the source's backups are the ones judged.
      if (countOf(graph.in.replication, i) > 0) return NO_RESULTS;
      let otherAccount = backup?.separateAccount === true;
      let otherRegion = typeof backup?.copyToRegion === 'string' && backup.copyToRegion !== component.region;
      for (const v of vaults) {
        const vault = graph.traits[v]!.data?.vault;
        if (vault?.separateAccount === true) otherAccount = true;
        if (graph.components[v]!.region !== component.region || vault?.copyToRegion !== undefined) otherRegion = true;
      }
      if (!otherAccount && !otherRegion) {
        return [
          {
            components: [component.id, ...vaults.map((v) => graph.components[v]!.id)],
            message: `${context.name(i)}'s backups stay in the production account and region: whatever takes the data can take its backups too.`,
          },
        ];
      }
      if (multiRegion && !otherRegion) {
        return [
          {
            components: aloneIds(graph, i),
            severity: 'medium',
            message: `${context.name(i)}'s backups never leave its region, although the design has a recovery region.`,
            fix: `Copy ${context.name(i)}'s backups to the recovery region.`,
          },
        ];
      }
      return NO_RESULTS;
    };
  }),
};
