import type { CostReport, LineStatus } from './types';

/** How every face (the cost panel, the command line, the proposal) words a line that is not simply priced. */
export const LINE_STATUS_LABELS: Readonly<Record<LineStatus, string>> = {
  priced: 'priced',
  free: 'free',
  usage: 'depends on usage',
  'not-in-catalog': 'price not in catalog',
  'not-in-region': 'no price for this region',
  unsupported: 'unsupported',
  included: 'included elsewhere',
  external: 'not priced (external)',
};

/** "excludes 3 lines: 2 no price for this region, 1 depends on usage", or '' when nothing is left out. */
export function excludedCaption(report: Pick<CostReport, 'excluded'>): string {
  const { lines, byStatus } = report.excluded;
  if (lines === 0) return '';
  const parts = (Object.entries(byStatus) as [LineStatus, number][]).filter(([, n]) => n > 0).map(([status, n]) => `${n} ${LINE_STATUS_LABELS[status]}`);
  return `excludes ${lines} line${lines === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/**
 * What every face prints beside the headline total, so that no total appears without what it
 * leaves out, the commitment it assumes, the date of its oldest price and the sources it rests on.
 */
export function totalCaption(report: Pick<CostReport, 'excluded' | 'commitment' | 'asOf' | 'asOfNewest' | 'secondarySourceLines' | 'importedLines' | 'provider'>): string {
  const parts: string[] = [];
  const excluded = excludedCaption(report);
  parts.push(excluded === '' ? 'every line priced' : `${excluded} (the total is a lower bound)`);
  parts.push(`${report.provider.toUpperCase()} ${report.commitment === 'on-demand' ? 'on-demand' : `${report.commitment} commitment`} prices as of ${report.asOf}${report.asOfNewest && report.asOfNewest !== report.asOf ? ` (oldest; newest ${report.asOfNewest})` : ''}`);
  if (report.importedLines > 0) parts.push(`${report.importedLines} from your price book`);
  if (report.secondarySourceLines > 0) parts.push(`${report.secondarySourceLines} line${report.secondarySourceLines === 1 ? '' : 's'} priced from a source that is not first-party`);
  return parts.join('; ');
}
