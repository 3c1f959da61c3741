import { formatAvailability, formatDowntime, formatModelled, formatDurationDelta, formatEstimate, formatMoney, formatMoneyDelta, formatNines, formatSigned } from '../format';
import { describeCostPerNine, shortCostPerNine } from './describe';
import type { ComparedDesign, DesignComparison, JourneyCell, ScenarioCell } from './types';
import { formatDuration } from '../../model';
import { SEVERITIES } from '../rules/types';

/**
 * The comparison as rows of figures, one cell per design, shared by the command line's text and
 * Markdown and the app's Markdown copy, so all show the same figures in the same order.
 */
export interface CompareRow {
  label: string;
  /** 0 for a section's main rows, 1 for the rows under them. */
  depth: 0 | 1;
  cells: string[];
  /** The difference to the first design per design ('' for the first, and where there is none). */
  deltas: string[];
}

export interface CompareSection {
  title: string;
  rows: CompareRow[];
}

const empty = (c: DesignComparison): string[] => c.designs.map(() => '');

function deltaCells(c: DesignComparison, pick: (d: ComparedDesign) => string): string[] {
  return c.designs.map((d) => (d.delta ? pick(d) : ''));
}

function costSection(c: DesignComparison): CompareSection {
  const cur = (d: ComparedDesign) => d.cost.currency;
  return {
    title: 'Cost (on-demand list prices, expected usage)',
    rows: [
      {
        label: 'Monthly',
        depth: 0,
        cells: c.designs.map((d) => formatMoney(d.cost.monthly.expected, cur(d))),
        deltas: deltaCells(c, (d) => (d.delta!.monthlyTrend === 'n/a' ? 'not comparable' : `${formatMoneyDelta(d.delta!.monthly.expected, cur(d))}${d.delta!.monthlyPercent === null ? '' : ` (${formatSigned(d.delta!.monthlyPercent, 1, '%')})`}`)),
      },
      {
        label: 'Monthly range (low to high usage)',
        depth: 1,
        cells: c.designs.map((d) => `${formatMoney(d.cost.monthly.low, cur(d))} to ${formatMoney(d.cost.monthly.high, cur(d))}`),
        deltas: deltaCells(c, (d) => (d.delta!.monthlyTrend === 'n/a' ? '' : `${formatMoneyDelta(d.delta!.monthly.low, cur(d))} to ${formatMoneyDelta(d.delta!.monthly.high, cur(d))}`)),
      },
      {
        label: 'Yearly',
        depth: 0,
        cells: c.designs.map((d) => formatMoney(d.cost.yearly.expected, cur(d))),
        deltas: deltaCells(c, (d) => (d.delta!.monthlyTrend === 'n/a' ? '' : formatMoneyDelta(d.delta!.yearly.expected, cur(d)))),
      },
      {
        label: 'Prices (oldest as of); lines the total excludes',
        depth: 1,
        cells: c.designs.map((d) => `${d.cost.commitment}, ${d.cost.asOf}; ${d.cost.excludedLines}`),
        deltas: empty(c),
      },
    ],
  };
}

function ninesSection(c: DesignComparison): CompareSection {
  return {
    title: 'What each added nine costs (weakest journey, modelled availability)',
    rows: [
      {
        label: 'Weakest journey',
        depth: 0,
        cells: c.designs.map((d) => (d.weakest ? `${d.weakest.name}: ${formatModelled(d.weakest.percent, d.weakest.low, d.weakest.high).value} (${formatNines(d.weakest.nines)} nines)` : 'no journeys')),
        deltas: deltaCells(c, (d) => (d.delta!.weakest.nines === null ? '' : `${formatSigned(d.delta!.weakest.nines, 2)} nines`)),
      },
      {
        label: 'Expected downtime a month',
        depth: 1,
        cells: c.designs.map((d) => (d.weakest ? formatDowntime(d.weakest.downtimeMinutesPerMonth) : '')),
        deltas: deltaCells(c, (d) => (d.delta!.weakest.downtimeMinutesPerMonth === null ? '' : formatSigned(d.delta!.weakest.downtimeMinutesPerMonth, 1, ' min'))),
      },
      {
        label: 'Cost per added nine',
        depth: 0,
        cells: c.designs.map((d) => shortCostPerNine(d.costPerNine, d.cost.currency)),
        deltas: empty(c),
      },
    ],
  };
}

function journeyText(cell: JourneyCell | null): string {
  if (!cell) return 'missing';
  if (cell.percent === null) return 'cannot work';
  const shown = formatModelled(cell.percent, cell.low, cell.high);
  return `${shown.value} (${shown.low} to ${shown.high}; ${formatNines(cell.nines)} nines)`;
}

function floorText(cell: JourneyCell | null): string {
  if (!cell) return '';
  return cell.floor !== null ? formatAvailability(cell.floor) : cell.percent === null ? '' : 'unknown';
}

function capText(cell: JourneyCell | null): string {
  if (!cell || cell.contributors.length === 0) return '';
  return cell.contributors.map((c) => `${c.title} ${formatDowntime(c.minutesPerMonth)}`).join('; ');
}

function journeysSection(c: DesignComparison): CompareSection {
  const rows: CompareRow[] = [];
  for (const row of c.journeys) {
    rows.push({
      label: row.name,
      depth: 0,
      cells: row.cells.map(journeyText),
      deltas: row.cells.map((cell) => (cell?.delta && cell.delta.percent !== null ? `${formatSigned(cell.delta.percent, 4, ' pp')}, ${formatSigned(cell.delta.nines ?? 0, 2)} nines` : '')),
    });
    rows.push({
      label: 'SLA floor (what the SLAs commit to)',
      depth: 1,
      cells: row.cells.map(floorText),
      deltas: empty(c),
    });
    rows.push({
      label: 'What caps it',
      depth: 1,
      cells: row.cells.map(capText),
      deltas: empty(c),
    });
    rows.push({
      label: 'Expected downtime a month; target',
      depth: 1,
      cells: row.cells.map((cell) => (cell ? `${formatDowntime(cell.downtimeMinutesPerMonth)}; ${cell.target}% ${cell.meetsTarget ? 'met' : 'missed'}` : '')),
      deltas: row.cells.map((cell) => (cell?.delta && cell.delta.downtimeMinutesPerMonth !== null ? formatSigned(cell.delta.downtimeMinutesPerMonth, 1, ' min') : '')),
    });
    rows.push({
      label: 'Cost per added nine',
      depth: 1,
      cells: row.cells.map((cell, i) => (cell ? shortCostPerNine(cell.costPerNine, c.designs[i]!.cost.currency) : '')),
      deltas: empty(c),
    });
  }
  return { title: 'Availability per journey (modelled from failure rates; the SLA floor beside it)', rows };
}

function estimateText(cell: ScenarioCell | null): string {
  if (!cell) return 'no such scenario';
  return `RTO ${formatEstimate(cell.rto.seconds)}, RPO ${formatEstimate(cell.rpo.seconds)}`;
}

function recoverySection(c: DesignComparison): CompareSection {
  const rows: CompareRow[] = [];
  for (const row of c.scenarios) {
    rows.push({
      label: row.title,
      depth: 0,
      cells: row.cells.map(estimateText),
      deltas: row.cells.map((cell) => (cell?.delta ? `RTO ${formatDurationDelta(cell.delta.rtoSeconds, cell.delta.rtoTrend)}, RPO ${formatDurationDelta(cell.delta.rpoSeconds, cell.delta.rpoTrend)}` : '')),
    });
    rows.push({
      label: 'Against the tier',
      depth: 1,
      cells: row.cells.map((cell, i) => {
        if (!cell) return '';
        const tier = c.designs[i]!.tier;
        return `RTO ${cell.meetsRto ? 'met' : 'missed'} (${formatDuration(tier.rtoSeconds)}), RPO ${cell.meetsRpo ? 'met' : 'missed'} (${formatDuration(tier.rpoSeconds)})`;
      }),
      deltas: empty(c),
    });
    rows.push({
      label: 'Worst case',
      depth: 1,
      cells: row.cells.map((cell) => (!cell ? '' : cell.rto.scenario === cell.rpo.scenario ? cell.rto.title : `${cell.rto.title} (RTO); ${cell.rpo.title} (RPO)`)),
      deltas: empty(c),
    });
  }
  return { title: 'Recovery (worst estimate per failure scenario class)', rows };
}

function findingsSection(c: DesignComparison): CompareSection {
  const rows: CompareRow[] = [...SEVERITIES].reverse().map((severity) => ({
    label: severity[0]!.toUpperCase() + severity.slice(1),
    depth: 0 as const,
    cells: c.designs.map((d) => String(d.findings[severity])),
    deltas: deltaCells(c, (d) => (d.delta!.findings[severity] === 0 ? '' : formatSigned(d.delta!.findings[severity], 0))),
  }));
  rows.push({ label: 'Suppressed (with a reason)', depth: 1, cells: c.designs.map((d) => String(d.suppressedFindings)), deltas: empty(c) });
  return { title: 'Open findings by severity', rows };
}

function sizeSection(c: DesignComparison): CompareSection {
  const count = (label: string, pick: (d: ComparedDesign) => number, delta?: (d: ComparedDesign) => number): CompareRow => ({
    label,
    depth: 0,
    cells: c.designs.map((d) => String(pick(d))),
    deltas: delta ? deltaCells(c, (d) => (delta(d) === 0 ? '' : formatSigned(delta(d), 0))) : empty(c),
  });
  return {
    title: 'Size',
    rows: [
      { label: 'Tier', depth: 0, cells: c.designs.map((d) => `${d.tier.id} (${d.tier.availability}%, RTO ${formatDuration(d.tier.rtoSeconds)}, RPO ${formatDuration(d.tier.rpoSeconds)})`), deltas: empty(c) },
      count('Components', (d) => d.counts.components, (d) => d.delta!.components),
      count('Regions', (d) => d.counts.regions, (d) => d.delta!.regions),
      count('Zones', (d) => d.counts.zones, (d) => d.delta!.zones),
      count('Journeys', (d) => d.counts.journeys),
    ],
  };
}

export function compareSections(c: DesignComparison): CompareSection[] {
  return [costSection(c), ninesSection(c), journeysSection(c), recoverySection(c), findingsSection(c), sizeSection(c)];
}

/**
 * One paragraph per design after the first: its cost against the first, what each added nine of
 * its weakest journey costs, and the same per journey. The answer to "is it worth it?".
 */
export function compareVerdicts(c: DesignComparison): string[] {
  const first = c.designs[0]!;
  return c.designs.slice(1).map((d) => {
    const cur = d.cost.currency;
    const parts: string[] = [];
    if (d.delta && d.delta.monthlyTrend !== 'n/a') {
      parts.push(`${formatMoneyDelta(d.delta.monthly.expected, cur)} a month${d.delta.monthlyPercent === null ? '' : ` (${formatSigned(d.delta.monthlyPercent, 1, '%')})`}, ${formatMoneyDelta(d.delta.yearly.expected, cur)} a year.`);
    }
    if (d.weakest) parts.push(`Weakest journey by modelled availability (${d.weakest.name}): ${describeCostPerNine(d.costPerNine, cur)}.`);
    const perJourney = c.journeys.flatMap((row) => {
      const cell = row.cells[d.index];
      return cell && row.cells[0] ? [`${row.name}: ${describeCostPerNine(cell.costPerNine, cur)}`] : [];
    });
    if (perJourney.length > 0) parts.push(`Per journey: ${perJourney.join('; ')}.`);
    return `${d.label} against ${first.label}: ${parts.join(' ')}`;
  });
}
